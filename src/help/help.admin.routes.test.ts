import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { guideHref, guides, HELP_PATH, type GuideKey } from './guides.js';

const PAGES = [HELP_PATH, ...(Object.keys(guides) as GuideKey[]).map(guideHref)];

for (const dialect of dialects()) {
  describe(`GET /admin/panduan: the guides for admins (${dialect})`, () => {
    it('opens every guide to a signed-in admin or editor, each with one h1, and sends anyone else to sign in', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const editor = await makeMember(app, 'dinkes', 'editor');
      const readers = [
        await signedIn(app, 'admin1@dinkes.pontianak.go.id'),
        await signedIn(app, editor.email, editor.password),
      ];
      const anonymous = new TestClient(app);
      for (const path of PAGES) {
        for (const reader of readers) {
          const res = await reader.get(path);
          assert.equal(res.statusCode, 200, path);
          assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1, `${path} has one h1`);
        }
        const refused = await anonymous.get(path);
        assert.equal(refused.statusCode, 303, path);
        assert.match(String(refused.headers.location), /^\/masuk/);
      }
    });

    it('lists the three guides on the index and explains all 14 components of a service standard', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const index = await admin.get(HELP_PATH);
      for (const key of Object.keys(guides) as GuideKey[])
        assert.ok(index.body.includes(`href="${guideHref(key)}"`), key);
      const standards = await admin.get(guideHref('standards'));
      const items = standards.body.match(/<ol class="help-components"[\s\S]*?<\/ol>/)?.[0] ?? '';
      assert.equal((items.match(/<li>/g) ?? []).length, 14);
      assert.equal((items.match(/wajib dipublikasikan/g) ?? []).length, 6);
    });

    it('is linked from the admin home, the quick post form and the media library', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      assert.match((await admin.get('/admin')).body, /href="\/admin\/panduan"/);
      const quick = (await admin.get('/admin/opd/dinkes/kegiatan-baru')).body;
      assert.match(quick, /href="\/admin\/panduan\/menulis-kegiatan"/);
      assert.match(quick, /href="\/admin\/panduan\/foto"/);
      assert.match((await admin.get('/admin/opd/dinkes/media')).body, /href="\/admin\/panduan\/foto"/);
    });
  });
}
