import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { fieldId } from '../views/components.js';
import {
  assertNoRawMarkup,
  assertRefusedForm,
  decodeEntities,
  EMOJI,
  fieldError,
  fieldValue,
  HOSTILE_TEXT,
  INVALID_UTF8,
  postRawForm,
  Problems,
  TWO_MB,
} from '../test/hostile.js';

// Each form is swept field by field: every other field keeps a valid value, so the one under test
// decides the outcome. Refused: 422, "Ada masalah", what was typed shown again. Accepted: stored
// exactly (trimmed, emails in lower case) and shown escaped wherever it is read back.

const PROFILE_FIELDS = [
  'name',
  'short_name',
  'description',
  'address',
  'phone',
  'email',
  'service_hours',
  'instagram',
  'facebook',
  'youtube',
  'x',
] as const;

/** Fields for names and prose, where an emoji is ordinary text and must be kept. */
const FREE_TEXT = new Set(['name', 'short_name', 'description', 'address', 'service_hours']);

const stored = (field: string, value: string) =>
  field === 'email' ? value.trim().toLowerCase() : value.trim();

const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

interface Sweep {
  problems: Problems;
  /** the form's text inputs (selects and passwords are not shown again as typed) */
  textFields: readonly string[];
  /** fields whose emoji must be accepted */
  freeText: ReadonlySet<string>;
  /** fields the form requires; null when the form does not point at the field at fault (sign-in) */
  required: ReadonlySet<string> | null;
  post: (fields: Record<string, string>) => Promise<LightMyRequestResponse>;
  postRaw: (parts: (string | Buffer)[]) => Promise<LightMyRequestResponse>;
  base: () => Record<string, string>;
  readBack: (sent: Record<string, string>, field: string, res: LightMyRequestResponse) => Promise<void>;
  /** further checks on a refused submission */
  onRefused?: (res: LightMyRequestResponse, sent: Record<string, string>) => void;
}

/** The summary links to the field at fault, whose message is beside it and fits it. */
function assertPointsAt(html: string, field: string, required: boolean): void {
  assert.ok(html.includes(`href="#${fieldId(field)}"`), `the summary links to ${field}`);
  const message = fieldError(html, field);
  assert.ok(message, `a message beside ${field}`);
  if (!required) assert.doesNotMatch(message, /wajib diisi/, `optional ${field} is called required`);
}

/** Every hostile value in every field, raw invalid UTF-8 in every text field, and one oversized body. */
async function sweep(form: Sweep, fields: readonly string[]): Promise<void> {
  const { problems } = form;
  for (const field of fields) {
    for (const { label, value } of HOSTILE_TEXT) {
      const what = `${field} = ${label}`;
      const sent = { ...form.base(), [field]: value };
      const res = await form.post(sent);
      await problems.check(what, async () => {
        assert.ok(res.statusCode < 500, `status ${res.statusCode}`);
        if (value === EMOJI && form.freeText.has(field))
          assert.ok(res.statusCode < 400, `emoji refused (${res.statusCode})`);
        if (res.statusCode >= 400) {
          assertRefusedForm(res, sent, form.textFields, what);
          if (form.required) assertPointsAt(res.body, field, form.required.has(field));
          return form.onRefused?.(res, sent);
        }
        assertNoRawMarkup(res.body, what);
        await form.readBack(sent, field, res);
      });
    }
    if (!form.textFields.includes(field)) continue;
    const others = { ...form.base() };
    delete others[field];
    const res = await form.postRaw([`${urlencoded(others)}&${field}=Dinas`, INVALID_UTF8]);
    await problems.check(`${field} = invalid UTF-8`, () => {
      assertRefusedForm(res, others, form.textFields, `${field} = invalid UTF-8`);
      if (form.required) assertPointsAt(res.body, field, form.required.has(field));
    });
  }
  const field = fields[0]!;
  const res = await form.post({ ...form.base(), [field]: TWO_MB });
  await problems.check(`${field} = 2 MB`, () => {
    assert.equal(res.statusCode, 413, 'a body over the limit is refused as too large');
    assert.match(res.body, /terlalu besar/);
  });
}

function finish(t: { diagnostic: (m: string) => void }, problems: Problems): void {
  t.diagnostic(`${problems.tried} hostile submissions`);
  assert.ok(problems.tried > 0);
  assert.deepEqual(problems.list, []);
}

for (const dialect of dialects()) {
  const boot = (t: Parameters<typeof buildTestApp>[0]) =>
    buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });

  describe(`hostile input in the agency profile form (${dialect})`, () => {
    it('refuses it with the typed text shown again, or stores and escapes exactly what was sent', async (t) => {
      const { app } = await boot(t);
      const client = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const page = await client.get('/admin/opd/dinkes');
      const current = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, fieldValue(page.body, f) ?? '']));
      assert.equal(current.name, 'Dinas Kesehatan', 'the form shows the current profile');
      const problems = new Problems();
      await sweep(
        {
          problems,
          textFields: PROFILE_FIELDS,
          freeText: FREE_TEXT,
          required: new Set(['name', 'short_name']),
          base: () => ({ ...current }),
          post: (fields) => client.post('/admin/opd/dinkes', fields),
          postRaw: (parts) => postRawForm(client, '/admin/opd/dinkes', '/admin/opd/dinkes', parts),
          readBack: async (sent, field, res) => {
            assert.equal(res.statusCode, 303);
            const expected = stored(field, sent[field]!);
            const admin = await client.get('/admin/opd/dinkes');
            assert.equal(fieldValue(admin.body, field), expected, 'the admin form shows what was stored');
            const pub = await client.get('/opd/dinkes');
            assertNoRawMarkup(pub.body, 'public page');
            if (expected) assert.ok(decodeEntities(pub.body).includes(expected), 'public page shows it');
          },
        },
        PROFILE_FIELDS,
      );
      finish(t, problems);
    });
  });

  describe(`hostile input in the invitation form (${dialect})`, () => {
    it('refuses it with the typed text shown again, or lists the person exactly as typed', async (t) => {
      const { app } = await boot(t);
      const client = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const url = '/admin/opd/dinkes/pengguna';
      let n = 0;
      const problems = new Problems();
      await sweep(
        {
          problems,
          textFields: ['name', 'email'],
          freeText: new Set(['name']),
          required: new Set(['name', 'email', 'role']),
          base: () => ({ name: 'Petugas Uji', email: `undangan-${(n += 1)}@example.go.id`, role: 'editor' }),
          post: (fields) => client.post(url, fields),
          postRaw: (parts) => postRawForm(client, url, url, parts),
          readBack: async (sent) => {
            const list = decodeEntities((await client.get(url)).body);
            assert.ok(list.includes(sent.name!.trim()), 'the member list shows the name');
            assert.ok(list.includes(sent.email!.trim().toLowerCase()), 'the member list shows the email');
          },
        },
        ['name', 'email', 'role'],
      );
      assertNoRawMarkup((await client.get(url)).body, 'member list');
      finish(t, problems);
    });
  });

  describe(`hostile input in the new agency form (${dialect})`, () => {
    it('refuses it with the typed text shown again, or publishes the agency exactly as typed', async (t) => {
      const { app } = await boot(t);
      const client = await signedIn(app, 'admin@pontianak.go.id');
      let n = 0;
      const problems = new Problems();
      await sweep(
        {
          problems,
          textFields: ['name', 'short_name', 'slug'],
          freeText: new Set(['name', 'short_name']),
          required: new Set(['name', 'short_name', 'slug', 'kind']),
          base: () => ({
            name: 'Dinas Uji',
            short_name: 'Uji',
            slug: `uji-${(n += 1)}`,
            kind: 'dinas',
            parent: '',
          }),
          post: (fields) => client.post('/admin/opd/baru', fields),
          postRaw: (parts) => postRawForm(client, '/admin/opd/baru', '/admin/opd/baru', parts),
          readBack: async (sent, _field, res) => {
            assert.equal(res.headers.location, `/admin/opd/${sent.slug}`);
            const pub = await client.get(`/opd/${sent.slug}`);
            assertNoRawMarkup(pub.body, 'public page');
            const text = decodeEntities(pub.body);
            assert.ok(text.includes(`<h1>${sent.name!.trim()}</h1>`), 'the public page shows the name');
            assert.ok(text.includes(sent.short_name!.trim()), 'the public page shows the short name');
          },
        },
        ['name', 'short_name', 'slug', 'kind', 'parent'],
      );
      finish(t, problems);
    });
  });

  describe(`hostile input in the sign-in form (${dialect})`, () => {
    it('refuses it with the email shown again and the password never echoed', async (t) => {
      const { app } = await boot(t);
      const client = new TestClient(app);
      await client.get('/masuk');
      const problems = new Problems();
      await sweep(
        {
          problems,
          textFields: ['email'],
          freeText: new Set(),
          required: null,
          base: () => ({ email: 'tidak-ada@example.go.id', password: 'bukan-kata-sandinya' }),
          post: (fields) => client.post('/masuk', fields),
          onRefused: (res, sent) => {
            const password = sent.password ?? '';
            assert.equal(fieldValue(res.body, 'password'), '', 'the password field is emptied');
            if (password.trim().length >= 5 && password.length < 100)
              assert.ok(!decodeEntities(res.body).includes(password), 'the password is not echoed');
          },
          postRaw: (parts) => postRawForm(client, '/masuk', '/masuk', parts),
          readBack: () => Promise.reject(new Error('a made-up account was signed in')),
        },
        ['email', 'password'],
      );
      finish(t, problems);
    });
  });

  describe(`hostile input in the directory search and in addresses (${dialect})`, () => {
    it('shows every search again, and answers every unknown address with a 4xx', async (t) => {
      const { app } = await boot(t);
      const client = await signedIn(app, 'admin@pontianak.go.id');
      const withParams = app.routeList.filter((r) => r.method === 'GET' && r.url.includes('/:'));
      assert.ok(withParams.some((r) => r.url === '/opd/:slug'));
      const problems = new Problems();
      for (const { label, value } of HOSTILE_TEXT) {
        const search = await client.get(`/opd?q=${encodeURIComponent(value)}`);
        await problems.check(`/opd?q={${label}}`, () => {
          assert.ok(search.statusCode < 500, `status ${search.statusCode}`);
          assertNoRawMarkup(search.body, 'directory');
          if (search.statusCode === 200) assert.equal(fieldValue(search.body, 'q'), value);
        });
        if (value.trim() === '') continue;
        for (const route of withParams) {
          const url = route.url.replace(/:[A-Za-z_]+/g, encodeURIComponent(value));
          const res = await client.get(url);
          await problems.check(`${route.url} with {${label}}`, () => {
            assert.ok(res.statusCode >= 400 && res.statusCode < 500, `status ${res.statusCode}`);
            assertNoRawMarkup(res.body, url);
          });
        }
      }
      const raw = await client.get('/opd?q=%FF%FE');
      await problems.check('q = invalid UTF-8', () => assert.ok(raw.statusCode < 500, `${raw.statusCode}`));
      finish(t, problems);
    });
  });
}
