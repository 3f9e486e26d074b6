import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { runCli } from '../cli.js';
import { valid, fileForm } from '../complaints/filing.fixtures.js';
import { attachmentUrl } from '../complaints/tracking.files.js';
import { loadConfig } from '../config.js';
import { photoJpeg } from '../media/media.fixtures.js';
import { apiUpload } from '../media/media.test-support.js';
import { buildTestApp, DEMO_PASSWORD, TEST_SECRET } from '../test/app.js';
import { apiToken, TestClient } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import type { Manifest } from './manifest.js';
import { freshDatabase } from './test-support.js';

const tempDir = (t: TestContext, prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const cli = async (argv: string[], dataDir: string) => {
  const lines: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test', BALAIRUNG_DATA_DIR: dataDir, BALAIRUNG_SECRET: TEST_SECRET });
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const code = await runCli(argv, config, io);
  return { code, output: lines.join('\n') };
};

const COMPLAINT = {
  class: 'pengaduan',
  title: 'Saluran air tersumbat di Gang Melati',
  description: 'Saluran di depan rumah nomor 4 tersumbat sampah, air meluap ke jalan setiap hujan.',
  category: 'jalan-jembatan',
  reporter: { name: 'Rahmat Hidayat', email: 'rahmat@example.com', phone: '', nik: '' },
  anonymous: false,
  confidential: false,
  consent: true,
};

/** A published post with a cover photo, and a complaint filed on the web form with a photo attached. */
async function content(app: FastifyInstance) {
  const editor = await makeMember(app, 'dinkes', 'editor');
  const token = await apiToken(app, editor.email, editor.password);
  const upload = await apiUpload(
    app,
    token,
    'dinkes',
    { data: await photoJpeg({ width: 640, height: 480 }) },
    {
      alt: 'Petugas menimbang balita di posyandu',
    },
  );
  assert.equal(upload.statusCode, 201, upload.body);
  const media = upload.json() as { id: string; url: string };
  const post = await app.inject({
    method: 'POST',
    url: '/api/v1/agencies/dinkes/posts',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      title: 'Posyandu Balita Kelurahan Bansir',
      body_html: '<p>Penimbangan balita bulan ini.</p>',
      cover_media_id: media.id,
      status: 'published',
    },
  });
  assert.equal(post.statusCode, 201, post.body);
  const attachment = await photoJpeg({ width: 300, height: 200 });
  const { res } = await fileForm(new TestClient(app), valid(1), [
    { field: 'attachments', filename: 'saluran.jpg', data: attachment, type: 'image/jpeg' },
  ]);
  assert.ok([200, 303].includes(res.statusCode), res.body);
  const filed = await app.db
    .selectFrom('complaintAttachments')
    .innerJoin('complaints', 'complaints.id', 'complaintAttachments.complaintId')
    .select(['complaints.trackingCode', 'complaintAttachments.id', 'complaintAttachments.storageKey'])
    .executeTakeFirstOrThrow();
  const stored = readFileSync(path.join(app.config.dataDir, 'complaint-files', filed.storageKey));
  const photoPath = new URL(media.url).pathname;
  const photo = (await app.inject(photoPath)).rawPayload;
  return { postUrl: new URL((post.json() as { url: string }).url).pathname, photoPath, photo, filed, stored };
}

/** Citizens filing through the API until told to stop: the writes a backup must not be disturbed by. */
function fileWhile(app: FastifyInstance, running: () => boolean) {
  let acknowledged = 0;
  const worker = async () => {
    while (running()) {
      const reporter = { ...COMPLAINT.reporter, email: `warga${acknowledged}.${Math.random()}@example.com` };
      const payload = { ...COMPLAINT, reporter };
      const res = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload });
      assert.equal(res.statusCode, 201, res.body);
      acknowledged += 1;
    }
  };
  // One writer: enough to commit between the backup's steps without starving its file copies.
  const done = worker();
  return async () => (await done, acknowledged);
}

describe('balairung backup and restore (sqlite)', () => {
  it('backs up while citizens file, and the restored site shows the post, photo, complaint and file', async (t) => {
    const { app, config } = await buildTestApp(t, 'sqlite', { BALAIRUNG_RATE_LIMIT: 'off' });
    const before = await content(app);
    const backups = tempDir(t, 'balairung-backups-');
    let backingUp = true;
    const stopped = fileWhile(app, () => backingUp);
    const backup = await cli(['backup', '--to', backups], config.dataDir).finally(() => (backingUp = false));
    const acknowledged = await stopped();
    assert.equal(backup.code, 0, backup.output);
    assert.ok(acknowledged > 0, 'complaints were filed while the backup ran');
    const dir = /Cadangan selesai: (\S+)/.exec(backup.output)![1]!;
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    assert.ok(manifest.database.tables.complaints! >= 1);
    assert.ok(manifest.folders['complaint-files']!.files >= 1 && manifest.folders.media!.files >= 1);

    const target = tempDir(t, 'balairung-restored-');
    const restore = await cli(['restore', '--from', dir], target);
    assert.equal(restore.code, 0, restore.output);
    assert.match(restore.output, /integrity_check: ok/);

    const restored = await buildApp(
      loadConfig({ NODE_ENV: 'test', BALAIRUNG_DATA_DIR: target, BALAIRUNG_SECRET: TEST_SECRET }),
    );
    t.after(() => restored.app.close());
    const site = restored.app;
    const page = await site.inject(before.postUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Posyandu Balita Kelurahan Bansir/);
    assert.ok(page.body.includes(before.photoPath.split('/').slice(0, -1).join('/')), 'the cover is shown');
    assert.deepEqual((await site.inject(before.photoPath)).rawPayload, before.photo);

    const count = await site.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), manifest.database.tables.complaints, 'the snapshot, whole');
    const coordinator = await apiToken(site, 'aduan@pontianak.go.id', DEMO_PASSWORD);
    const read = await site.inject({
      url: `/api/v1/complaints/${before.filed.trackingCode}`,
      headers: { authorization: `Bearer ${coordinator}` },
    });
    assert.equal(read.statusCode, 200, read.body);
    const json = read.json() as { title: string; reporter: { email: string }; attachments: { id: string }[] };
    assert.equal(json.title, valid(1).title);
    assert.equal(json.reporter.email, valid(1).reporter_email);
    assert.deepEqual(
      json.attachments.map((a) => a.id),
      [before.filed.id],
    );
    const file = await site.inject(attachmentUrl(TEST_SECRET, before.filed.id));
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, before.stored);
  });

  it('refuses a non-empty data folder without --force, and a backup that does not match its manifest', async (t) => {
    const { config } = await buildTestApp(t, 'sqlite', { BALAIRUNG_SEED: 'none' });
    const backups = tempDir(t, 'balairung-backups-');
    const backup = await cli(['backup', '--to', backups], config.dataDir);
    assert.equal(backup.code, 0, backup.output);
    const dir = /Cadangan selesai: (\S+)/.exec(backup.output)![1]!;

    const occupied = await cli(['restore', '--from', dir], config.dataDir);
    assert.equal(occupied.code, 1);
    assert.match(occupied.output, /tidak kosong.*--force/s);

    writeFileSync(path.join(dir, 'balairung.sqlite'), 'bukan basis data', { flag: 'a' });
    const target = tempDir(t, 'balairung-restored-');
    const tampered = await cli(['restore', '--from', dir], target);
    assert.equal(tampered.code, 1);
    assert.match(tampered.output, /Cadangan tidak utuh: 1 berkas .*balairung\.sqlite/);
    const forced = await cli(['restore', '--from', dir, '--force'], config.dataDir);
    assert.equal(forced.code, 1, 'a damaged backup is refused even with --force');
  });
});

const run = promisify(execFile);

describe(
  'PostgreSQL backup with pg_dump -Fc and pg_restore',
  { skip: !process.env.TEST_DATABASE_URL },
  () => {
    it('restores into another database, where the app reads the complaint back', async (t) => {
      const url = process.env.TEST_DATABASE_URL!;
      const { app, config } = await buildTestApp(t, 'postgres');
      const filed = await app.inject({ method: 'POST', url: '/api/v1/complaints', payload: COMPLAINT });
      assert.equal(filed.statusCode, 201, filed.body);
      const code = (filed.json() as { tracking_code: string }).tracking_code;
      const schema = config.databaseSchema!;
      const dump = path.join(tempDir(t, 'balairung-pgdump-'), 'balairung.dump');
      await run('pg_dump', ['-Fc', '--no-owner', '-n', schema, '-f', dump, '-d', config.databaseUrl!]);
      const opened: { site?: FastifyInstance } = {};
      const restoreUrl = await freshDatabase(t, url, async () => opened.site?.close());
      await run('pg_restore', ['--no-owner', '--exit-on-error', '-d', restoreUrl, dump]);

      const dataDir = tempDir(t, 'balairung-pg-restored-');
      const site = (await buildApp({ ...config, databaseUrl: restoreUrl, dataDir })).app;
      opened.site = site;
      const coordinator = await apiToken(site, 'aduan@pontianak.go.id', DEMO_PASSWORD);
      const read = await site.inject({
        url: `/api/v1/complaints/${code}`,
        headers: { authorization: `Bearer ${coordinator}` },
      });
      assert.equal(read.statusCode, 200, read.body);
      const json = read.json() as { title: string; reporter: { name: string }; timeline: unknown[] };
      assert.equal(json.title, COMPLAINT.title);
      assert.equal(json.reporter.name, COMPLAINT.reporter.name);
      assert.ok(json.timeline.length >= 1);
      const count = async (db: FastifyInstance['db']) =>
        (
          await db
            .selectFrom('posts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      assert.equal(await count(site.db), await count(app.db), 'every post came back');
    });
  },
);
