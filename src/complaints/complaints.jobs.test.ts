import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { coordinator, makeComplaint, makeMember, type Member } from '../test/factories.js';
import { now } from '../time/clock.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';
import { autoCloseAnswered, runComplaintDeadlines, sendDeadlineReminders } from './complaints.jobs.js';
import { eventsOf } from './complaints.repository.js';

const COORDINATOR = 'aduan@pontianak.go.id';
const context = (app: FastifyInstance) => ({ baseUrl: app.config.baseUrl });
const shift = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/** Moves the running deadline, as the clock moving on would. */
const setDeadline = (app: FastifyInstance, id: string, deadlineAt: string) =>
  app.db.updateTable('complaints').set({ deadlineAt }).where('id', '=', id).execute();

/** The outbox's recipients of mail whose subject mentions `text`, sorted. */
async function mailAbout(app: FastifyInstance, text: string): Promise<string[]> {
  const rows = await app.db.selectFrom('mailOutbox').select(['recipient', 'subject']).execute();
  return rows
    .filter((r) => r.subject.includes(text))
    .map((r) => r.recipient)
    .sort();
}

/** A complaint assigned to PUPR (with DLH as co-assignee) and answered by a PUPR officer. */
async function answered(app: FastifyInstance, officer?: Member) {
  const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
  officer ??= await makeMember(app, 'pupr', 'complaint_officer');
  const { complaint, accessKey } = await makeComplaint(app);
  const code = complaint.trackingCode;
  await actOnComplaint(app.db, coord, code, { action: 'assign', agency: 'pupr' }, context(app));
  const done = await actOnComplaint(
    app.db,
    { kind: 'staff', actor: officer.actor },
    code,
    { action: 'answer', message: 'Lubang sudah ditambal.' },
    context(app),
  );
  return { complaint: done, accessKey, officer };
}

for (const dialect of dialects()) {
  describe(`auto-closing answered complaints (${dialect})`, () => {
    it('closes an answer the citizen left unanswered past its deadline, once however many runs race', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const first = await answered(app);
      const { complaint } = first;
      const waiting = await answered(app, first.officer);
      const at = now();
      await setDeadline(app, complaint.id, shift(at, -1));
      await setDeadline(app, waiting.complaint.id, shift(at, 60));
      const runs = await Promise.all([1, 2, 3].map(() => autoCloseAnswered(app.db, context(app), at)));
      assert.equal(
        runs.reduce((a, b) => a + b, 0),
        1,
        `runs closed ${runs.join(', ')}`,
      );
      const row = await app.db
        .selectFrom('complaints')
        .selectAll()
        .where('id', 'in', [complaint.id, waiting.complaint.id])
        .execute();
      const byId = new Map(row.map((r) => [r.id, r]));
      assert.equal(byId.get(complaint.id)!.status, 'closed');
      assert.ok(byId.get(complaint.id)!.closedAt);
      assert.equal(byId.get(waiting.complaint.id)!.status, 'answered', 'its time has not come');
      const closing = (await eventsOf(app.db, complaint.id, true)).filter((e) => e.action === 'auto_close');
      assert.equal(closing.length, 1);
      assert.equal(closing[0]!.actorKind, 'system');
      assert.equal(closing[0]!.visibility, 'public');
      const citizenMail = await app.db
        .selectFrom('mailOutbox')
        .select('body')
        .where('recipient', '=', 'siti@example.com')
        .where('subject', 'like', `%${complaint.trackingCode}%Selesai%`)
        .execute();
      assert.equal(citizenMail.length, 1, 'the citizen hears of it once');
      assert.match(citizenMail[0]!.body, /Ditutup otomatis/);
      assert.equal(await autoCloseAnswered(app.db, context(app), shift(at, 30)), 0, 'nothing more is due');
    });
  });

  describe(`deadline reminders (${dialect})`, () => {
    it('reminds the coordinators of a verify deadline a working day before and when it passes, each once', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await makeMember(app, 'pupr', 'complaint_officer');
      const { complaint } = await makeComplaint(app);
      const code = complaint.trackingCode;
      const at = now();
      await setDeadline(app, complaint.id, shift(at, 90));
      const soon = await Promise.all([1, 2, 3].map(() => sendDeadlineReminders(app.db, context(app), at)));
      assert.equal(
        soon.reduce((a, b) => a + b, 0),
        1,
      );
      assert.deepEqual(await mailAbout(app, `Pengingat: aduan ${code}`), [COORDINATOR]);
      assert.equal(await sendDeadlineReminders(app.db, context(app), shift(at, 1)), 0, 'not twice');

      const later = shift(at, 91);
      const overdue = await Promise.all([1, 2].map(() => sendDeadlineReminders(app.db, context(app), later)));
      assert.equal(overdue[0]! + overdue[1]!, 1);
      assert.deepEqual(await mailAbout(app, `Terlambat: aduan ${code} melewati batas waktunya`), [
        COORDINATOR,
      ]);
      assert.equal(await sendDeadlineReminders(app.db, context(app), shift(later, 5)), 0);
      const body = await app.db
        .selectFrom('mailOutbox')
        .select('body')
        .where('subject', 'like', 'Terlambat%')
        .executeTakeFirstOrThrow();
      assert.match(body.body, /Batas verifikasi: \w+, \d+ \w+ \d{4} pukul/);
      assert.ok(body.body.includes(`/admin/aduan/${code}`));
      assert.ok(!body.body.includes('Siti'), 'no reporter identity in staff reminders');
    });

    it("reminds the OPD's officers and the coordinators of a follow-up deadline; a moved deadline is new", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
      const officer = await makeMember(app, 'pupr', 'complaint_officer');
      const editor = await makeMember(app, 'pupr', 'editor');
      const co = await makeMember(app, 'dlh', 'complaint_officer');
      const { complaint } = await makeComplaint(app);
      const code = complaint.trackingCode;
      await actOnComplaint(
        app.db,
        coord,
        code,
        { action: 'assign', agency: 'pupr', co_agencies: ['dlh'] },
        context(app),
      );
      const at = now();
      await setDeadline(app, complaint.id, shift(at, -1));
      assert.equal(await sendDeadlineReminders(app.db, context(app), at), 1);
      const to = await mailAbout(app, `Terlambat: aduan ${code}`);
      for (const address of [officer.email, co.email, COORDINATOR, 'admin1@pupr.pontianak.go.id']) {
        assert.ok(to.includes(address), `${address} is told`);
      }
      assert.ok(!to.includes(editor.email), 'an editor handles no complaints');
      assert.equal(new Set(to).size, to.length, 'one mail each');

      await setDeadline(app, complaint.id, shift(at, -30));
      assert.equal(
        await sendDeadlineReminders(app.db, context(app), at),
        1,
        'a new deadline, a new reminder',
      );
    });

    it('sends none for an auto-close deadline, and tells the coordinators once when the 60-day cap passes', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await answered(app);
      const at = now();
      await setDeadline(app, complaint.id, shift(at, -1));
      const { complaint: old } = await makeComplaint(app);
      await app.db
        .updateTable('complaints')
        .set({ resolutionDueAt: shift(at, -1), deadlineAt: shift(at, 10_000) })
        .where('id', '=', old.id)
        .execute();
      // The answered one is resolved: past its cap too, it gets no cap reminder.
      await app.db
        .updateTable('complaints')
        .set({ resolutionDueAt: shift(at, -1) })
        .where('id', '=', complaint.id)
        .execute();
      assert.equal(await sendDeadlineReminders(app.db, context(app), at), 1);
      assert.deepEqual(await mailAbout(app, `aduan ${complaint.trackingCode}`), [], 'no reminder for it');
      assert.deepEqual(await mailAbout(app, `aduan ${old.trackingCode} melewati batas penyelesaian`), [
        COORDINATOR,
      ]);
      const body = await app.db
        .selectFrom('mailOutbox')
        .select('body')
        .where('subject', 'like', '%batas penyelesaian%')
        .executeTakeFirstOrThrow();
      assert.match(body.body, /lebih dari 60 hari/);
      assert.equal(await sendDeadlineReminders(app.db, context(app), shift(at, 5)), 0);
    });

    it('runs closing before reminding, so a closed complaint gets no reminder', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await answered(app);
      const at = now();
      await setDeadline(app, complaint.id, shift(at, -1));
      assert.deepEqual(await runComplaintDeadlines(app.db, context(app), at), { closed: 1, reminded: 0 });
    });
  });
}
