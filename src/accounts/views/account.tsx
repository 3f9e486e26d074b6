import QRCode from 'qrcode';
import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, Notice, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { NewPasswordFields } from './password-fields.js';

const m = t.accounts;
const crumbs = [{ href: '/admin', label: t.nav.admin }];

export function ChangePasswordPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title={m.changePasswordTitle} crumbs={crumbs}>
      <h1>{m.changePasswordTitle}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/akun/kata-sandi" csrfToken={ctx.csrfToken}>
        <TextInput
          name="current_password"
          label={m.currentPassword}
          form={form}
          type="password"
          autocomplete="current-password"
        />
        <NewPasswordFields form={form} name="new_password" />
        <Button>{m.changePasswordButton}</Button>
      </Form>
    </Layout>
  );
}

interface TwoFactorProps {
  ctx: PageContext;
  form: FormState;
  enabled: boolean;
  enrollment: { secret: string; uri: string } | null;
  recoveryCodes: string[] | null;
  remaining: number;
}

export async function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { margin: 1, width: 220 });
}

export function TwoFactorPage({
  ctx,
  form,
  enabled,
  enrollment,
  recoveryCodes,
  remaining,
  qr,
}: TwoFactorProps & { qr: string | null }) {
  return (
    <Layout ctx={ctx} title={m.twoFactorTitle} crumbs={crumbs}>
      <h1>{m.twoFactorTitle}</h1>
      {recoveryCodes ? (
        <section aria-labelledby="judul-kode-pemulihan">
          <h2 id="judul-kode-pemulihan">{m.recoveryTitle}</h2>
          <Notice kind="warning">{m.recoveryIntro}</Notice>
          <ul class="code-list">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <p>
            <a href="/admin">{t.nav.admin}</a>
          </p>
        </section>
      ) : enabled ? (
        <>
          <p class="lead">{m.twoFactorOnIntro}</p>
          <p>{m.recoveryRemaining(remaining)}</p>
          <Form action="/admin/akun/dua-faktor/nonaktifkan" csrfToken={ctx.csrfToken}>
            <Button variant="danger">{m.disableButton}</Button>
          </Form>
        </>
      ) : enrollment ? (
        <>
          <p class="lead">{m.twoFactorOffIntro}</p>
          <ErrorSummary errors={form.errors} />
          <p>{m.twoFactorScan}</p>
          {qr ? (
            <p class="qr">
              <img src={qr} alt="Kode QR untuk aplikasi autentikator" width={220} height={220} />
            </p>
          ) : null}
          <p>
            {m.twoFactorSecret}: <code id="kunci-rahasia">{enrollment.secret}</code>
          </p>
          <Form action="/admin/akun/dua-faktor" csrfToken={ctx.csrfToken}>
            <TextInput
              name="code"
              label={m.codeLabel}
              form={form}
              autocomplete="one-time-code"
              inputMode="numeric"
              spellcheck={false}
            />
            <Button>{m.enableButton}</Button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
