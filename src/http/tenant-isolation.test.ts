import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { createAccount } from '../accounts/accounts.service.js';
import { listAgencyMembers } from '../accounts/accounts.repository.js';
import { AGENCY_ROLES, type AgencyRole } from '../accounts/accounts.table.js';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { apiToken, signedIn, type TestClient } from '../test/client.js';
import { buildTestApp, dialects } from '../test/app.js';
import { Problems } from '../test/hostile.js';

const A = 'dinkes';
const B = 'dishub';
const PASSWORD = 'Isolasi-Kuat-2026';
const COVERED_METHODS = new Set(['GET', 'HEAD', 'POST']);

type RouteEntry = FastifyInstance['routeList'][number];

/** Routes that act on one agency: `:slug` in the URL, in the admin area or the API. */
function agencyOwnedRoutes(routes: RouteEntry[]): RouteEntry[] {
  return routes.filter(
    (r) => r.url.includes(':slug') && (r.url.startsWith('/admin/') || r.url.startsWith('/api/')),
  );
}

/** A URL for `slug`; any other parameter gets a well-formed id that belongs to no one. */
const urlFor = (route: RouteEntry, slug: string) =>
  route.url
    .replace(':slug', slug)
    .replace(/:[A-Za-z_]+(\([^)]*\))?/g, '00000000-0000-4000-8000-000000000000');

/**
 * A body every agency form and API body accepts as valid, so a 404 can only come from the tenant
 * check (routes without `attachValidation` would otherwise answer 422 before their handler).
 * `user_id` and `role` aim at B's own admin: a leak here would revoke B's admin.
 */
function plausibleBody(bAdminId: string): Record<string, string> {
  return {
    name: 'Dinas Uji Isolasi',
    short_name: 'Uji',
    description: 'Diubah oleh OPD lain',
    address: '',
    phone: '',
    email: 'isolasi@example.go.id',
    service_hours: '',
    instagram: '',
    facebook: '',
    youtube: '',
    x: '',
    role: 'admin',
    user_id: bAdminId,
    kind: 'dinas',
    parent: '',
    hosts: '',
  };
}

interface Caller {
  role: AgencyRole;
  email: string;
  page: TestClient;
  token: string;
}

async function membersOfA(app: FastifyInstance): Promise<Caller[]> {
  const agency = await getAgencyBySlug(app.db, A);
  const callers: Caller[] = [];
  for (const role of AGENCY_ROLES) {
    const email = `isolasi-${role.replace('_', '-')}@example.go.id`;
    await createAccount(app.db, null, {
      email,
      name: `Uji ${role}`,
      password: PASSWORD,
      memberships: [{ agencyId: agency.id, role }],
    });
    callers.push({
      role,
      email,
      page: await signedIn(app, email, PASSWORD),
      token: await apiToken(app, email, PASSWORD),
    });
  }
  return callers;
}

/** Every route as Fastify registered it (`app.routeList`, filled by an onRoute hook in app.ts). */
function routeTable(app: FastifyInstance): RouteEntry[] {
  return app.routeList.filter((r) => !r.url.endsWith('*'));
}

async function send(
  app: FastifyInstance,
  caller: Caller,
  route: RouteEntry,
  slug: string,
  body: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const url = urlFor(route, slug);
  if (url.startsWith('/api/')) {
    return app.inject({
      method: route.method as HTTPMethods,
      url,
      headers: { authorization: `Bearer ${caller.token}` },
      ...(route.method === 'POST' ? { payload: body } : {}),
    });
  }
  if (route.method === 'POST') return caller.page.post(url, body);
  if (route.method === 'GET') return caller.page.get(url);
  return app.inject({
    method: route.method as HTTPMethods,
    url,
    headers: { cookie: `${SESSION_COOKIE}=${caller.page.cookie(SESSION_COOKIE) ?? ''}` },
  });
}

for (const dialect of dialects()) {
  describe(`tenant isolation over every agency-owned route (${dialect})`, () => {
    it('knows every route the app answers', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const routes = routeTable(app);
      assert.ok(routes.length > 0, 'the route table is empty');
      for (const route of routes) {
        assert.ok(
          app.hasRoute({ ...route, method: route.method as HTTPMethods }),
          `${route.method} ${route.url}`,
        );
      }
      const owned = agencyOwnedRoutes(routes).map((r) => `${r.method} ${r.url}`);
      for (const known of [
        'GET /admin/opd/:slug',
        'POST /admin/opd/:slug',
        'POST /admin/opd/:slug/pengguna',
      ]) {
        assert.ok(owned.includes(known), `${known} is among the agency-owned routes`);
      }
    });

    it('answers 404 to every role of agency A on every route of agency B, with no trace of B', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const routes = agencyOwnedRoutes(routeTable(app));
      const uncovered = routes.filter((r) => !COVERED_METHODS.has(r.method));
      assert.deepEqual(uncovered, [], 'extend this matrix for these methods');

      const agencyB = await getAgencyBySlug(app.db, B);
      const membersB = await listAgencyMembers(app.db, agencyB.id);
      const adminB = membersB.find((m) => m.role === 'admin');
      assert.ok(adminB, `${B} has an admin to aim at`);
      const traces = [agencyB.name, ...membersB.map((m) => m.email)];
      const body = plausibleBody(adminB.id);
      const callers = await membersOfA(app);

      const covered = new Set<string>();
      const problems = new Problems();
      for (const route of routes) {
        for (const caller of callers) {
          const res = await send(app, caller, route, B, body);
          await problems.check(`${caller.role} of ${A}: ${route.method} ${urlFor(route, B)}`, () => {
            assert.equal(res.statusCode, 404, `status ${res.statusCode}`);
            for (const trace of traces) assert.ok(!res.body.includes(trace), `shows "${trace}"`);
          });
          covered.add(`${route.method} ${route.url}`);
        }
      }
      t.diagnostic(`${problems.tried} combinations of route × method × role tried`);
      assert.ok(problems.tried > 0, 'the matrix tried nothing');
      assert.deepEqual(problems.list, []);
      assert.deepEqual(
        [...covered].sort(),
        routes.map((r) => `${r.method} ${r.url}`).sort(),
        'every agency-owned route was tried',
      );
      assert.ok(
        routes.some((r) => r.url.startsWith('/admin/')),
        'the admin area has agency-owned routes to try',
      );

      // Nothing of B changed behind the 404s.
      const after = await getAgencyBySlug(app.db, B);
      assert.equal(after.name, agencyB.name);
      assert.equal(after.description, agencyB.description);
      assert.deepEqual(
        (await listAgencyMembers(app.db, agencyB.id)).map((m) => `${m.email} ${m.role}`),
        membersB.map((m) => `${m.email} ${m.role}`),
      );
    });

    it("lets agency A's admin use the same routes on A (or meet a role limit, never a 404), so isolation is not merely a broken route", async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const routes = agencyOwnedRoutes(routeTable(app));
      const agencyA = await getAgencyBySlug(app.db, A);
      const adminB = (await listAgencyMembers(app.db, (await getAgencyBySlug(app.db, B)).id)).find(
        (m) => m.role === 'admin',
      );
      assert.ok(adminB);
      const admin = (await membersOfA(app)).find((c) => c.role === 'admin');
      assert.ok(admin);
      const superAdmin: Caller = {
        role: 'admin',
        email: 'admin@pontianak.go.id',
        page: await signedIn(app, 'admin@pontianak.go.id'),
        token: await apiToken(app, 'admin@pontianak.go.id'),
      };
      let tried = 0;
      // Reads first, then the writes (the profile write renames A).
      for (const route of [...routes].sort(
        (x, y) => Number(x.method === 'POST') - Number(y.method === 'POST'),
      )) {
        const ok = (status: number) =>
          route.method === 'POST' ? status >= 200 && status < 400 : status === 200;
        let res = await send(app, admin, route, A, plausibleBody(adminB.id));
        const what = `admin of ${A}: ${route.method} ${urlFor(route, A)}`;
        if (res.statusCode === 403) {
          // A page for super admins only: the admin is told no, and the super admin gets through.
          res = await send(app, superAdmin, route, A, plausibleBody(adminB.id));
        }
        assert.ok(ok(res.statusCode), `${what} → ${res.statusCode}`);
        if (route.method === 'GET')
          assert.ok(res.body.includes(agencyA.name), `${what} shows ${agencyA.name}`);
        tried += 1;
      }
      assert.ok(tried > 0);
    });
  });
}
