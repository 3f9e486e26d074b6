import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { NewPasswordFields } from './password-fields.js';

const m = t.accounts;

export function SignInPage({ ctx, form, next }: { ctx: PageContext; form: FormState; next: string }) {
  return (
    <Layout ctx={ctx} title={m.signInTitle}>
      <h1>{m.signInTitle}</h1>
      <p class="lead">{m.signInIntro}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={next ? `/masuk?lanjut=${encodeURIComponent(next)}` : '/masuk'} csrfToken={ctx.csrfToken}>
        <TextInput
          name="email"
          label={m.email}
          form={form}
          type="email"
          autocomplete="username"
          spellcheck={false}
        />
        <TextInput
          name="password"
          label={m.password}
          form={form}
          type="password"
          autocomplete="current-password"
        />
        <Button>{m.signInButton}</Button>
      </Form>
      <p>
        <a href="/lupa-kata-sandi">{m.forgotLink}</a>
      </p>
    </Layout>
  );
}

export function SecondFactorPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title={m.secondFactorTitle}>
      <h1>{m.secondFactorTitle}</h1>
      <p class="lead">{m.secondFactorIntro}</p>
      <ErrorSummary errors={form.errors} />
      <Form action="/masuk/kode" csrfToken={ctx.csrfToken}>
        <TextInput
          name="code"
          label={m.codeLabel}
          hint={m.codeHint}
          form={form}
          autocomplete="one-time-code"
          inputMode="text"
          spellcheck={false}
        />
        <Button>{m.verifyButton}</Button>
      </Form>
    </Layout>
  );
}

export function ForgotPasswordPage({
  ctx,
  form,
  sent,
}: {
  ctx: PageContext;
  form: FormState;
  sent: boolean;
}) {
  return (
    <Layout ctx={ctx} title={m.forgotTitle}>
      <h1>{m.forgotTitle}</h1>
      {sent ? (
        <div class="notice notice--success" role="status">
          {m.forgotSent}
        </div>
      ) : (
        <>
          <p class="lead">{m.forgotIntro}</p>
          <ErrorSummary errors={form.errors} />
          <Form action="/lupa-kata-sandi" csrfToken={ctx.csrfToken}>
            <TextInput name="email" label={m.email} form={form} type="email" autocomplete="username" />
            <Button>{m.forgotButton}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}

export function SetPasswordPage({
  ctx,
  form,
  token,
  name,
}: {
  ctx: PageContext;
  form: FormState;
  token: string;
  name: string | null;
}) {
  return (
    <Layout ctx={ctx} title={m.resetTitle}>
      <h1>{m.resetTitle}</h1>
      {name === null ? (
        <p class="lead">
          {m.resetInvalid} <a href="/lupa-kata-sandi">{m.forgotTitle}</a>
        </p>
      ) : (
        <>
          <p class="lead">{m.resetIntro(name)}</p>
          <ErrorSummary errors={form.errors} />
          <Form action={`/atur-kata-sandi?token=${encodeURIComponent(token)}`} csrfToken={ctx.csrfToken}>
            <NewPasswordFields form={form} name="password" />
            <Button>{m.resetButton}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
