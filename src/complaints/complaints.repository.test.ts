import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { makeComplaint } from '../test/factories.js';
import { newId } from '../db/ids.js';
import {
  countRecentFromContact,
  findComplaintByCode,
  insertComplaintIfCodeFree,
} from './complaints.repository.js';

for (const dialect of dialects()) {
  describe(`complaints repository (${dialect})`, () => {
    it('counts filings by the email, the phone or either, since the moment given', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const reporter = (email: string, phone: string) => ({ reporter: { name: 'Warga', email, phone } });
      await makeComplaint(app, reporter('ani@example.com', '081111111111'));
      await makeComplaint(app, reporter('ani@example.com', ''));
      await makeComplaint(app, reporter('', '081111111111'));
      await makeComplaint(app, reporter('budi@example.com', '082222222222'));
      const since = new Date(Date.now() - 3_600_000).toISOString();

      const count = (email: string, phone: string, from = since) =>
        countRecentFromContact(app.db, { email, phone }, from);
      assert.equal(await count('ani@example.com', ''), 2);
      assert.equal(await count('', '081111111111'), 2);
      assert.equal(await count('ani@example.com', '081111111111'), 3);
      assert.equal(await count('', ''), 0);
      assert.equal(
        await count('ani@example.com', '081111111111', new Date(Date.now() + 60_000).toISOString()),
        0,
      );
    });

    it('stores a filed complaint only under a tracking code no other complaint has', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint: first } = await makeComplaint(app);
      const second = { ...first, id: newId(), title: 'Laporan kedua', submissionKey: null };
      assert.equal(await insertComplaintIfCodeFree(app.db, second), false, 'the code is taken');
      assert.equal((await findComplaintByCode(app.db, first.trackingCode))?.title, first.title);
      const stored = await app.db.selectFrom('complaints').select('id').where('id', '=', second.id).execute();
      assert.deepEqual(stored, [], 'nothing was stored under the taken code');

      const fresh = { ...second, trackingCode: `${first.trackingCode}X` };
      assert.equal(await insertComplaintIfCodeFree(app.db, fresh), true);
      assert.equal((await findComplaintByCode(app.db, fresh.trackingCode))?.title, 'Laporan kedua');
    });
  });
}
