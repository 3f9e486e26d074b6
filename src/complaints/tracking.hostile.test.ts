import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { TestClient } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import {
  assertNoRawMarkup,
  assertRefusedForm,
  decodeEntities,
  fieldValue,
  HOSTILE_TEXT,
  INVALID_UTF8,
  postRawForm,
  Problems,
} from '../test/hostile.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';

// The tracking page's lookup field and the citizen's text fields, swept like the other forms:
// refused with "Ada masalah" and the typed text shown again, or kept and shown escaped.

for (const dialect of dialects()) {
  describe(`hostile input on the tracking page (${dialect})`, () => {
    it('answers every lookup and every citizen form with a 4xx page or an escaped page', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const opd: Caller = {
        kind: 'staff',
        actor: (await makeMember(app, 'pupr', 'complaint_officer')).actor,
      };
      const { complaint, accessKey } = await makeComplaint(app);
      const code = complaint.trackingCode;
      const ctx = { baseUrl: app.config.baseUrl };
      const answer = () => actOnComplaint(app.db, opd, code, { action: 'answer', message: 'Sudah.' }, ctx);
      await actOnComplaint(app.db, coord, code, { action: 'assign', agency: 'pupr' }, ctx);
      await answer();
      const client = new TestClient(app);
      const page = `/aduan/lacak?kode=${code}`;
      await client.get(`${page}&kunci=${accessKey}`);
      const problems = new Problems();

      for (const { label, value } of HOSTILE_TEXT) {
        const lookup = await new TestClient(app).get(`/aduan/lacak?kode=${encodeURIComponent(value)}`);
        await problems.check(`kode = ${label}`, () => {
          assert.ok(lookup.statusCode >= 400 && lookup.statusCode < 500, `status ${lookup.statusCode}`);
          assertNoRawMarkup(lookup.body, 'lookup');
          if (value.length < 40) assert.equal(fieldValue(lookup.body, 'kode'), value, 'shown again');
        });
      }

      const forms = [
        { action: 'add_info', field: 'message', extra: {} },
        { action: 'rate', field: 'comment', extra: { stars: '3' } },
        { action: 'reopen', field: 'reason', extra: {} },
      ] as const;
      for (const { action, field, extra } of forms) {
        for (const { label, value } of HOSTILE_TEXT) {
          const what = `${action}.${field} = ${label}`;
          const sent = { kode: code, kunci: accessKey, action, ...extra, [field]: value };
          const res = await client.post('/aduan/lacak/tindakan', sent);
          await problems.check(what, async () => {
            assert.ok(res.statusCode < 500, `status ${res.statusCode}`);
            if (res.statusCode !== 303) return assertRefusedForm(res, sent, [field], what);
            const shown = await client.get(page);
            assertNoRawMarkup(shown.body, what);
            assert.ok(decodeEntities(shown.body).includes(value.trim()), `${what}: shown to the citizen`);
          });
          if (action === 'reopen' && res.statusCode === 303) await answer();
        }
      }
      const raw = await postRawForm(client, page, '/aduan/lacak/tindakan', [
        `kode=${code}&kunci=${accessKey}&action=add_info&message=Pasar`,
        INVALID_UTF8,
      ]);
      await problems.check('message = invalid UTF-8', () => {
        assert.equal(raw.statusCode, 422);
        assert.match(raw.body, /Ada masalah/);
      });
      t.diagnostic(`${problems.tried} hostile submissions`);
      assert.deepEqual(problems.list, []);
    });
  });
}
