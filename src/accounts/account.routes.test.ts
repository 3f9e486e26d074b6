import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { buildTestApp, DEMO_PASSWORD, dialects } from '../test/app.js';
import { apiToken, signedIn, TestClient } from '../test/client.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const NEW_PASSWORD = 'sungai kapuas berkelok';

const totpCode = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });

/** A six-digit code the server would not accept now (not the previous, current or next one). */
const otherCode = (secret: string) =>
  [-1, 0, 1].some((steps) => totpCode(secret, steps) === '000000') ? '111111' : '000000';

const secretOn = (body: string) => /<code id="kunci-rahasia">([A-Z2-7]+)<\/code>/.exec(body)?.[1];

const recoveryCodesOn = (body: string) => [...body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)];

async function changePassword(client: TestClient, fields: Record<string, string> = {}) {
  await client.get('/admin/akun/kata-sandi');
  return client.post('/admin/akun/kata-sandi', {
    current_password: DEMO_PASSWORD,
    new_password: NEW_PASSWORD,
    new_password_confirmation: NEW_PASSWORD,
    ...fields,
  });
}

async function bearerStatus(app: FastifyInstance, token: string) {
  const res = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  return res.statusCode;
}

for (const dialect of dialects()) {
  describe(`change password (${dialect})`, () => {
    it('refuses a wrong current password with a message beside the field', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const res = await changePassword(client, { current_password: 'bukan-kata-sandinya' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ada masalah/);
      assert.match(res.body, /<a href="#f-current_password">Kata sandi sekarang salah\.<\/a>/);
      assert.equal((await new TestClient(app).signIn(ADMIN)).statusCode, 303, 'the password is unchanged');
    });

    it('refuses two new passwords that differ', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const res = await changePassword(client, { new_password_confirmation: 'sungai kapuas berliku' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /href="#f-new_password_confirmation">Kedua kata sandi baru tidak sama/);
    });

    it('refuses a new password shorter than ten characters', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const res = await changePassword(client, {
        new_password: 'pendek',
        new_password_confirmation: 'pendek',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /href="#f-new_password">Kata sandi paling sedikit 10 karakter/);
      assert.equal((await new TestClient(app).signIn(ADMIN, 'pendek')).statusCode, 422);
    });

    it('keeps the current session but ends the others and revokes the API tokens', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const other = await signedIn(app, ADMIN);
      const token = await apiToken(app, ADMIN);
      const colleague = await signedIn(app, 'admin2@dinkes.pontianak.go.id');
      const client = await signedIn(app, ADMIN);
      const res = await changePassword(client);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin');
      const home = await client.get('/admin');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Sesi di perangkat lain sudah diakhiri/);
      assert.equal((await other.get('/admin')).statusCode, 303, 'the other session ended');
      assert.equal(await bearerStatus(app, token), 401);
      assert.equal((await colleague.get('/admin')).statusCode, 200, 'other people stay signed in');
      assert.equal((await new TestClient(app).signIn(ADMIN)).statusCode, 422);
      assert.equal((await new TestClient(app).signIn(ADMIN, NEW_PASSWORD)).statusCode, 303);
    });
  });

  describe(`two-factor settings (${dialect})`, () => {
    it('shows a secret key, refuses a wrong code, and shows the recovery codes once', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const page = await client.get('/admin/akun/dua-faktor');
      assert.equal(page.statusCode, 200);
      const secret = secretOn(page.body);
      assert.ok(secret, 'the secret key is on the page');
      assert.match(page.body, /<img src="data:image\/png;base64,/);

      const wrong = await client.post('/admin/akun/dua-faktor', { code: otherCode(secret) });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Kode tidak cocok atau sudah dipakai/);
      assert.equal(secretOn(wrong.body), secret, 'the same key is offered again');

      const right = await client.post('/admin/akun/dua-faktor', { code: totpCode(secret) });
      assert.equal(right.statusCode, 200);
      assert.match(right.body, /Kode ini hanya ditampilkan sekali/);
      assert.equal(recoveryCodesOn(right.body).length, 10);
      assert.equal(secretOn(right.body), undefined);

      const later = await client.get('/admin/akun/dua-faktor');
      assert.match(later.body, /Verifikasi dua langkah aktif untuk akun Anda/);
      assert.match(later.body, /Sisa kode pemulihan: 10\./);
      assert.equal(recoveryCodesOn(later.body).length, 0);
      assert.equal(secretOn(later.body), undefined);

      const signIn = await new TestClient(app).signIn(ADMIN);
      assert.equal(signIn.headers.location, '/masuk/kode', 'the next sign-in asks for a code');
    });

    it('turns two-factor sign-in off, so the password alone signs in again', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const secret = secretOn((await client.get('/admin/akun/dua-faktor')).body)!;
      assert.equal((await client.post('/admin/akun/dua-faktor', { code: totpCode(secret) })).statusCode, 200);
      assert.equal((await new TestClient(app).signIn(ADMIN)).headers.location, '/masuk/kode');

      const off = await client.post('/admin/akun/dua-faktor/nonaktifkan', {});
      assert.equal(off.statusCode, 303);
      assert.equal(off.headers.location, '/admin/akun/dua-faktor');
      const page = await client.get('/admin/akun/dua-faktor');
      assert.match(page.body, /Verifikasi dua langkah sudah dinonaktifkan/);
      assert.ok(secretOn(page.body), 'a fresh enrolment is offered');
      assert.notEqual(secretOn(page.body), secret, 'with a new key');
      assert.equal((await new TestClient(app).signIn(ADMIN)).headers.location, '/admin');
    });

    it('does not turn two-factor sign-in off on a forged form', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      const secret = secretOn((await client.get('/admin/akun/dua-faktor')).body)!;
      await client.post('/admin/akun/dua-faktor', { code: totpCode(secret) });
      const forged = await client.post('/admin/akun/dua-faktor/nonaktifkan', {}, { csrf: false });
      assert.equal(forged.statusCode, 403);
      assert.equal((await new TestClient(app).signIn(ADMIN)).headers.location, '/masuk/kode');
    });

    it('sends a visitor who is not signed in to the sign-in form', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      for (const url of ['/admin/akun/dua-faktor', '/admin/akun/kata-sandi']) {
        const res = await new TestClient(app).get(url);
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, `/masuk?lanjut=${encodeURIComponent(url)}`);
      }
    });
  });
}
