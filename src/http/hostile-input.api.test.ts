import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken, signedIn, type TestClient } from '../test/client.js';
import {
  assertApiError,
  assertNoRawMarkup,
  decodeEntities,
  deeplyNested,
  EMOJI,
  HOSTILE_TEXT,
  INVALID_UTF8,
  Problems,
  TWO_MB,
  WRONG_TYPES,
} from '../test/hostile.js';

// Each API body is swept field by field (a dotted path reaches into arrays), every other field
// valid. Refused: a 4xx `{error: {code, message}}` in Indonesian. Accepted: read back exactly
// (trimmed, emails in lower case) through the API and the pages, escaped in HTML.

type Body = Record<string, unknown>;
const MARK = '__nilai__';

/** `body` with the value at a dotted path (`memberships.0.agency`) replaced. */
function withValue(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

/** JSON text of `body` with the value at `path` replaced by raw bytes or raw JSON text. */
function rawBody(body: Body, path: string, ...parts: (string | Buffer)[]): Buffer {
  const [before, after] = JSON.stringify(withValue(body, path, MARK)).split(`"${MARK}"`);
  return Buffer.concat([before!, ...parts, after!].map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

const stored = (path: string, value: string) =>
  path === 'email' ? value.trim().toLowerCase() : value.trim();

interface Endpoint {
  url: string;
  token: string | null;
  base: () => Body;
  fields: readonly string[];
  /** fields whose emoji must be accepted */
  freeText: ReadonlySet<string>;
  /** fields that must be filled in (an item of a list counts when the list is given) */
  required: ReadonlySet<string>;
  readBack: (sent: Body, path: string, res: LightMyRequestResponse) => Promise<void>;
}

async function sweepApi(app: FastifyInstance, api: Endpoint, problems: Problems): Promise<void> {
  const post = (payload: Body | Buffer | string) =>
    app.inject({
      method: 'POST',
      url: api.url,
      headers: {
        'content-type': 'application/json',
        ...(api.token ? { authorization: `Bearer ${api.token}` } : {}),
      },
      payload: Buffer.isBuffer(payload) || typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  const refused = async (what: string, payload: Body | Buffer | string, field?: string) => {
    const res = await post(payload);
    await problems.check(what, () => {
      assertApiError(res, what);
      if (field && res.statusCode === 422) {
        const fields = (res.json() as { error: { fields?: Record<string, string> } }).error.fields ?? {};
        const named = Object.keys(fields).some((k) => k === field || k.startsWith(`${field}.`));
        assert.ok(named, `${what}: names ${field} (${Object.keys(fields).join(', ')})`);
      }
    });
  };

  for (const path of api.fields) {
    for (const { label, value } of HOSTILE_TEXT) {
      const what = `${path} = ${label}`;
      const sent = withValue(api.base(), path, value);
      const res = await post(sent);
      await problems.check(what, async () => {
        assert.ok(res.statusCode < 500, `status ${res.statusCode}`);
        if (value === EMOJI && api.freeText.has(path))
          assert.ok(res.statusCode < 400, `emoji refused (${res.statusCode}: ${res.body})`);
        if (res.statusCode >= 400) {
          assertApiError(res, what);
          const message = (res.json() as { error: { fields?: Record<string, string> } }).error.fields?.[path];
          // Someone who typed something into an optional field is not told that it is required.
          if (value !== '' && !api.required.has(path) && message)
            assert.doesNotMatch(message, /wajib diisi/, `optional ${path} is called required`);
          return;
        }
        await api.readBack(sent, path, res);
      });
    }
    for (const { label, value } of WRONG_TYPES) {
      await refused(`${path} = ${label}`, withValue(api.base(), path, value), path);
    }
    await refused(`${path} = 10,000 levels deep`, rawBody(api.base(), path, deeplyNested(10_000)), path);
    await refused(`${path} = invalid UTF-8`, rawBody(api.base(), path, '"Dinas', INVALID_UTF8, '"'), path);
  }

  await refused('body = 10,000 levels of objects', deeplyNested(10_000));
  await refused('body = 10,000 levels of arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  await refused('body = invalid UTF-8 outside a string', Buffer.concat([Buffer.from('{'), INVALID_UTF8]));
  for (const payload of ['null', '42', '"Dinas"', '[]', 'true', '']) {
    await refused(`body = ${payload || 'empty'}`, payload);
  }
  const big = await post(withValue(api.base(), api.fields[0]!, TWO_MB));
  await problems.check('2 MB', () => {
    assert.equal(big.statusCode, 413);
    assertApiError(big, '2 MB');
  });
}

function finish(t: { diagnostic: (m: string) => void }, problems: Problems): void {
  t.diagnostic(`${problems.tried} hostile requests`);
  assert.ok(problems.tried > 0);
  assert.deepEqual(problems.list, []);
}

const PROFILE_FIELDS = [
  'description',
  'address',
  'phone',
  'email',
  'service_hours',
  'instagram',
  'facebook',
  'youtube',
  'x',
];

for (const dialect of dialects()) {
  const boot = async (t: Parameters<typeof buildTestApp>[0]) => {
    const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
    const admin: TestClient = await signedIn(app, 'admin@pontianak.go.id');
    return { app, admin, token: await apiToken(app, 'admin@pontianak.go.id') };
  };

  describe(`hostile input in POST /api/v1/agencies (${dialect})`, () => {
    it('refuses it with an Indonesian JSON error, or publishes exactly what was sent', async (t) => {
      const { app, admin, token } = await boot(t);
      let n = 0;
      const problems = new Problems();
      await sweepApi(
        app,
        {
          url: '/api/v1/agencies',
          token,
          base: () => ({
            slug: `api-${(n += 1)}`,
            kind: 'dinas',
            name: 'Dinas Uji',
            short_name: 'Uji',
            hosts: [`api-${n}.pontianak.go.id`],
          }),
          fields: ['name', 'short_name', 'slug', 'kind', 'parent', ...PROFILE_FIELDS, 'hosts', 'hosts.0'],
          freeText: new Set(['name', 'short_name', 'description', 'address', 'service_hours']),
          required: new Set(['name', 'short_name', 'slug', 'kind', 'hosts.0']),
          readBack: async (sent, path, res) => {
            assert.equal(res.statusCode, 201);
            const listed = (await app.inject('/api/v1/agencies')).json() as Record<string, unknown>[];
            const agency = listed.find((a) => a.slug === sent.slug);
            assert.ok(agency, 'listed');
            for (const key of ['name', 'short_name'])
              assert.equal(agency[key], stored(key, String(sent[key])), `${key} read back`);
            const page = await admin.get(`/opd/${String(sent.slug)}`);
            assertNoRawMarkup(page.body, 'public page');
            const expected = typeof sent[path] === 'string' ? stored(path, sent[path]) : '';
            if (expected) assert.ok(decodeEntities(page.body).includes(expected), 'public page shows it');
          },
        },
        problems,
      );
      finish(t, problems);
    });
  });

  describe(`hostile input in POST /api/v1/users (${dialect})`, () => {
    it('refuses it with an Indonesian JSON error, or creates the person exactly as sent', async (t) => {
      const { app, admin, token } = await boot(t);
      let n = 0;
      const problems = new Problems();
      await sweepApi(
        app,
        {
          url: '/api/v1/users',
          token,
          base: () => ({
            email: `api-${(n += 1)}@example.go.id`,
            name: 'Petugas API',
            memberships: [{ agency: 'dinkes', role: 'author' }],
          }),
          fields: [
            'name',
            'email',
            'password',
            'installation_role',
            'memberships',
            'memberships.0.agency',
            'memberships.0.role',
          ],
          freeText: new Set(['name', 'password']),
          required: new Set(['name', 'email', 'memberships.0.agency', 'memberships.0.role']),
          readBack: async (sent, _path, res) => {
            assert.equal(res.statusCode, 201);
            const user = res.json() as { name: string; email: string; memberships: unknown[] };
            assert.equal(user.name, stored('name', String(sent.name)));
            assert.equal(user.email, stored('email', String(sent.email)));
            assert.deepEqual(user.memberships, [{ agency: 'dinkes', role: 'author' }]);
            const list = await admin.get('/admin/pengguna');
            assertNoRawMarkup(list.body, '/admin/pengguna');
            assert.ok(decodeEntities(list.body).includes(user.name), 'the list of people shows the name');
            if (typeof sent.password !== 'string') return;
            const again = await app.inject({
              method: 'POST',
              url: '/api/v1/auth/token',
              payload: { email: sent.email, password: sent.password },
            });
            assert.equal(again.statusCode, 200, 'signs in with exactly the password sent');
          },
        },
        problems,
      );
      finish(t, problems);
    });
  });

  describe(`hostile input in POST /api/v1/auth/token (${dialect})`, () => {
    it('refuses it with an Indonesian JSON error and never hands out a token', async (t) => {
      const { app } = await boot(t);
      const problems = new Problems();
      await sweepApi(
        app,
        {
          url: '/api/v1/auth/token',
          token: null,
          base: () => ({ email: 'tidak-ada@example.go.id', password: 'bukan-kata-sandinya' }),
          fields: ['email', 'password', 'otp'],
          freeText: new Set(),
          // the code is optional, but one that is sent must be filled in
          required: new Set(['email', 'password', 'otp']),
          readBack: () => Promise.reject(new Error('a token for an account that does not exist')),
        },
        problems,
      );
      finish(t, problems);
    });
  });
}
