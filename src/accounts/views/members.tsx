import { t } from '../../i18n/index.js';
import type { Agency } from '../../agencies/agencies.table.js';
import { formatDate } from '../../time/format.js';
import { Button, ErrorSummary, Form, Notice, Select, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import {
  AGENCY_ROLES,
  INSTALLATION_ROLES,
  type AgencyRole,
  type InstallationRole,
} from '../accounts.table.js';

/** Shown when the invitation could not be emailed: the inviting admin passes the link on by hand. */
function InvitationLink({ url }: { url: string }) {
  return (
    <Notice kind="warning">
      Email undangan tidak dapat dikirim dari server ini. Sampaikan tautan ini kepada orang yang Anda undang
      (berlaku 7 hari, sekali pakai): <code class="break">{url}</code>
    </Notice>
  );
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: AgencyRole;
  lastLoginAt: string | null;
  totpEnabledAt: string | null;
  passwordHash: string | null;
}

const crumbs = [{ href: '/admin', label: t.nav.admin }];
const roleOptions = AGENCY_ROLES.map((r) => ({ value: r, label: t.roles[r] }));

interface MembersProps {
  ctx: PageContext;
  agency: Agency;
  members: MemberRow[];
  form: FormState;
  canManage: boolean;
  invitationLink: string | null;
}

export function MembersPage({ ctx, agency, members, form, canManage, invitationLink }: MembersProps) {
  const tz = ctx.installation.timeZone;
  return (
    <Layout ctx={ctx} title={`Pengguna ${agency.shortName}`} crumbs={crumbs}>
      <h1>Pengguna {agency.name}</h1>
      {invitationLink ? <InvitationLink url={invitationLink} /> : null}
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Pengguna {agency.name}</caption>
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Peran</th>
              <th scope="col">Terakhir masuk</th>
              <th scope="col">Dua langkah</th>
              {canManage ? <th scope="col">Tindakan</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((u) => (
              <tr key={`${u.id}-${u.role}`}>
                <td>
                  {u.name}
                  <br />
                  <span class="muted">{u.email}</span>
                </td>
                <td>{t.roles[u.role]}</td>
                <td>
                  {u.lastLoginAt
                    ? formatDate(u.lastLoginAt, tz)
                    : u.passwordHash
                      ? 'Belum pernah'
                      : 'Undangan belum diterima'}
                </td>
                <td>{u.totpEnabledAt ? t.common.yes : t.common.no}</td>
                {canManage ? (
                  <td>
                    <Form
                      action={`/admin/opd/${agency.slug}/pengguna/hapus`}
                      csrfToken={ctx.csrfToken}
                      class="inline-form"
                    >
                      <input type="hidden" name="user_id" value={u.id} />
                      <input type="hidden" name="role" value={u.role} />
                      <button class="button button--secondary" type="submit">
                        Cabut peran
                        <span class="visually-hidden">
                          {' '}
                          {t.roles[u.role]} dari {u.name}
                        </span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <section aria-labelledby="judul-undang">
          <h2 id="judul-undang">Undang pengguna</h2>
          <p>
            Orang yang diundang menerima tautan untuk membuat kata sandi sendiri. Bila emailnya sudah
            terdaftar, peran ditambahkan ke akunnya.
          </p>
          <ErrorSummary errors={form.errors} />
          <Form action={`/admin/opd/${agency.slug}/pengguna`} csrfToken={ctx.csrfToken}>
            <TextInput name="name" label="Nama" form={form} autocomplete="off" maxLength={120} />
            <TextInput
              name="email"
              label="Email"
              form={form}
              type="email"
              autocomplete="off"
              spellcheck={false}
            />
            <Select name="role" label="Peran" form={form} options={roleOptions} placeholder="Pilih peran" />
            <Button>Kirim undangan</Button>
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface UserRow {
  id: string;
  name: string;
  email: string;
  installationRole: InstallationRole | null;
  lastLoginAt: string | null;
  totpEnabledAt: string | null;
}

const installationRoleOptions = INSTALLATION_ROLES.map((r) => ({ value: r, label: t.roles[r] }));

interface AllUsersProps {
  ctx: PageContext;
  users: UserRow[];
  form: FormState;
  invitationLink: string | null;
}

export function AllUsersPage({ ctx, users, form, invitationLink }: AllUsersProps) {
  const tz = ctx.installation.timeZone;
  return (
    <Layout ctx={ctx} title="Semua pengguna" crumbs={crumbs}>
      <h1>Semua pengguna</h1>
      {invitationLink ? <InvitationLink url={invitationLink} /> : null}
      <p>{users.length} akun.</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Semua pengguna</caption>
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Email</th>
              <th scope="col">Peran instalasi</th>
              <th scope="col">Terakhir masuk</th>
              <th scope="col">Dua langkah</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.installationRole ? t.roles[u.installationRole] : '—'}</td>
                <td>{u.lastLoginAt ? formatDate(u.lastLoginAt, tz) : 'Belum pernah'}</td>
                <td>{u.totpEnabledAt ? t.common.yes : t.common.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="judul-undang-staf">
        <h2 id="judul-undang-staf">Undang koordinator aduan atau super admin</h2>
        <ErrorSummary errors={form.errors} />
        <Form action="/admin/pengguna" csrfToken={ctx.csrfToken}>
          <TextInput name="name" label="Nama" form={form} autocomplete="off" maxLength={120} />
          <TextInput
            name="email"
            label="Email"
            form={form}
            type="email"
            autocomplete="off"
            spellcheck={false}
          />
          <Select
            name="role"
            label="Peran"
            form={form}
            options={installationRoleOptions}
            placeholder="Pilih peran"
          />
          <Button>Kirim undangan</Button>
        </Form>
      </section>
    </Layout>
  );
}
