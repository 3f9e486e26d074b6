import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { actOnComplaint, type Caller, type StepInput } from './complaints.actions.js';
import { eventsOf } from './complaints.repository.js';
import { normalizeTrackingCode } from './tracking-code.js';

const act = (app: FastifyInstance, caller: Caller, code: string, input: StepInput) =>
  actOnComplaint(app.db, caller, code, input, { baseUrl: app.config.baseUrl });

for (const dialect of dialects()) {
  describe(`complaint workflow (${dialect})`, () => {
    it('files a complaint with a PTK tracking code, a verify deadline and a receipt mail in the outbox', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint, accessKey } = await makeComplaint(app);
      assert.match(complaint.trackingCode, /^PTK-[0-9A-HJKMNP-TV-Z]{6}$/);
      assert.equal(
        normalizeTrackingCode(complaint.trackingCode.toLowerCase().replace('-', ' ')),
        complaint.trackingCode,
      );
      assert.equal(complaint.status, 'received');
      assert.equal(complaint.deadlineKind, 'verify');
      assert.ok(complaint.deadlineAt! > complaint.receivedAt);
      assert.ok(accessKey.length >= 20);
      const mail = await app.db.selectFrom('mailOutbox').selectAll().execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.recipient, 'siti@example.com');
      assert.ok(mail[0]!.body.includes(complaint.trackingCode));
      assert.ok(mail[0]!.body.includes(accessKey), 'the receipt carries the private link');
    });

    it('files one complaint for a double submit with the same submission key, with the same access key', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const first = await makeComplaint(app, {}, { submissionKey: 'k-123' });
      const second = await makeComplaint(app, {}, { submissionKey: 'k-123' });
      assert.equal(second.duplicate, true);
      assert.equal(second.complaint.id, first.complaint.id);
      assert.equal(second.accessKey, first.accessKey);
      const count = await app.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    it('walks received → assigned → in progress → answered → closed, and the citizen rates it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const pupr = await makeMember(app, 'pupr', 'complaint_officer');
      const opd: Caller = { kind: 'staff', actor: pupr.actor };
      const { complaint, accessKey } = await makeComplaint(app);
      const citizen: Caller = { kind: 'citizen', accessKey };
      const code = complaint.trackingCode;

      await assert.rejects(act(app, opd, code, { action: 'acknowledge' }), { status: 404 }, 'not yet theirs');
      const assigned = await act(app, coord, code, { action: 'assign', agency: 'pupr' });
      assert.equal(assigned.status, 'assigned');
      assert.equal(assigned.deadlineKind, 'follow_up');
      assert.equal(assigned.agencyId, pupr.agency.id);
      await assert.rejects(act(app, opd, code, { action: 'accept' }), { status: 403 });
      await assert.rejects(act(app, coord, code, { action: 'accept' }), { status: 403 });
      await act(app, opd, code, { action: 'acknowledge' });
      await assert.rejects(act(app, opd, code, { action: 'acknowledge' }), { status: 409 });
      await assert.rejects(act(app, opd, code, { action: 'answer', message: ' ' }), { status: 422 });
      const answered = await act(app, opd, code, {
        action: 'answer',
        message: 'Lubang sudah ditambal hari ini.',
      });
      assert.equal(answered.deadlineKind, 'auto_close');
      await assert.rejects(act(app, { kind: 'citizen', accessKey: 'salah' }, code, { action: 'accept' }), {
        status: 404,
      });
      const closed = await act(app, citizen, code, { action: 'accept' });
      assert.equal(closed.status, 'closed');
      assert.equal(closed.deadlineAt, null);
      const rated = await act(app, citizen, code, { action: 'rate', stars: 5, comment: 'Cepat sekali.' });
      assert.equal(rated.rating, 5);
      const timeline = await eventsOf(app.db, complaint.id, false);
      assert.deepEqual(
        timeline.map((e) => e.action),
        ['file', 'assign', 'acknowledge', 'answer', 'accept', 'rate'],
      );
      const officerMail = await app.db
        .selectFrom('mailOutbox')
        .select('recipient')
        .where('recipient', '=', pupr.email)
        .execute();
      assert.equal(officerMail.length, 1, 'the OPD officer hears of the assignment');
    });

    it('stops the clock on hold and starts it again with the working days that were left', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const { complaint, accessKey } = await makeComplaint(app);
      const held = await act(app, coord, complaint.trackingCode, {
        action: 'hold',
        message: 'Di ruas jalan mana tepatnya?',
      });
      assert.equal(held.status, 'on_hold');
      assert.equal(held.deadlineAt, null);
      const resumed = await act(app, { kind: 'citizen', accessKey }, complaint.trackingCode, {
        action: 'add_info',
        message: 'Di depan Pasar Flamboyan.',
      });
      assert.equal(resumed.status, 'received');
      assert.equal(resumed.deadlineKind, 'verify');
      assert.ok(resumed.deadlineAt);
    });

    it('lets an OPD hand a misrouted complaint back, counting the hand-off', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const dlh = await makeMember(app, 'dlh', 'admin');
      const { complaint } = await makeComplaint(app);
      await act(app, coord, complaint.trackingCode, { action: 'assign', agency: 'dlh' });
      await assert.rejects(
        act(app, { kind: 'staff', actor: dlh.actor }, complaint.trackingCode, { action: 'return' }),
        {
          status: 422,
        },
      );
      const back = await act(app, { kind: 'staff', actor: dlh.actor }, complaint.trackingCode, {
        action: 'return',
        reason: 'Jalan kota adalah wewenang PUPR.',
      });
      assert.equal(back.status, 'received');
      assert.equal(back.handoffs, 1);
      assert.equal(back.agencyId, null);
      await assert.rejects(
        act(app, { kind: 'staff', actor: dlh.actor }, complaint.trackingCode, {
          action: 'note',
          internal_note: 'x',
        }),
        {
          status: 404,
        },
      );
    });

    it('merges a duplicate into another complaint and refuses to merge into itself', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const a = await makeComplaint(app);
      const b = await makeComplaint(app);
      await assert.rejects(
        act(app, coord, b.complaint.trackingCode, { action: 'merge', merge_into: b.complaint.trackingCode }),
        {
          status: 422,
        },
      );
      const merged = await act(app, coord, b.complaint.trackingCode, {
        action: 'merge',
        merge_into: a.complaint.trackingCode,
      });
      assert.equal(merged.status, 'archived');
      assert.equal(merged.mergedIntoId, a.complaint.id);
    });
  });
}
