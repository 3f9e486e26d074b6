import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { buildTestApp, DEMO_PASSWORD, dialects } from '../test/app.js';
import { apiToken, signedIn } from '../test/client.js';
import { findUserByEmail } from './accounts.repository.js';
import { confirmTotpEnrollment, startTotpEnrollment } from './two-factor.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const SUPER = 'admin@pontianak.go.id';
const NEW_PASSWORD = 'sungai kapuas berkelok';

interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string> };
}
interface UserJson {
  id: string;
  email: string;
  memberships: { agency: string; role: string }[];
  invitation_sent: boolean;
  invitation_url?: string;
}

const totpCode = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

/** A six-digit code the server would not accept now (not the previous, current or next one). */
const otherCode = (secret: string) =>
  [-1, 0, 1].some((steps) => totpCode(secret, steps) === '000000') ? '111111' : '000000';

/** Turns on two-factor sign-in for ADMIN; enrols with the previous period's code so the current one is unused. */
async function enableTwoFactor(app: FastifyInstance): Promise<string> {
  const { secret } = await startTotpEnrollment(app.db, (await findUserByEmail(app.db, ADMIN))!, 'Balairung');
  const user = (await findUserByEmail(app.db, ADMIN))!;
  assert.ok(await confirmTotpEnrollment(app.db, user, totpCode(secret, -1)));
  return secret;
}

const requestToken = (app: FastifyInstance, body: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: body });

const me = (app: FastifyInstance, headers: Record<string, string> = {}) =>
  app.inject({ url: '/api/v1/me', headers });

const createUser = (app: FastifyInstance, token: string, payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

function assertErrorJson(res: LightMyRequestResponse, status: number, code: string): ErrorJson['error'] {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const { error } = res.json() as ErrorJson;
  assert.equal(error.code, code);
  return error;
}

for (const dialect of dialects()) {
  describe(`POST /api/v1/auth/token (${dialect})`, () => {
    it('exchanges the right email and password for a token that opens /me', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await requestToken(app, { email: ADMIN, password: DEMO_PASSWORD });
      assert.equal(res.statusCode, 200);
      const body = res.json() as { token: string; expires_at: string };
      assert.ok(body.token.length >= 40);
      assert.ok(Date.parse(body.expires_at) > Date.now());
      assert.equal((await me(app, { authorization: `Bearer ${body.token}` })).statusCode, 200);
    });

    it('refuses a wrong password and an unknown email with invalid_credentials', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const email of [ADMIN, 'tidak.ada@pontianak.go.id']) {
        const error = assertErrorJson(
          await requestToken(app, { email, password: 'bukan-kata-sandinya' }),
          401,
          'invalid_credentials',
        );
        assert.equal(error.message, 'Email atau kata sandi salah.');
      }
    });

    it('asks for the two-factor code when enabled and accepts a valid one', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const secret = await enableTwoFactor(app);
      const body = { email: ADMIN, password: DEMO_PASSWORD };
      assertErrorJson(await requestToken(app, body), 401, 'otp_required');
      const wrong = otherCode(secret);
      assertErrorJson(await requestToken(app, { ...body, otp: wrong }), 401, 'otp_invalid');
      const ok = await requestToken(app, { ...body, otp: totpCode(secret) });
      assert.equal(ok.statusCode, 200);
      const token = (ok.json() as { token: string }).token;
      const profile = await me(app, { authorization: `Bearer ${token}` });
      assert.equal((profile.json() as { two_factor_enabled: boolean }).two_factor_enabled, true);
    });
    it('locks the account after five wrong codes, even with rate limits off', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const secret = await enableTwoFactor(app);
      const body = { email: ADMIN, password: DEMO_PASSWORD };
      const wrong = otherCode(secret);
      for (let i = 1; i <= 5; i++) await requestToken(app, { ...body, otp: wrong });
      const error = assertErrorJson(
        await requestToken(app, { ...body, otp: totpCode(secret) }),
        429,
        'too_many_requests',
      );
      assert.match(error.message, /Akun dikunci sementara/);
    });
  });

  describe(`GET /api/v1/me (${dialect})`, () => {
    it('describes the token holder with their memberships', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await me(app, { authorization: `Bearer ${await apiToken(app, ADMIN)}` });
      assert.equal(res.statusCode, 200);
      const body = res.json() as { email: string; installation_role: string | null } & UserJson;
      assert.equal(body.email, ADMIN);
      assert.equal(body.installation_role, null);
      assert.deepEqual(body.memberships, [{ agency: 'dinkes', role: 'admin' }]);
    });

    it('answers 401 JSON, never a redirect, without a valid token or with only a session cookie', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const session = (await signedIn(app, ADMIN)).cookie('balairung_sesi')!;
      const attempts: Record<string, string>[] = [
        {},
        { authorization: 'Bearer bukan-token-yang-pernah-dibuat-0000' },
        { cookie: `balairung_sesi=${session}` },
      ];
      for (const headers of attempts) {
        const res = await me(app, headers);
        assertErrorJson(res, 401, 'unauthenticated');
        assert.equal(res.headers.location, undefined);
      }
    });
  });

  describe(`POST /api/v1/users (${dialect})`, () => {
    it('lets the super admin create a person with a password, who can then get a token', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await createUser(app, await apiToken(app, SUPER), {
        email: 'Budi.Santoso@Pontianak.go.id',
        name: 'Budi Santoso',
        password: NEW_PASSWORD,
        memberships: [{ agency: 'dishub', role: 'editor' }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as UserJson;
      assert.equal(body.email, 'budi.santoso@pontianak.go.id');
      assert.deepEqual(body.memberships, [{ agency: 'dishub', role: 'editor' }]);
      assert.equal(body.invitation_sent, false);
      assert.equal(body.invitation_url, undefined);
      assert.ok(await apiToken(app, 'budi.santoso@pontianak.go.id', NEW_PASSWORD));
    });

    it('returns an invitation link instead of sending one when no mail server is set up', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const res = await createUser(app, await apiToken(app, SUPER), {
        email: 'budi.santoso@pontianak.go.id',
        name: 'Budi Santoso',
        memberships: [{ agency: 'dishub', role: 'author' }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json() as UserJson;
      assert.equal(body.invitation_sent, false);
      assert.match(body.invitation_url ?? '', /^http:\/\/[^/]+\/atur-kata-sandi\?token=[\w-]+$/);
      const link = await app.inject(
        new URL(body.invitation_url!).pathname + new URL(body.invitation_url!).search,
      );
      assert.equal(link.statusCode, 200);
      assert.match(link.body, /Halo Budi Santoso/);
    });

    it('lets an OPD admin add people to their own OPD only', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, ADMIN);
      const person = (agency: string) => ({
        email: `petugas.${agency}@pontianak.go.id`,
        name: 'Petugas Baru',
        password: NEW_PASSWORD,
        memberships: [{ agency, role: 'complaint_officer' }],
      });
      assert.equal((await createUser(app, token, person('dinkes'))).statusCode, 201);
      assertErrorJson(await createUser(app, token, person('dishub')), 404, 'not_found');
      assert.equal(await findUserByEmail(app.db, 'petugas.dishub@pontianak.go.id'), undefined);
      const grant = {
        ...person('dinkes'),
        email: 'calon.super@pontianak.go.id',
        installation_role: 'super_admin',
      };
      assertErrorJson(await createUser(app, token, grant), 404, 'not_found');
      assert.equal(await findUserByEmail(app.db, 'calon.super@pontianak.go.id'), undefined);
    });

    it('adds a role to someone who already has an account, answering 200 instead of 201', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, 'admin1@dinkes.pontianak.go.id');
      const existing = {
        email: 'admin1@dishub.pontianak.go.id',
        name: 'Admin 1 Dishub',
        memberships: [{ agency: 'dinkes', role: 'editor' }],
      };
      const res = await createUser(app, token, existing);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as {
        memberships: { agency: string; role: string }[];
        invitation_sent: boolean;
      };
      assert.deepEqual(
        body.memberships.map((m) => `${m.agency}:${m.role}`),
        ['dinkes:editor'],
        'roles in another OPD are not shown to an OPD admin',
      );
      assert.equal(body.invitation_sent, false, 'someone with a password is not invited again');
    });

    it('answers bad bodies with 4xx JSON and Indonesian field messages, never 5xx', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const token = await apiToken(app, SUPER);
      const valid = { email: 'baru@pontianak.go.id', name: 'Orang Baru', memberships: [] };
      const cases: [unknown, string, string][] = [
        [{ name: 'Tanpa Email', memberships: [] }, 'email', 'Email wajib diisi.'],
        [{ ...valid, name: 42 }, 'name', 'Nama harus berupa teks.'],
        [
          { ...valid, memberships: [{ agency: 'dinkes', role: 'raja' }] },
          'memberships.0.role',
          'Pilih Peran dari pilihan yang tersedia.',
        ],
        [{ ...valid, email: 'bukan-email' }, 'email', 'Email harus berupa alamat email yang benar'],
        [{ ...valid, installation_role: 'raja' }, 'installation_role', 'Pilih Peran instalasi'],
        [['bukan', 'objek'], '_', 'Isi permintaan harus berupa objek JSON.'],
      ];
      for (const [payload, field, message] of cases) {
        const error = assertErrorJson(await createUser(app, token, payload), 422, 'validation_failed');
        assert.ok(error.fields?.[field]?.startsWith(message), `${field}: ${JSON.stringify(error.fields)}`);
      }
      const notJson = assertErrorJson(await createUser(app, token, '{"email": '), 400, 'invalid_json');
      assert.equal(notJson.message, 'Isi permintaan bukan JSON yang sah.');
      // Built as text: JSON.stringify itself would overflow the stack at this depth.
      const nested = '{"a":['.repeat(5000) + '"dalam"' + ']}'.repeat(5000);
      const junk = await createUser(
        app,
        token,
        `{"email":${nested},"name":${nested},"memberships":[${nested}]}`,
      );
      const error = assertErrorJson(junk, 422, 'validation_failed');
      assert.equal(error.fields?.email, 'Email harus berupa teks.');
      assert.equal(await findUserByEmail(app.db, 'baru@pontianak.go.id'), undefined);
    });
  });
}
