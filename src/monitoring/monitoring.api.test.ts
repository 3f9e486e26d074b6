import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { withDemoActivity } from './monitoring.fixtures.js';
import { apiToken } from '../test/client.js';
import { makeMember } from '../test/factories.js';

interface Row {
  agency: { slug: string; name: string };
  zone: string;
  score: number;
  active_admins: number;
  posts_30d: number;
  problems: string[];
}

for (const dialect of dialects()) {
  describe(`GET /api/v1/monitoring (${dialect})`, () => {
    it('gives the super admin every OPD, an OPD admin theirs, others nothing, and no token a 401', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await withDemoActivity(app);
      const get = async (token?: string) =>
        app.inject({
          method: 'GET',
          url: '/api/v1/monitoring',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });

      const all = await get(await apiToken(app, 'admin@pontianak.go.id'));
      assert.equal(all.statusCode, 200);
      const rows = all.json() as Row[];
      const agencies = await app.db.selectFrom('agencies').select('id').execute();
      assert.equal(rows.length, agencies.length);
      const perpus = rows.find((r) => r.agency.slug === 'disperpusip')!;
      assert.equal(perpus.zone, 'merah');
      assert.equal(perpus.active_admins, 1);
      assert.equal(perpus.posts_30d, 0);
      assert.ok(perpus.problems.some((p) => p.startsWith('Admin aktif hanya 1')));
      assert.deepEqual(Object.keys(perpus).sort(), [
        'active_admins',
        'agency',
        'complaints_on_time_rate',
        'complaints_overdue',
        'complaints_received',
        'last_post_at',
        'posts_30d',
        'posts_7d',
        'problems',
        'satisfaction',
        'score',
        'standards_complete',
        'standards_total',
        'zone',
      ]);

      const own = await get(await apiToken(app, 'admin1@dishub.pontianak.go.id'));
      assert.deepEqual(
        (own.json() as Row[]).map((r) => r.agency.slug),
        ['dishub'],
      );
      const editor = await makeMember(app, 'dishub', 'editor');
      const none = await get(await apiToken(app, editor.email, editor.password));
      assert.deepEqual(none.json(), []);
      assert.equal((await get()).statusCode, 401);
      assert.equal((await get('not-a-token')).statusCode, 401);

      const docs = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (docs.statusCode === 200)
        assert.ok(docs.body.includes('/api/v1/monitoring'), 'documented in OpenAPI');
    });
  });
}
