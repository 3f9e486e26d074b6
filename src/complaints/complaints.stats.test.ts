import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { actOnComplaint, type Caller, type StepInput } from './complaints.actions.js';
import { listPublicComplaints } from './complaints.public.js';
import { loadFigures, loadPublicOverview, median } from './complaints.stats.js';

const act = (app: FastifyInstance, caller: Caller, code: string, input: StepInput) =>
  actOnComplaint(app.db, caller, code, input, { baseUrl: app.config.baseUrl });

/** Monday 2 November 2026, 09:00 WIB: every PUPR complaint was assigned then. */
const ASSIGNED = '2026-11-02T02:00:00.000Z';
/** five working days later, at closing: Monday 9 November 2026, 16:00 WIB */
const DUE = '2026-11-09T09:00:00.000Z';

/**
 * Five complaints for PUPR and one for DLH:
 *   A answered Wednesday (2 working days, in time), rated 5;
 *   B answered Tuesday 10 November (6 working days, late), rated 2, then reopened;
 *   C unanswered past its deadline; D unanswered, not yet due;
 *   E rahasia, answered Friday (4 working days, in time);  F with DLH, not yet due.
 */
async function scenario(app: FastifyInstance) {
  const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
  const pupr = await makeMember(app, 'pupr', 'complaint_officer');
  const opd: Caller = { kind: 'staff', actor: pupr.actor };
  const names = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
  const made = Object.fromEntries(
    await Promise.all(
      names.map(async (n) => [
        n,
        await makeComplaint(app, { title: `Laporan ${n} tentang jalan`, confidential: n === 'E' }),
      ]),
    ),
  ) as Record<(typeof names)[number], Awaited<ReturnType<typeof makeComplaint>>>;
  for (const n of names)
    await act(app, coord, made[n].complaint.trackingCode, {
      action: 'assign',
      agency: n === 'F' ? 'dlh' : 'pupr',
    });
  for (const n of ['A', 'B', 'E'] as const)
    await act(app, opd, made[n].complaint.trackingCode, { action: 'answer', message: 'Sudah ditangani.' });
  const citizen = (n: keyof typeof made): Caller => ({ kind: 'citizen', accessKey: made[n].accessKey });
  await act(app, citizen('A'), made.A.complaint.trackingCode, { action: 'rate', stars: 5 });
  await act(app, citizen('B'), made.B.complaint.trackingCode, { action: 'rate', stars: 2 });
  await act(app, citizen('B'), made.B.complaint.trackingCode, { action: 'reopen', reason: 'Belum beres.' });
  const set = (n: keyof typeof made, values: { firstAnsweredAt?: string; firstAnswerDueAt?: string }) =>
    app.db
      .updateTable('complaints')
      .set({ assignedAt: ASSIGNED, firstAnswerDueAt: DUE, ...values })
      .where('id', '=', made[n].complaint.id)
      .execute();
  await set('A', { firstAnsweredAt: '2026-11-04T03:00:00.000Z' });
  await set('B', { firstAnsweredAt: '2026-11-10T03:00:00.000Z' });
  await set('C', {});
  await set('D', { firstAnswerDueAt: '2099-12-31T09:00:00.000Z' });
  await set('E', { firstAnsweredAt: '2026-11-06T03:00:00.000Z' });
  await set('F', { firstAnswerDueAt: '2099-12-31T09:00:00.000Z' });
  return { made, pupr };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([]), null);
    assert.equal(median([6, 2, 4]), 4);
    assert.equal(median([1, 2, 3, 10]), 2.5);
  });
});

for (const dialect of dialects()) {
  describe(`loadFigures (${dialect})`, () => {
    it('counts answers within the deadline and the median working days per OPD, rahasia included', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { pupr } = await scenario(app);
      const report = await loadFigures(app.db);
      const byslug = new Map(report.agencies.map((a) => [a.slug, a]));
      assert.deepEqual([...byslug.keys()].sort(), ['dlh', 'pupr']);
      const p = byslug.get('pupr')!;
      assert.equal(p.agencyId, pupr.agency.id);
      assert.deepEqual(
        {
          received: p.received,
          due: p.due,
          answered: p.answered,
          answeredInTime: p.answeredInTime,
          inTimePercent: p.inTimePercent,
          medianDays: p.medianDays,
          reopened: p.reopened,
          ratings: p.ratings,
          averageRating: p.averageRating,
        },
        {
          received: 5,
          due: 4,
          answered: 3,
          answeredInTime: 2,
          inTimePercent: 50,
          medianDays: 4,
          reopened: 1,
          ratings: 2,
          averageRating: 3.5,
        },
      );
      const d = byslug.get('dlh')!;
      assert.equal(d.received, 1);
      assert.equal(d.inTimePercent, null, 'nothing due yet: no percentage rather than 0%');
      assert.equal(d.medianDays, null);
      assert.equal(report.total.received, 6);
      assert.equal(report.total.answeredInTime, 2);
      assert.equal(report.total.medianDays, 4);

      const only = await loadFigures(app.db, { agencyId: pupr.agency.id });
      assert.equal(only.agencies.length, 1);
      assert.equal(only.total.received, 5);
      assert.equal((await loadFigures(app.db, { year: 2026 })).total.received, 6);
      assert.equal((await loadFigures(app.db, { year: 2025 })).agencies.length, 0);
    });
  });

  describe(`public lists (${dialect})`, () => {
    it('leave out rahasia and archived complaints and carry nothing of the reporter', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const open = await makeComplaint(app, { title: 'Laporan terbuka tentang jalan' });
      const anonim = await makeComplaint(app, { title: 'Laporan anonim tentang lampu', anonymous: true });
      await makeComplaint(app, { title: 'Laporan rahasia tentang pungli', confidential: true });
      const spam = await makeComplaint(app, { title: 'Iklan obat kuat murah sekali' });
      await act(app, coord, spam.complaint.trackingCode, { action: 'archive', archive_reason: 'spam' });
      await act(app, coord, open.complaint.trackingCode, { action: 'assign', agency: 'pupr' });

      const list = await listPublicComplaints(app.db);
      assert.deepEqual(list.rows.map((r) => r.title).sort(), [
        'Laporan anonim tentang lampu',
        'Laporan terbuka tentang jalan',
      ]);
      for (const row of list.rows)
        assert.ok(Object.keys(row).every((k) => !/reporter|email|phone|nik|description|address/i.test(k)));
      const pupr = await app.db
        .selectFrom('agencies')
        .select('id')
        .where('slug', '=', 'pupr')
        .executeTakeFirstOrThrow();
      const byOpd = await listPublicComplaints(app.db, { agencyId: pupr.id });
      assert.deepEqual(
        byOpd.rows.map((r) => r.trackingCode),
        [open.complaint.trackingCode],
      );
      const received = await listPublicComplaints(app.db, { status: 'received' });
      assert.deepEqual(
        received.rows.map((r) => r.trackingCode),
        [anonim.complaint.trackingCode],
      );
      const first = await listPublicComplaints(app.db, { perPage: 1 });
      assert.equal(first.hasNext, true);
      const second = await listPublicComplaints(app.db, { perPage: 1, page: 2 });
      assert.equal(second.hasNext, false);

      const overview = await loadPublicOverview(app.db);
      assert.equal(overview.recent.length, 2);
      assert.equal(overview.figures.received, 1, 'the one assigned to an OPD');
      assert.equal(overview.agencies, 1);
    });
  });
}
