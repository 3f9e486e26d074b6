import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import { buildTestApp, dialects } from '../test/app.js';
import { signedIn } from '../test/client.js';
import type { FastifyInstance } from 'fastify';

async function requireTwoFactorFor(app: FastifyInstance, roles: string[]) {
  await app.db
    .updateTable('installation')
    .set({ settings: JSON.stringify({ twoFactorRequiredFor: roles, demo: false }) })
    .execute();
}

for (const dialect of dialects()) {
  describe(`two-factor policy per role (${dialect})`, () => {
    it('sends a super admin without two-factor to enrol before anything else, when the policy requires it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await requireTwoFactorFor(app, ['super_admin', 'coordinator']);
      const client = await signedIn(app, 'admin@pontianak.go.id');
      const home = await client.get('/admin');
      assert.equal(home.statusCode, 303);
      assert.equal(home.headers.location, '/admin/akun/dua-faktor');
      const enrol = await client.get('/admin/akun/dua-faktor');
      assert.match(enrol.body, /wajib memakai verifikasi dua langkah/);
      const secret = /<code id="kunci-rahasia">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1];
      assert.ok(secret);
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
      const done = await client.post('/admin/akun/dua-faktor', { code });
      assert.equal(done.statusCode, 200);
      assert.equal(
        (await client.get('/admin')).statusCode,
        200,
        'the admin area opens once two-factor is on',
      );
      const off = await client.post('/admin/akun/dua-faktor/nonaktifkan', {});
      assert.equal(off.statusCode, 403, 'it cannot be turned off while the policy requires it');
    });

    it('leaves roles the policy does not name free to sign in without it', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await requireTwoFactorFor(app, ['super_admin']);
      const client = await signedIn(app, 'admin1@dinkes.pontianak.go.id');
      const home = await client.get('/admin');
      assert.equal(home.statusCode, 200);
      assert.doesNotMatch(home.body, /instalasi demo/, 'only the demo says two-factor is optional');
    });
  });
}
