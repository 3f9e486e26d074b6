import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { savePledge } from '../standards/standards.service.js';
import { actOnComplaint } from '../complaints/complaints.actions.js';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint } from '../test/factories.js';
import { readAutoValues } from './assessment.auto.js';
import { finalizeYear } from './assessment.repository.js';
import { loadAssessment } from './assessment.service.js';
import { makeAnsweredComplaints, makeStandards, YEAR } from './assessment.test-support.js';

for (const dialect of dialects()) {
  describe(`automatic items from Balairung's data (${dialect})`, () => {
    it('scores complaints answered in time and the complaint channel from the complaint centre', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makeAnsweredComplaints(app);
      const pupr = await getAgencyBySlug(app.db, 'pupr');
      const values = await readAutoValues(app.db, pupr.id, YEAR);
      // one of two answered in time: 50% scores 1
      assert.deepEqual(values.complaints_in_time, {
        score: 1,
        detail: '1 dari 2 aduan ditanggapi dalam batas waktu (50%).',
      });
      assert.equal(values.complaint_channel.score, 3);

      // Disnaker is no category's usual OPD and has had no complaint: no channel, nothing due.
      const disnaker = await getAgencyBySlug(app.db, 'disnaker');
      const none = await readAutoValues(app.db, disnaker.id, YEAR);
      assert.equal(none.complaint_channel.score, 0);
      assert.equal(none.complaints_in_time.score, null);
      assert.match(none.complaints_in_time.detail, /tidak dihitung/);

      // Once the coordinator routes a complaint there, the complaint centre is its channel too.
      const filed = await makeComplaint(app, { title: 'Laporan upah di bawah UMK', category: 'lainnya' });
      await actOnComplaint(
        app.db,
        { kind: 'staff', actor: await coordinator(app) },
        filed.complaint.trackingCode,
        { action: 'assign', agency: 'disnaker' },
        { baseUrl: app.config.baseUrl },
      );
      const routed = await readAutoValues(app.db, disnaker.id, YEAR);
      assert.deepEqual(routed.complaint_channel, {
        score: 3,
        detail: 'Pusat Aduan sudah meneruskan aduan ke OPD ini.',
      });
    });

    it('scores the standards and the maklumat from the service catalogue, per OPD and per service', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency, complete } = await makeStandards(app, 'dinkes');
      const opd = await readAutoValues(app.db, agency.id, YEAR);
      // one of two services (the other a draft) meets each rule: 1
      assert.deepEqual(
        [opd.public_components.score, opd.decree.score, opd.reviewed.score, opd.pledge.score],
        [1, 1, 1, 3],
      );
      assert.equal(
        opd.public_components.detail,
        '1 dari 2 layanan memublikasikan enam komponen standar pelayanan.',
      );
      const one = await readAutoValues(app.db, agency.id, YEAR, complete);
      assert.deepEqual([one.public_components.score, one.decree.score, one.reviewed.score], [3, 3, 3]);
      const empty = await readAutoValues(app.db, (await getAgencyBySlug(app.db, 'disnaker')).id, YEAR);
      assert.deepEqual([empty.public_components.score, empty.pledge.score], [0, 0]);
    });

    it('stores the automatic items when the assessment opens, and stops refreshing them once the year is closed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { agency } = await makeStandards(app, 'dinkes');
      const first = await loadAssessment(app.db, agency, YEAR);
      assert.equal(first.scores.get('maklumat_terbit')?.score, 3);
      assert.equal(first.scores.get('maklumat_terbit')?.source, 'auto');
      assert.equal(first.closed, false);

      const unpublish = {
        body: 'Maklumat',
        signedBy: 'x',
        signerPosition: 'Kepala',
        signedOn: null,
        published: false,
      };
      await savePledge(app.db, agency, unpublish);
      assert.equal(
        (await loadAssessment(app.db, agency, YEAR)).scores.get('maklumat_terbit')?.score,
        0,
        'open: refreshed',
      );

      await savePledge(app.db, agency, { ...unpublish, published: true });
      await loadAssessment(app.db, agency, YEAR);
      await finalizeYear(
        app.db,
        agency.id,
        YEAR,
        (await app.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id,
      );
      await savePledge(app.db, agency, unpublish);
      const closed = await loadAssessment(app.db, agency, YEAR);
      assert.equal(closed.closed, true);
      assert.equal(closed.scores.get('maklumat_terbit')?.score, 3, 'closed: kept as it was');
    });
  });
}
