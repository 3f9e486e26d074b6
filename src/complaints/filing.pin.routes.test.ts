import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { makeComplaint } from '../test/factories.js';
import { decodeEntities, fieldError, fieldValue } from '../test/hostile.js';
import { countComplaints, fileForm, valid } from './filing.fixtures.js';

const OSM = { BALAIRUNG_MAP_TILES: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' };

/** The CSP's directives by name. */
function csp(header: unknown): Map<string, string> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

for (const dialect of dialects()) {
  describe(`the map pin on the complaint form (${dialect})`, () => {
    it('offers no map and lets no tile server into the CSP when no tiles are configured', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await new TestClient(app).get('/aduan');
      assert.equal(res.statusCode, 200);
      assert.equal(csp(res.headers['content-security-policy']).get('img-src'), "'self' data:");
      assert.ok(!res.body.includes('aduan-pin'), 'no pin fold');
      assert.ok(!res.body.includes('name="lat"'));
      assert.ok(!res.body.includes('complaint-map.js'));
    });

    it('offers the pin fold, its settings and the tile origin in the CSP when tiles are configured', async (t) => {
      const { app } = await buildTestApp(t, dialect, OSM);
      const client = new TestClient(app);
      const res = await client.get('/aduan');
      assert.equal(res.statusCode, 200);
      const policy = csp(res.headers['content-security-policy']);
      assert.equal(policy.get('img-src'), "'self' data: https://tile.openstreetmap.org");
      assert.equal(policy.get('script-src'), "'self'", 'the rest stays strict');
      assert.equal(policy.get('style-src'), "'self'");
      assert.equal(policy.get('connect-src'), "'self'");
      const home = await client.get('/');
      assert.equal(csp(home.headers['content-security-policy']).get('img-src'), policy.get('img-src'));

      const html = decodeEntities(res.body);
      assert.match(res.body, /<details class="aduan-pin">/, 'folded while nothing is typed');
      assert.match(html, /Titik di peta <span class="field__optional">\(tidak wajib\)<\/span>/);
      assert.match(res.body, /<label class="field__label" for="f-lat"[^>]*>Garis lintang/);
      assert.match(res.body, /<label class="field__label" for="f-lng"[^>]*>Garis bujur/);
      assert.equal(fieldValue(res.body, 'lat'), '');
      assert.match(html, /data-tiles="https:\/\/tile\.openstreetmap\.org\/\{z\}\/\{x\}\/\{y\}\.png"/);
      assert.match(html, /data-attribution="© OpenStreetMap contributors"/);
      assert.match(res.body, /data-center="-0\.0263,109\.3425"/);
      assert.match(res.body, /data-leaflet-js="\/aset\/vendor\/leaflet\/leaflet\.js\?v=[0-9a-f]+"/);
      assert.match(res.body, /<script src="\/aset\/js\/complaint-map\.js\?v=[0-9a-f]+" defer/);
      const leaflet = await client.get(/data-leaflet-js="([^"]+)"/.exec(res.body)![1]!);
      assert.equal(leaflet.statusCode, 200, 'Leaflet is served from our own address');
    });

    it('stores a pin typed with a decimal comma or point', async (t) => {
      const { app } = await buildTestApp(t, dialect, OSM);
      const { res } = await fileForm(new TestClient(app), { ...valid(), lat: ' -0,0263 ', lng: '109.3425' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      const row = await app.db.selectFrom('complaints').select(['lat', 'lng']).executeTakeFirstOrThrow();
      assert.equal(row.lat, -0.0263);
      assert.equal(row.lng, 109.3425);
    });

    it('stores no pin when the fields are left empty', async (t) => {
      const { app } = await buildTestApp(t, dialect, OSM);
      const { res } = await fileForm(new TestClient(app), { ...valid(), lat: '', lng: '' });
      assert.equal(res.statusCode, 303);
      const row = await app.db.selectFrom('complaints').select(['lat', 'lng']).executeTakeFirstOrThrow();
      assert.equal(row.lat, null);
      assert.equal(row.lng, null);
    });

    it('asks for the other half of a pin, keeps what was typed and opens the fold', async (t) => {
      const { app } = await buildTestApp(t, dialect, OSM);
      const { res } = await fileForm(new TestClient(app), { ...valid(), lat: '-0.0263' });
      assert.equal(res.statusCode, 422);
      assert.equal(
        fieldError(res.body, 'lng'),
        'Titik peta harus berisi garis lintang dan garis bujur sekaligus.',
      );
      assert.match(res.body, /href="#f-lng"/);
      assert.match(res.body, /<details class="aduan-pin" open>/);
      assert.equal(fieldValue(res.body, 'lat'), '-0.0263');
      assert.equal(fieldValue(res.body, 'title'), valid().title);
      assert.equal(await countComplaints(app), 0);
    });

    it('says which coordinate is not a number or out of range, and stores nothing', async (t) => {
      const { app } = await buildTestApp(t, dialect, OSM);
      const client = new TestClient(app);
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ lat: '95', lng: '109.3' }, 'lat', /Garis lintang harus antara -90 dan 90/],
        [{ lat: '-0.02', lng: '200' }, 'lng', /Garis bujur harus antara -180 dan 180/],
        [{ lat: 'selatan', lng: '109.3' }, 'lat', /Garis lintang harus berupa angka/],
        [{ lat: '-0.02', lng: '109,3,4' }, 'lng', /Garis bujur harus berupa angka/],
      ];
      for (const [pin, field, message] of cases) {
        const { res } = await fileForm(client, { ...valid(), ...pin });
        const what = JSON.stringify(pin);
        assert.equal(res.statusCode, 422, what);
        assert.match(fieldError(res.body, field) ?? '', message, what);
        assert.equal(fieldValue(res.body, field), pin[field], what);
      }
      assert.equal(await countComplaints(app), 0);
    });

    it('shows staff the pin with a link to it on OpenStreetMap', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { complaint } = await makeComplaint(app, { lat: -0.0263, lng: 109.3425 });
      const page = await (
        await signedIn(app, 'aduan@pontianak.go.id')
      ).get(`/admin/aduan/${complaint.trackingCode}`);
      assert.equal(page.statusCode, 200);
      assert.match(
        decodeEntities(page.body),
        /-0\.0263, 109\.3425 \(<a href="https:\/\/www\.openstreetmap\.org\/\?mlat=-0\.0263&mlon=109\.3425#map=18\/-0\.0263\/109\.3425">lihat di OpenStreetMap<\/a>\)/,
      );
    });
  });
}
