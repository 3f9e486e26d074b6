import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { createAccount } from '../accounts/accounts.service.js';
import { listAgencyMembers } from '../accounts/accounts.repository.js';
import { AGENCY_ROLES, type AgencyRole } from '../accounts/accounts.table.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { randomUUID } from 'node:crypto';
import { actorFor, SESSION_COOKIE } from '../accounts/sessions.js';
import { findUserByEmail } from '../accounts/accounts.repository.js';
import { createPost } from '../news/news.service.js';
import { addPage } from '../pages/pages.service.js';
import { createService } from '../standards/standards.service.js';
import { apiToken, signedIn, type TestClient } from '../test/client.js';
import { buildTestApp, dialects } from '../test/app.js';
import { Problems } from '../test/hostile.js';
import { todayIn } from '../time/zone.js';

const A = 'dinkes';
const THIS_YEAR = todayIn('Asia/Pontianak').slice(0, 4);
const B = 'dishub';
const PASSWORD = 'Isolasi-Kuat-2026';
const COVERED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PATCH', 'DELETE']);

type RouteEntry = FastifyInstance['routeList'][number];

/** Routes with an `:id` of something no agency owns: the installation's, for its super admin only. */
const INSTALLATION_ROUTES = new Set(['/api/v1/open311-clients/:id']);

/** Routes that act on one agency's data: `:slug` in the URL, or the `:id` of an agency-owned object. */
function agencyOwnedRoutes(routes: RouteEntry[]): RouteEntry[] {
  return routes.filter(
    (r) =>
      (r.url.startsWith('/admin/') || r.url.startsWith('/api/')) &&
      (r.url.includes(':slug') || r.url.includes(':id')) &&
      !INSTALLATION_ROUTES.has(r.url),
  );
}

/** One object of each agency-owned kind, in A and in B (`revision`: a version of that agency's post). */
interface Objects {
  post: Record<'A' | 'B', string>;
  media: Record<'A' | 'B', string>;
  revision: Record<'A' | 'B', string>;
  /** an agency page, named by its address within the agency */
  page: Record<'A' | 'B', string>;
  /** a service standard by id (the API), and by its address within the agency (the admin pages) */
  service: Record<'A' | 'B', string>;
  serviceSlug: Record<'A' | 'B', string>;
  /** an assessment year (src/assessment): this year, the same for both; the address's agency decides */
  year: Record<'A' | 'B', string>;
}

/** Parameters after `:id` that name an agency-owned object of their own (others are left as written). */
const SUB_PARAMS: Record<string, keyof Objects> = {
  revision: 'revision',
  page: 'page',
  service: 'serviceSlug',
  year: 'year',
};

/** The kind of object an `:id` names, read from the segment before it; unknown kinds fail the test. */
function idKind(route: RouteEntry): keyof Objects | null {
  const match = /\/([a-z-]+)\/:id\b/.exec(route.url);
  if (!match) return null;
  const kind = ({ berita: 'post', posts: 'post', media: 'media', services: 'service' } as const)[
    match[1] as 'berita' | 'posts' | 'media' | 'services'
  ];
  if (!kind) throw new Error(`${route.url}: teach the isolation matrix what "${match[1]}/:id" names`);
  return kind;
}

/** A URL on `slug` naming the objects that belong to `owner`. */
const urlFor = (route: RouteEntry, slug: string, objects: Objects, owner: 'A' | 'B') => {
  const kind = idKind(route);
  return route.url
    .replace(':slug', slug)
    .replace(/:id\b/, kind ? objects[kind][owner] : '')
    .replace(/:([A-Za-z_]+)/g, (param, name: string) => {
      const sub = SUB_PARAMS[name];
      return sub ? objects[sub][owner] : param;
    });
};

async function makeObjects(app: FastifyInstance): Promise<Objects> {
  const ids = {
    post: { A: '', B: '' },
    media: { A: '', B: '' },
    revision: { A: '', B: '' },
    page: { A: '', B: '' },
    service: { A: '', B: '' },
    serviceSlug: { A: '', B: '' },
    year: { A: THIS_YEAR, B: THIS_YEAR },
  };
  for (const [key, slug] of [
    ['A', A],
    ['B', B],
  ] as const) {
    const agency = await getAgencyBySlug(app.db, slug);
    const media = randomUUID();
    await app.db
      .insertInto('media')
      .values({
        id: media,
        agencyId: agency.id,
        originalName: 'x.jpg',
        mime: 'image/jpeg',
        width: 10,
        height: 10,
        bytes: 1,
        alt: 'Foto uji',
        caption: '',
        credit: '',
        storageKey: `a/uji/${media}`,
        variants: '[]',
        warnings: '[]',
        createdBy: null,
        createdAt: new Date().toISOString(),
      })
      .execute();
    const editor = await actorFor(app.db, (await findUserByEmail(app.db, `admin1@${slug}.pontianak.go.id`))!);
    const post = await createPost(app.db, editor, agency, {
      title: `Berita uji ${slug}`,
      body_html: '<p>Uji</p>',
    });
    ids.media[key] = media;
    ids.post[key] = post.id;
    const revision = await app.db
      .selectFrom('postRevisions')
      .select('id')
      .where('postId', '=', post.id)
      .executeTakeFirstOrThrow();
    ids.revision[key] = revision.id;
    const page = await addPage(app.db, editor, agency, { title: `Halaman uji ${media.slice(0, 8)}` });
    ids.page[key] = page.slug;
    const service = await createService(
      app.db,
      agency,
      { name: `Layanan uji ${media.slice(0, 8)}` },
      'Asia/Pontianak',
    );
    ids.service[key] = service.id;
    ids.serviceSlug[key] = service.slug;
  }
  return ids;
}

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
    title: 'Berita uji isolasi',
    body_html: '<p>Uji</p>',
    action: 'submit',
    alt: 'Foto uji isolasi',
    caption: '',
    credit: '',
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
  url: string,
  body: Record<string, string>,
): Promise<LightMyRequestResponse> {
  if (url.startsWith('/api/')) {
    return app.inject({
      method: route.method as HTTPMethods,
      url,
      headers: { authorization: `Bearer ${caller.token}` },
      ...(route.method === 'POST' || route.method === 'PATCH' ? { payload: body } : {}),
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
      const objects = await makeObjects(app);
      for (const route of routes) {
        // B's objects through B's address, and (where an id is named) through A's own address.
        const urls = [
          urlFor(route, B, objects, 'B'),
          ...(idKind(route) ? [urlFor(route, A, objects, 'B')] : []),
        ];
        for (const url of [...new Set(urls)]) {
          for (const caller of callers) {
            const res = await send(app, caller, route, url, body);
            // A role limit on A's own address (403 for A's own object too) says nothing about B's object.
            const roleLimit =
              res.statusCode === 403 && url.includes(`/${A}/`)
                ? (await send(app, caller, route, urlFor(route, A, objects, 'A'), body)).statusCode === 403
                : false;
            await problems.check(`${caller.role} of ${A}: ${route.method} ${url}`, () => {
              assert.ok(res.statusCode === 404 || roleLimit, `status ${res.statusCode}`);
              for (const trace of traces) assert.ok(!res.body.includes(trace), `shows "${trace}"`);
            });
          }
        }
        covered.add(`${route.method} ${route.url}`);
      }
      const postB = await app.db
        .selectFrom('posts')
        .select(['title', 'status'])
        .where('id', '=', objects.post.B)
        .executeTakeFirst();
      assert.deepEqual(postB, { title: `Berita uji ${B}`, status: 'draft' }, "B's post is untouched");
      const mediaB = await app.db
        .selectFrom('media')
        .select('alt')
        .where('id', '=', objects.media.B)
        .executeTakeFirst();
      assert.deepEqual(mediaB, { alt: 'Foto uji' }, "B's photo is untouched");
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
      const objects = await makeObjects(app);
      let tried = 0;
      // Reads first, then writes, deletions last (the profile write renames A; a deletion removes the object).
      const order = (r: RouteEntry) =>
        r.method === 'GET' || r.method === 'HEAD' ? 0 : /hapus/.test(r.url) || r.method === 'DELETE' ? 2 : 1;
      for (const route of [...routes].sort((x, y) => order(x) - order(y))) {
        // Each deletion gets objects of its own, so the next one still has something to delete.
        const mine = order(route) === 2 ? await makeObjects(app) : objects;
        const url = urlFor(route, A, mine, 'A');
        let res = await send(app, admin, route, url, plausibleBody(adminB.id));
        const what = `admin of ${A}: ${route.method} ${url}`;
        if (res.statusCode === 403) {
          // A page for super admins only: the admin is told no, and the super admin gets through.
          res = await send(app, superAdmin, route, url, plausibleBody(adminB.id));
        }
        if (route.method !== 'GET' && route.method !== 'HEAD') {
          // A write may refuse this generic body (422, 406…), but never as if A's object did not exist.
          assert.ok(res.statusCode !== 404 && res.statusCode < 500, `${what} → ${res.statusCode}`);
        } else {
          assert.equal(res.statusCode, 200, `${what} → ${res.statusCode}`);
          if (route.method === 'GET')
            assert.ok(res.body.includes(agencyA.shortName), `${what} shows ${agencyA.shortName}`);
        }
        tried += 1;
      }
      assert.ok(tried > 0);
    });
  });
}
