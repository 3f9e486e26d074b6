import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { HOSTILE_TEXT } from '../test/hostile.js';
import { signedIn, type TestClient } from '../test/client.js';
import { zoneOffsetMinutes } from '../time/zone.js';
import { runBreachDeadlineAlerts } from './breaches.jobs.js';

const PATH = '/admin/insiden';
const HOUR = 3_600_000;

/** buildTestApp registers its cleanups with `after`; this hands them to the suite's after-hook. */
function suiteContext(cleanups: (() => unknown)[]): TestContext {
  return { after: (fn: () => unknown) => void cleanups.push(fn) } as unknown as TestContext;
}

/** What a person types in a datetime-local field for `hoursAgo` hours ago, in the installation's zone. */
function typed(hoursAgo: number, timeZone = 'Asia/Pontianak'): string {
  const at = new Date(Date.now() - hoursAgo * HOUR);
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 16);
}

const incident = (hoursAgo: number, title: string) => ({
  title,
  discovered_at: typed(hoursAgo),
  data_categories: 'Nama, email dan nomor WhatsApp pelapor aduan',
  subjects_affected: '120',
  description: 'Ekspor CSV aduan terkirim ke alamat email yang salah.',
  measures: 'Penerima diminta menghapus berkas.',
});

async function record(client: TestClient, fields: Record<string, string>) {
  await client.get(PATH);
  return client.post(PATH, fields);
}

for (const dialect of dialects()) {
  describe(`breach register (${dialect})`, () => {
    let app: FastifyInstance;
    let admin: TestClient;
    const cleanups: (() => unknown)[] = [];
    before(async () => {
      ({ app } = await buildTestApp(suiteContext(cleanups), dialect));
      admin = await signedIn(app, 'admin@pontianak.go.id');
    });
    after(async () => {
      for (const fn of cleanups.reverse()) await fn();
    });

    it('is the super admin’s alone', async () => {
      const coordinator = await signedIn(app, 'aduan@pontianak.go.id');
      assert.equal((await coordinator.get(PATH)).statusCode, 403);
      assert.equal((await record(coordinator, incident(1, 'Coba'))).statusCode, 403);
    });

    it('records an incident with its 72-hour notice deadline and a countdown, audited', async () => {
      const res = await record(admin, incident(1, 'Email ekspor salah alamat'));
      assert.equal(res.statusCode, 303);
      const detail = await admin.get(res.headers.location as string);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /Email ekspor salah alamat/);
      assert.match(detail.body, /Sisa 2 hari 2[23] jam/);
      assert.match(detail.body, /120 orang/);
      const row = await app.db.selectFrom('breachIncidents').selectAll().executeTakeFirstOrThrow();
      assert.equal(Date.parse(row.noticeDueAt) - Date.parse(row.discoveredAt), 72 * HOUR);
      const audit = await app.db
        .selectFrom('auditEvents')
        .select('subjectId')
        .where('action', '=', 'breach.recorded')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.subjectId),
        [row.id],
      );
    });

    it('refuses a missing description and a discovery in the future, keeping what was typed', async () => {
      const res = await record(admin, { ...incident(-5, 'Masa depan'), description: '' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /href="#f-description"/);
      assert.match(res.body, /value="Masa depan"/);
      const future = await record(admin, incident(-5, 'Masa depan'));
      assert.equal(future.statusCode, 422);
      assert.match(future.body, /Waktu ini belum terjadi/);
    });

    it('flags an overdue incident and clears it once both notices are recorded', async () => {
      const res = await record(admin, incident(80, 'Laptop hilang'));
      const url = res.headers.location as string;
      assert.match((await admin.get(PATH)).body, /Terlambat 8 jam/);
      const early = await admin.post(url, {
        authority_notified_at: typed(90),
        subjects_notified_at: '',
        measures: 'Kata sandi diganti.',
      });
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /sebelum insiden diketahui/);
      const done = await admin.post(url, {
        authority_notified_at: typed(2),
        subjects_notified_at: typed(1),
        measures: 'Kata sandi diganti.',
      });
      assert.equal(done.statusCode, 303);
      const page = await admin.get(url);
      assert.match(page.body, /Semua sudah diberi tahu/);
      assert.match(page.body, /Kata sandi diganti\./);
    });

    it('answers hostile input in every field with a 4xx or a stored value, never a 5xx', async () => {
      let tried = 0;
      for (const field of Object.keys(incident(1, 'x'))) {
        for (const { label, value } of HOSTILE_TEXT) {
          const res = await record(admin, { ...incident(1, 'Uji masukan'), [field]: value });
          tried++;
          assert.ok(res.statusCode < 500, `${field} = ${label}: ${res.statusCode}`);
          if (res.statusCode === 303) continue;
          assert.equal(res.statusCode, 422, `${field} = ${label}`);
          assert.match(res.body, /Ada masalah/);
          assert.doesNotMatch(res.body, /<script>alert|<img src=x/, `${field} = ${label} is escaped`);
        }
      }
      assert.ok(tried >= 66);
      await app.db.deleteFrom('breachIncidents').where('title', '=', 'Uji masukan').execute();
    });

    it('warns the super admins once when a deadline is under 24 hours away, however many processes run it', async () => {
      await record(admin, incident(60, 'Akun petugas dibobol'));
      await record(admin, incident(10, 'Masih lama'));
      const runs = await Promise.all(
        [1, 2, 3].map(() => runBreachDeadlineAlerts(app.db, { baseUrl: 'http://x' })),
      );
      // The overdue-but-notified "Laptop hilang" is not alerted; "Email ekspor" is 1 hour old.
      assert.equal(
        runs.reduce((n, r) => n + r.alerts, 0),
        1,
      );
      const mails = await app.db
        .selectFrom('mailOutbox')
        .select(['recipient', 'subject', 'body'])
        .where('subject', 'like', 'Batas pemberitahuan insiden%')
        .execute();
      assert.ok(mails.length >= 1);
      assert.ok(mails.every((m) => m.subject.endsWith('Akun petugas dibobol')));
      assert.match(mails[0]!.body, /3 × 24 jam/);
      assert.deepEqual(await runBreachDeadlineAlerts(app.db, { baseUrl: 'http://x' }), { alerts: 0 });
    });
  });
}
