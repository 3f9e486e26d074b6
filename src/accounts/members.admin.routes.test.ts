import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import { buildTestApp, DEMO_PASSWORD, dialects } from '../test/app.js';
import { signedIn, TestClient } from '../test/client.js';
import { mailText, startMailServer } from '../test/mail.js';
import { findUserByEmail } from './accounts.repository.js';
import { createAccount } from './accounts.service.js';
import type { AgencyRole } from './accounts.table.js';

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const NEW_PASSWORD = 'sungai kapuas berkelok';
const INVITEE = { name: 'Sari Wulandari', email: 'sari.wulandari@pontianak.go.id', role: 'admin' };

const agencyLinks = (body: string) =>
  new Set([...body.matchAll(/href="\/admin\/opd\/([a-z0-9-]+)"/g)].map((m) => m[1]));

const inviteLink = (text: string) => /http:\/\/[^/\s<]+(\/atur-kata-sandi\?token=[\w-]+)/.exec(text)?.[1];

/** Follows an invitation link, sets a password, and signs in with it. */
async function acceptInvitation(app: FastifyInstance, path: string, name: string, email: string) {
  const client = new TestClient(app);
  const form = await client.get(path);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`Halo ${name}`));
  const set = await client.post(path, { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD });
  assert.equal(set.statusCode, 303);
  assert.equal((await client.signIn(email, NEW_PASSWORD)).statusCode, 303);
  return client;
}

/** A member of dinkes with the given role and a password, made through the accounts service. */
async function memberOfDinkes(app: FastifyInstance, role: AgencyRole): Promise<string> {
  const agency = (await findAgencyBySlug(app.db, 'dinkes'))!;
  const email = `${role.replace('_', '.')}@dinkes.pontianak.go.id`;
  await createAccount(app.db, null, {
    email,
    name: `Petugas ${role}`,
    password: DEMO_PASSWORD,
    memberships: [{ agencyId: agency.id, role }],
  });
  return email;
}

for (const dialect of dialects()) {
  describe(`admin area scope (${dialect})`, () => {
    it('shows an OPD admin only their own OPD on /admin and /admin/opd', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      for (const url of ['/admin', '/admin/opd']) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(agencyLinks(res.body), new Set(['dinkes']), url);
      }
      const superAdmin = await signedIn(app, 'admin@pontianak.go.id');
      assert.ok(agencyLinks((await superAdmin.get('/admin/opd')).body).size >= 30);
    });

    it('answers 404 to an admin of another OPD, for the members page and its forms', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      assert.equal((await client.get('/admin/opd/dishub/pengguna')).statusCode, 404);
      const invite = await client.post('/admin/opd/dishub/pengguna', INVITEE);
      assert.equal(invite.statusCode, 404);
      const victim = (await findUserByEmail(app.db, 'admin2@dishub.pontianak.go.id'))!;
      const revoke = await client.post('/admin/opd/dishub/pengguna/hapus', {
        user_id: victim.id,
        role: 'admin',
      });
      assert.equal(revoke.statusCode, 404);
      assert.equal(await findUserByEmail(app.db, INVITEE.email), undefined);
      const dishub = await signedIn(app, 'admin2@dishub.pontianak.go.id');
      assert.equal((await dishub.get('/admin/opd/dishub/pengguna')).statusCode, 200, 'the role is kept');
    });

    it('lists every user to the super admin and refuses the list to an OPD admin', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const users = await app.db.selectFrom('users').select('email').execute();
      const res = await (await signedIn(app, 'admin@pontianak.go.id')).get('/admin/pengguna');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<p>${users.length} akun\\.</p>`));
      for (const { email } of users) assert.ok(res.body.includes(email), email);
      const refused = await (await signedIn(app, ADMIN)).get('/admin/pengguna');
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Akses ditolak/);
    });
  });

  describe(`inviting and revoking members (${dialect})`, () => {
    it('mails an invitation whose link sets a password and opens the OPD', async (t) => {
      const mail = await startMailServer(t);
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: mail.url });
      const client = await signedIn(app, ADMIN);
      await client.get('/admin/opd/dinkes/pengguna');
      const res = await client.post('/admin/opd/dinkes/pengguna', INVITEE);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/opd/dinkes/pengguna');
      const list = await client.get('/admin/opd/dinkes/pengguna');
      assert.match(list.body, /Undangan sudah dikirim ke sari\.wulandari@pontianak\.go\.id/);
      assert.match(list.body, /Undangan belum diterima/);
      assert.equal(mail.inbox.length, 1);
      assert.deepEqual(mail.inbox[0]!.to, [INVITEE.email]);
      const text = mailText(mail.inbox[0]!);
      assert.match(text, /mengundang Anda mengelola Dinas Kesehatan/);
      const path = inviteLink(text);
      assert.ok(path, 'the mail carries a link');
      const invited = await acceptInvitation(app, path, INVITEE.name, INVITEE.email);
      const home = await invited.get('/admin');
      assert.deepEqual(agencyLinks(home.body), new Set(['dinkes']));
      assert.equal((await invited.get('/admin/opd/dinkes/pengguna')).statusCode, 200);
      assert.equal((await new TestClient(app).get(path)).statusCode, 410, 'the link works once');
    });

    it('shows the invitation link to the inviting admin when no mail server is set up', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      await client.get('/admin/opd/dinkes/pengguna');
      const res = await client.post('/admin/opd/dinkes/pengguna', INVITEE);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Email undangan tidak dapat dikirim dari server ini/);
      const path = inviteLink(res.body);
      assert.ok(path, 'the link is on the page');
      const invited = await acceptInvitation(app, path, INVITEE.name, INVITEE.email);
      assert.deepEqual(agencyLinks((await invited.get('/admin')).body), new Set(['dinkes']));
    });

    it('adds a role to an existing person without sending an invitation', async (t) => {
      const mail = await startMailServer(t);
      const { app } = await buildTestApp(t, dialect, { SMTP_URL: mail.url });
      const client = await signedIn(app, ADMIN);
      await client.get('/admin/opd/dinkes/pengguna');
      const email = 'admin1@dishub.pontianak.go.id';
      const res = await client.post('/admin/opd/dinkes/pengguna', {
        name: 'Nama Lain',
        email,
        role: 'editor',
      });
      assert.equal(res.statusCode, 303);
      assert.match((await client.get(res.headers.location!)).body, /Admin 1 Dishub sekarang anggota Dinkes/);
      assert.equal(mail.inbox.length, 0);
      const user = (await findUserByEmail(app.db, email))!;
      assert.equal(user.name, 'Admin 1 Dishub', 'the name is not overwritten');
      const tokens = await app.db
        .selectFrom('userTokens')
        .select('id')
        .where('userId', '=', user.id)
        .execute();
      assert.equal(tokens.length, 0);
      const dishub = await signedIn(app, email);
      assert.deepEqual(agencyLinks((await dishub.get('/admin/opd')).body), new Set(['dinkes', 'dishub']));
    });

    it('revokes a role, after which the person no longer sees the OPD', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const colleague = await signedIn(app, 'admin2@dinkes.pontianak.go.id');
      const client = await signedIn(app, ADMIN);
      const user = (await findUserByEmail(app.db, 'admin2@dinkes.pontianak.go.id'))!;
      await client.get('/admin/opd/dinkes/pengguna');
      const res = await client.post('/admin/opd/dinkes/pengguna/hapus', { user_id: user.id, role: 'admin' });
      assert.equal(res.statusCode, 303);
      const list = await client.get('/admin/opd/dinkes/pengguna');
      assert.match(list.body, /Peran sudah dicabut/);
      assert.doesNotMatch(list.body, /admin2@dinkes\.pontianak\.go\.id/);
      assert.equal((await colleague.get('/admin/opd/dinkes/pengguna')).statusCode, 404);
      assert.deepEqual(agencyLinks((await colleague.get('/admin')).body), new Set());
    });

    for (const role of ['editor', 'author', 'complaint_officer'] as const) {
      it(`lets a member with the ${role} role see the members but not invite (403)`, async (t) => {
        const { app } = await buildTestApp(t, dialect);
        const client = await signedIn(app, await memberOfDinkes(app, role));
        const list = await client.get('/admin/opd/dinkes/pengguna');
        assert.equal(list.statusCode, 200);
        assert.doesNotMatch(list.body, /Undang pengguna/);
        const res = await client.post('/admin/opd/dinkes/pengguna', INVITEE);
        assert.equal(res.statusCode, 403);
        assert.equal(await findUserByEmail(app.db, INVITEE.email), undefined);
      });
    }

    it('re-renders a form with a bad email with a summary that links to the field', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const client = await signedIn(app, ADMIN);
      await client.get('/admin/opd/dinkes/pengguna');
      const res = await client.post('/admin/opd/dinkes/pengguna', { ...INVITEE, email: 'bukan-email' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ada masalah/);
      assert.match(res.body, /<a href="#f-email">Email harus berupa alamat email yang benar/);
      assert.match(res.body, /name="name" type="text" value="Sari Wulandari"/);
      assert.match(res.body, /name="email" type="email" value="bukan-email"/);
    });
  });
}
