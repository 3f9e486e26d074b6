import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { cookiesOf, follow } from '../media/media.test-support.js';
import { multipart } from '../media/media.fixtures.js';
import { buildTestApp, dialects } from '../test/app.js';
import { makeMember } from '../test/factories.js';
import { signedIn, type TestClient } from '../test/client.js';
import { fixtureItems, wxr } from './wxr.fixtures.js';

const CSRF = /name="_csrf" value="([^"]+)"/;

async function upload(client: TestClient, slug: string, data: Buffer, options: { csrf?: boolean } = {}) {
  const page = await client.get(`/admin/opd/${slug}/impor`);
  const token = CSRF.exec(page.body)?.[1] ?? '';
  const body = multipart(options.csrf === false ? {} : { _csrf: token }, {
    data,
    filename: 'ekspor.xml',
    contentType: 'text/xml',
  });
  return client.app.inject({
    method: 'POST',
    url: `/admin/opd/${slug}/impor`,
    headers: { ...body.headers, host: client.host, cookie: cookiesOf(client) },
    payload: body.payload,
  });
}

/** The job runs in the background: its page is asked again until it says it is finished. */
async function finished(client: TestClient, url: string): Promise<string> {
  for (;;) {
    const page = await client.get(url);
    if (!page.body.includes('http-equiv="refresh"')) return page.body;
    await sleep(200);
  }
}

async function admin(app: FastifyInstance, slug: string, role: 'admin' | 'editor' = 'admin') {
  const m = await makeMember(app, slug, role, { email: `${role}-impor.${slug}@example.go.id` });
  return signedIn(app, m.email, m.password);
}

for (const dialect of dialects()) {
  describe(`/admin/opd/{slug}/impor (${dialect})`, () => {
    it('lets the OPD admin upload an export, shows progress and then the report', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await admin(app, 'dinkes');
      const res = await upload(client, 'dinkes', Buffer.from(wxr(fixtureItems())));
      assert.equal(res.statusCode, 303);
      const job = String(res.headers.location);
      assert.match(job, /^\/admin\/opd\/dinkes\/impor\?tugas=[0-9a-f-]{36}$/);
      assert.match((await follow(client, res)).body, /<progress/);
      const body = await finished(client, job);
      assert.match(body, /Impor selesai/);
      assert.match(body, /Laporan impor WordPress/);
      assert.match(body, /kode pendek \[contact-form-7\]/, 'what could not be carried is listed');
      const posts = await app.db
        .selectFrom('posts')
        .select('slug')
        .where('slug', '=', 'posyandu-balita-bansir')
        .execute();
      assert.equal(posts.length, 1);
      const other = await admin(app, 'dishub');
      const borrowed = job.replace('/dinkes/', '/dishub/');
      assert.equal(
        (await other.get(borrowed)).statusCode,
        404,
        "another OPD's job is not found under its own address",
      );
    });

    it('refuses what is not a WordPress export in Indonesian, with nothing started', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await admin(app, 'dinkes');
      const res = await upload(client, 'dinkes', Buffer.from('\u0089PNG bukan xml'));
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /bukan berkas XML/);
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>';
      const refused = await upload(client, 'dinkes', Buffer.from(laughs));
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /DOCTYPE/);
      assert.equal((await app.db.selectFrom('importJobs').selectAll().execute()).length, 0);
    });

    it('is for the OPD admin of that OPD only, and needs the CSRF token', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const other = await admin(app, 'dishub');
      assert.equal((await other.get('/admin/opd/dinkes/impor')).statusCode, 404);
      assert.equal((await upload(other, 'dinkes', Buffer.from(wxr(fixtureItems())))).statusCode, 404);
      const editor = await admin(app, 'dinkes', 'editor');
      assert.equal((await editor.get('/admin/opd/dinkes/impor')).statusCode, 403);
      const own = await admin(app, 'dinkes');
      assert.equal(
        (await upload(own, 'dinkes', Buffer.from(wxr(fixtureItems())), { csrf: false })).statusCode,
        403,
      );
      const chooser = await own.get('/admin/impor');
      assert.match(chooser.body, /href="\/admin\/opd\/dinkes\/impor"/);
      assert.doesNotMatch(chooser.body, /href="\/admin\/opd\/dishub\/impor"/);
    });
  });
}
