import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { buildTestApp, DEMO_PASSWORD, dialects } from '../test/app.js';
import { apiToken, signedIn, TestClient } from '../test/client.js';
import { mailText, startMailServer } from '../test/mail.js';
import { findUserByEmail } from './accounts.repository.js';
import { confirmTotpEnrollment, startTotpEnrollment } from './two-factor.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const NEW_PASSWORD = 'sungai kapuas berkelok';

/** The code an authenticator shows now, or `steps` periods of 30 seconds away. */
function totpCode(secret: string, steps = 0): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A six-digit code the server would not accept now (not the previous, current or next one). */
const otherCode = (secret: string) =>
  [-1, 0, 1].some((steps) => totpCode(secret, steps) === '000000') ? '111111' : '000000';

/** Turns on two-factor sign-in; enrols with the previous period's code so the current one is still unused. */
async function enableTwoFactor(app: FastifyInstance, email: string) {
  const { secret } = await startTotpEnrollment(app.db, (await findUserByEmail(app.db, email))!, 'Balairung');
  const user = (await findUserByEmail(app.db, email))!;
  const recoveryCodes = await confirmTotpEnrollment(app.db, user, totpCode(secret, -1));
  assert.ok(recoveryCodes, 'enrolment accepted');
  return { secret, recoveryCodes };
}

const opensAdmin = async (app: FastifyInstance, session: string) =>
  (await app.inject({ url: '/admin', headers: { cookie: `balairung_sesi=${session}` } })).statusCode === 200;

const expireLock = (app: FastifyInstance) =>
  app.db.updateTable('users').set({ lockedUntil: '2000-01-01T00:00:00.000Z' }).execute();

for (const dialect of dialects()) {
  describe(`sign-in (${dialect})`, () => {
    it('signs in with the right password, redirects to /admin and sets a session cookie', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = new TestClient(app);
      const res = await client.signIn(ADMIN);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin');
      const cookie = res.cookies.find((c) => c.name === 'balairung_sesi');
      assert.ok(cookie?.value);
      assert.equal(cookie.httpOnly, true);
      assert.equal((await client.get('/admin')).statusCode, 200);
    });

    it('refuses a wrong password and an unknown email with the same message, keeping the email', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const email of [ADMIN, 'tidak.ada@pontianak.go.id']) {
        const client = new TestClient(app);
        const res = await client.signIn(email, 'bukan-kata-sandinya');
        assert.equal(res.statusCode, 422);
        assert.match(res.body, /Email atau kata sandi salah/);
        assert.match(res.body, new RegExp(`name="email" type="email" value="${email}"`));
        assert.equal(client.cookie('balairung_sesi'), undefined);
      }
    });

    for (const rateLimit of ['on', 'off']) {
      it(`locks the account after five wrong passwords, even with the right one (rate limit ${rateLimit})`, async (t) => {
        const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: rateLimit });
        const client = new TestClient(app);
        for (let i = 1; i <= 4; i++)
          assert.equal((await client.signIn(ADMIN, 'salah-salah-salah')).statusCode, 422);
        const fifth = await client.signIn(ADMIN, 'salah-salah-salah');
        assert.equal(fifth.statusCode, 429);
        assert.match(fifth.body, /Akun dikunci sementara; coba lagi dalam 1 menit/);
        const right = await client.signIn(ADMIN);
        assert.equal(right.statusCode, 429);
        assert.match(right.body, /Akun dikunci sementara/);
        assert.equal(client.cookie('balairung_sesi'), undefined);
      });
    }

    it('doubles the lock with each further failure and lets the person in once it has passed', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const client = new TestClient(app);
      for (let i = 1; i <= 5; i++) await client.signIn(ADMIN, 'salah-salah-salah');
      for (const minutes of [2, 4]) {
        await expireLock(app);
        const res = await client.signIn(ADMIN, 'salah-salah-salah');
        assert.equal(res.statusCode, 429);
        assert.match(res.body, new RegExp(`coba lagi dalam ${minutes} menit`));
      }
      await expireLock(app);
      assert.equal((await client.signIn(ADMIN)).statusCode, 303);
    });

    for (const rateLimit of ['on', 'off']) {
      it(`limits sign-in attempts per address to ten a minute only when rate limits are on (${rateLimit})`, async (t) => {
        const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: rateLimit });
        const client = new TestClient(app);
        await client.get('/masuk');
        const attempt = () => client.post('/masuk', { email: 'siapa@contoh.id', password: 'apa-saja-123' });
        for (let i = 1; i <= 10; i++) assert.equal((await attempt()).statusCode, 422);
        const eleventh = await attempt();
        assert.equal(eleventh.statusCode, rateLimit === 'on' ? 429 : 422);
        if (rateLimit === 'on') assert.match(eleventh.body, /Terlalu banyak permintaan/);
      });
    }

    it('issues a new session cookie at sign-in and never promotes the one sent before', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const page = await new TestClient(app).get('/masuk');
      const csrfCookie = page.cookies.find((c) => c.name === 'balairung_csrf')!.value;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const fixed = 'a'.repeat(43);
      const res = await app.inject({
        method: 'POST',
        url: '/masuk',
        headers: {
          cookie: `balairung_csrf=${csrfCookie}; balairung_sesi=${fixed}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ _csrf: csrf, email: ADMIN, password: DEMO_PASSWORD }).toString(),
      });
      assert.equal(res.statusCode, 303);
      const issued = res.cookies.find((c) => c.name === 'balairung_sesi')!.value;
      assert.notEqual(issued, fixed);
      assert.equal(await opensAdmin(app, fixed), false);

      const client = await signedIn(app, ADMIN);
      const first = client.cookie('balairung_sesi')!;
      assert.equal((await client.post('/masuk', { email: ADMIN, password: DEMO_PASSWORD })).statusCode, 303);
      assert.notEqual(client.cookie('balairung_sesi'), first);
      assert.equal(await opensAdmin(app, first), false, 'the earlier session ends');
      assert.equal(await opensAdmin(app, client.cookie('balairung_sesi')!), true);
    });

    it('ends the session at sign-out so the old cookie no longer opens /admin', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const session = client.cookie('balairung_sesi')!;
      const out = await client.post('/keluar', {});
      assert.equal(out.statusCode, 303);
      assert.equal(client.cookie('balairung_sesi'), undefined);
      assert.equal(await opensAdmin(app, session), false);
      const admin = await client.get('/admin');
      assert.equal(admin.statusCode, 303);
      assert.equal(admin.headers.location, '/masuk?lanjut=%2Fadmin');
    });

    it('follows ?lanjut= only to paths on this site', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const cases: [string, string][] = [
        ['/admin/opd?halaman=2', '/admin/opd?halaman=2'],
        ['//evil.example', '/admin'],
        ['https://evil.example', '/admin'],
        ['/\\evil', '/admin'],
      ];
      for (const [next, expected] of cases) {
        const client = new TestClient(app);
        await client.get('/masuk');
        const url = `/masuk?lanjut=${encodeURIComponent(next)}`;
        const res = await client.post(url, { email: ADMIN, password: DEMO_PASSWORD });
        assert.equal(res.headers.location, expected, `after sign-in, lanjut=${next}`);
        assert.equal((await client.get(url)).headers.location, expected, `signed in, lanjut=${next}`);
      }
    });

    it('refuses a form without a CSRF token or with a wrong one, in Indonesian', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const fresh = await new TestClient(app).post(
        '/masuk',
        { email: ADMIN, password: DEMO_PASSWORD },
        { csrf: false },
      );
      assert.equal(fresh.statusCode, 403);
      assert.match(fresh.body, /Formulir ini sudah kedaluwarsa/);
      const client = new TestClient(app);
      await client.get('/masuk');
      for (const csrf of [false, 'token-palsu'] as const) {
        const res = await client.post('/masuk', { email: ADMIN, password: DEMO_PASSWORD }, { csrf });
        assert.equal(res.statusCode, 403);
        assert.match(res.body, /Formulir ini sudah kedaluwarsa/);
        assert.equal(client.cookie('balairung_sesi'), undefined);
      }
      const member = await signedIn(app, ADMIN);
      assert.equal((await member.post('/keluar', {}, { csrf: 'token-palsu' })).statusCode, 403);
      assert.equal((await member.get('/admin')).statusCode, 200, 'a forged sign-out does nothing');
    });
  });

  describe(`two-factor sign-in (${dialect})`, () => {
    it('asks for a code after the password and opens /admin only once it is given', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { secret } = await enableTwoFactor(app, ADMIN);
      const client = new TestClient(app);
      const res = await client.signIn(ADMIN);
      assert.equal(res.headers.location, '/masuk/kode');
      assert.equal((await client.get('/admin')).statusCode, 303, 'the password alone does not open /admin');
      assert.match((await client.get('/masuk/kode')).body, /Verifikasi dua langkah/);
      const wrong = await client.post('/masuk/kode', {
        code: otherCode(secret),
      });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Kode tidak cocok atau sudah dipakai/);
      const ok = await client.post('/masuk/kode', { code: totpCode(secret) });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/admin');
      assert.equal((await client.get('/admin')).statusCode, 200);
    });

    it('does not accept the same code twice', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { secret } = await enableTwoFactor(app, ADMIN);
      const code = totpCode(secret);
      const first = new TestClient(app);
      await first.signIn(ADMIN);
      assert.equal((await first.post('/masuk/kode', { code })).statusCode, 303);
      const second = new TestClient(app);
      await second.signIn(ADMIN);
      const replay = await second.post('/masuk/kode', { code });
      assert.equal(replay.statusCode, 422);
      assert.equal((await second.get('/admin')).statusCode, 303);
    });

    it('accepts a recovery code once', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const { recoveryCodes } = await enableTwoFactor(app, ADMIN);
      const code = recoveryCodes[0]!;
      const first = new TestClient(app);
      await first.signIn(ADMIN);
      assert.equal((await first.post('/masuk/kode', { code: code.toUpperCase() })).statusCode, 303);
      assert.equal((await first.get('/admin')).statusCode, 200);
      const second = new TestClient(app);
      await second.signIn(ADMIN);
      assert.equal((await second.post('/masuk/kode', { code })).statusCode, 422);
      assert.equal((await second.post('/masuk/kode', { code: recoveryCodes[1]! })).statusCode, 303);
    });
    it('keeps counting wrong codes when the password is entered again, and locks at five', async (t) => {
      const { app } = await buildTestApp(t, dialect, { BALAIRUNG_RATE_LIMIT: 'off' });
      const { secret } = await enableTwoFactor(app, ADMIN);
      const wrong = otherCode(secret);
      const client = new TestClient(app);
      await client.signIn(ADMIN);
      for (let i = 1; i <= 4; i++)
        assert.equal((await client.post('/masuk/kode', { code: wrong })).statusCode, 422);
      assert.equal((await client.signIn(ADMIN)).headers.location, '/masuk/kode');
      const fifth = await client.post('/masuk/kode', { code: wrong });
      assert.equal(fifth.statusCode, 429, 'the fifth wrong code in a row locks the account');
      assert.match(fifth.body, /Akun dikunci sementara/);
    });
  });

  describe(`forgotten password (${dialect})`, () => {
    async function requestLink(t: Parameters<typeof buildTestApp>[0]) {
      const mail = await startMailServer(t);
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: mail.url });
      const res = await new TestClient(app).post('/lupa-kata-sandi', { email: ADMIN });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Jika email itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim/);
      assert.equal(mail.inbox.length, 1);
      assert.deepEqual(mail.inbox[0]!.to, [ADMIN]);
      const link = /http:\/\/[^/\s]+(\/atur-kata-sandi\?token=[\w-]+)/.exec(mailText(mail.inbox[0]!));
      assert.ok(link?.[1], 'the mail carries a reset link');
      return { app, mail, path: link[1] };
    }

    it('mails a link that sets a new password once and ends the other sessions', async (t) => {
      const { app, path } = await requestLink(t);
      const elsewhere = await signedIn(app, ADMIN);
      const client = new TestClient(app);
      const form = await client.get(path);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Halo Admin 1/);
      const done = await client.post(path, { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/masuk');
      assert.equal((await elsewhere.get('/admin')).statusCode, 303, 'the other session ended');
      assert.equal((await new TestClient(app).signIn(ADMIN)).statusCode, 422, 'the old password is gone');
      assert.equal((await new TestClient(app).signIn(ADMIN, NEW_PASSWORD)).statusCode, 303);
      const again = await client.get(path);
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /Tautan ini tidak berlaku lagi/);
      const reuse = await client.post(path, {
        password: 'kata sandi lain lagi',
        password_confirmation: 'kata sandi lain lagi',
      });
      assert.equal(reuse.statusCode, 410);
    });

    it('revokes the API tokens of the person when the link sets a new password', async (t) => {
      const { app, path } = await requestLink(t);
      const token = await apiToken(app, ADMIN);
      const client = new TestClient(app);
      await client.get(path);
      await client.post(path, { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD });
      const res = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.statusCode, 401);
    });

    it('refuses an expired link', async (t) => {
      const { app, path } = await requestLink(t);
      await app.db.updateTable('userTokens').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).execute();
      const client = new TestClient(app);
      assert.equal((await client.get(path)).statusCode, 410);
      const res = await client.post(path, { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD });
      assert.equal(res.statusCode, 410);
      assert.equal((await new TestClient(app).signIn(ADMIN)).statusCode, 303, 'the password is unchanged');
    });

    it('answers an unknown email with the same page and sends nothing', async (t) => {
      const mail = await startMailServer(t);
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: mail.url });
      const res = await new TestClient(app).post('/lupa-kata-sandi', { email: 'tidak.ada@pontianak.go.id' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Jika email itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim/);
      assert.equal(mail.inbox.length, 0);
    });
  });
}
