import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { importWordPress } from './wordpress.import.js';
import { parseWxr } from './wordpress.parse.js';
import { fixtureItems, uploadsFolder, wxr } from './wxr.fixtures.js';

const HOST = { host: 'dinkes.pontianak.go.id' };

async function imported(app: FastifyInstance, dataDir: string) {
  const agency = await getAgencyBySlug(app.db, 'dinkes');
  const media = { kind: 'uploads' as const, dir: await uploadsFolder(dataDir) };
  await importWordPress(app.db, {
    agency,
    wxr: parseWxr(wxr(fixtureItems())),
    media,
    actorId: null,
    storage: app.storage,
  });
}

async function location(app: FastifyInstance, url: string, headers: Record<string, string> = HOST) {
  const res = await app.inject({ url, headers });
  return { status: res.statusCode, to: res.headers.location };
}

for (const dialect of dialects()) {
  describe(`old WordPress addresses (${dialect})`, () => {
    it('answer 301 to the new pages on the agency host and under /opd/{slug}', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      await imported(app, config.dataDir);
      const post = '/berita/posyandu-balita-bansir';
      assert.deepEqual(await location(app, '/?p=101'), { status: 301, to: post });
      assert.deepEqual(await location(app, '/2021/05/19/posyandu-balita-bansir/'), { status: 301, to: post });
      assert.deepEqual(await location(app, '/posyandu-balita-bansir/'), { status: 301, to: post });
      assert.deepEqual(await location(app, '/?page_id=105'), { status: 301, to: '/sejarah' });
      assert.deepEqual(await location(app, '/sejarah/'), { status: 301, to: '/sejarah' });
      assert.deepEqual(await location(app, '/category/kesehatan/'), {
        status: 301,
        to: '/berita?kategori=kesehatan',
      });
      assert.deepEqual(await location(app, '/?cat=5'), { status: 301, to: '/berita?kategori=kesehatan' });
      assert.deepEqual(await location(app, '/tag/posyandu/'), { status: 301, to: '/cari?q=Posyandu' });
      assert.deepEqual(await location(app, '/feed/'), { status: 301, to: '/feed.xml' });
      const image = await location(app, '/wp-content/uploads/2021/05/vaksin-1024x683.jpg');
      assert.equal(image.status, 301);
      assert.match(image.to ?? '', /^\/media\/[a-z0-9/_.-]+\/original\.jpg$/);
      assert.equal((await app.inject({ url: image.to! })).statusCode, 200, 'the photo itself answers');
      assert.equal((await app.inject({ url: post, headers: HOST })).statusCode, 200);
      assert.deepEqual(await location(app, '/opd/dinkes/?p=101', {}), {
        status: 301,
        to: `/opd/dinkes${post}`,
      });
      assert.deepEqual(await location(app, '/opd/dinkes/2021/05/19/posyandu-balita-bansir/', {}), {
        status: 301,
        to: `/opd/dinkes${post}`,
      });
    });

    it('leaves existing routes and unknown addresses alone, and never leads off the site', async (t) => {
      const { app, config } = await buildTestApp(t, dialect);
      await imported(app, config.dataDir);
      assert.equal((await location(app, '/profil')).status, 200, 'an agency page is not shadowed');
      assert.equal(
        (await location(app, '/sejarah')).status,
        200,
        'the imported page answers at its new address',
      );
      assert.equal(
        (await location(app, '/?p=104')).status,
        200,
        'a draft has no redirect: the home page shows',
      );
      assert.equal((await location(app, '/?p=999')).status, 200);
      assert.equal((await location(app, '/tidak-ada/')).status, 404);
      assert.equal((await location(app, '//evil.example/')).status, 404);
      assert.equal(
        (await location(app, '/?p=101', { host: 'dishub.pontianak.go.id' })).status,
        200,
        'another agency has no such id',
      );
      assert.equal(
        (await location(app, '/2021/05/19/posyandu-balita-bansir/', { host: 'dishub.pontianak.go.id' }))
          .status,
        404,
      );
      const res = await app.inject({ method: 'POST', url: '/?p=101', headers: HOST });
      assert.notEqual(res.statusCode, 301, 'only GET and HEAD are redirected');
    });
  });
}
