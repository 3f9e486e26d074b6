import { signInRateLimit } from '../http/rate-limit.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { t } from '../i18n/index.js';
import { Email, Password, Text } from '../http/schema.js';
import { errorsFrom, formState, safeNext, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { emptyForm } from '../views/context.js';
import {
  findUserByLinkToken,
  markSignedIn,
  lockedMinutes,
  recordFailedSignIn,
  requestPasswordReset,
  setPasswordWithLink,
  signIn,
} from './accounts.service.js';
import { createSession, destroySession, findSession, SESSION_COOKIE, SESSION_MINUTES } from './sessions.js';
import { acceptTotpCode, useRecoveryCode } from './two-factor.js';
import { ForgotPasswordPage, SecondFactorPage, SetPasswordPage, SignInPage } from './views/sign-in.js';

const m = t.accounts;

const SignInBody = Type.Object({ email: Email(m.email), password: Password(m.password) });
const CodeBody = Type.Object({ code: Text(m.codeLabel, 20) });
const ForgotBody = Type.Object({ email: Email(m.email) });
const SetPasswordBody = Type.Object({
  password: Password(m.newPassword),
  password_confirmation: Password(m.confirmPassword),
});
const NextQuery = Type.Object({ lanjut: Type.Optional(Type.String({ maxLength: 500 })) });
const TokenQuery = Type.Object({ token: Type.String({ maxLength: 100 }) });

/** Sign-in, the two-factor step, sign-out, and the password links (invitation and reset). */
export default async function sessionRoutes(app: FastifyInstance) {
  const secure = app.config.baseUrl.startsWith('https://');
  const limit = signInRateLimit(app.config);

  function startSession(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: SESSION_MINUTES * 60,
    });
  }

  async function endCurrentSession(request: FastifyRequest) {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await destroySession(app.db, token);
  }

  const meta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
  });

  app.get('/masuk', { schema: { querystring: NextQuery, hide: true } }, async (request, reply) => {
    const { lanjut } = request.query as { lanjut?: string };
    if (request.actor) return reply.redirect(safeNext(lanjut), 303);
    return reply.page(
      <SignInPage ctx={pageContext(request, reply)} form={emptyForm()} next={lanjut ?? ''} />,
    );
  });

  app.post(
    '/masuk',
    {
      schema: { body: SignInBody, querystring: NextQuery, hide: true },
      attachValidation: true,
      config: limit,
    },
    async (request, reply) => {
      const { lanjut } = request.query as { lanjut?: string };
      const show = (errors: Record<string, string>, status: number) =>
        reply.page(
          <SignInPage
            ctx={pageContext(request, reply)}
            form={formState(request, errors)}
            next={lanjut ?? ''}
          />,
          status,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid, 422);
      const { email, password } = request.body as { email: string; password: string };
      const result = await signIn(app.db, email, password);
      if (result.kind === 'invalid') return show({ email: m.invalidCredentials }, 422);
      if (result.kind === 'locked') return show({ email: m.locked(result.minutes) }, 429);
      // A new session id at every sign-in: a session fixed before sign-in is never promoted.
      await endCurrentSession(request);
      if (result.kind === 'second_factor') {
        startSession(reply, await createSession(app.db, result.user.id, 'second_factor', meta(request)));
        return reply.redirect('/masuk/kode', 303);
      }
      startSession(reply, await createSession(app.db, result.user.id, 'active', meta(request)));
      return reply.redirect(safeNext(lanjut), 303);
    },
  );

  async function pendingUser(request: FastifyRequest) {
    const token = request.cookies[SESSION_COOKIE];
    const found = token ? await findSession(app.db, token) : undefined;
    return found?.session.stage === 'second_factor' ? found.user : undefined;
  }

  app.get('/masuk/kode', { schema: { hide: true } }, async (request, reply) => {
    if (!(await pendingUser(request))) return reply.redirectWithFlash('/masuk', m.secondFactorExpired);
    return reply.page(<SecondFactorPage ctx={pageContext(request, reply)} form={emptyForm()} />);
  });

  app.post(
    '/masuk/kode',
    { schema: { body: CodeBody, hide: true }, attachValidation: true, config: limit },
    async (request, reply) => {
      const user = await pendingUser(request);
      if (!user) return reply.redirectWithFlash('/masuk', m.secondFactorExpired);
      const show = (errors: Record<string, string>, status: number) =>
        reply.page(
          <SecondFactorPage ctx={pageContext(request, reply)} form={{ values: {}, errors }} />,
          status,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid, 422);
      if (lockedMinutes(user)) return show({ code: m.locked(lockedMinutes(user)) }, 429);
      const code = (request.body as { code: string }).code.replace(/\s+/g, '');
      const ok = /^\d{6}$/.test(code)
        ? await acceptTotpCode(app.db, user, code)
        : await useRecoveryCode(app.db, user.id, code);
      if (!ok) {
        const lock = await recordFailedSignIn(app.db, user.id);
        return lock ? show({ code: m.locked(lock) }, 429) : show({ code: m.codeWrong }, 422);
      }
      await endCurrentSession(request);
      await markSignedIn(app.db, user.id);
      startSession(reply, await createSession(app.db, user.id, 'active', meta(request)));
      return reply.redirect('/admin', 303);
    },
  );

  app.post('/keluar', { schema: { hide: true } }, async (request, reply) => {
    const userId = request.actor?.userId;
    if (userId)
      await recordAudit(app.db, { action: 'auth.signed_out', subjectType: 'user', subjectId: userId });
    await endCurrentSession(request);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirectWithFlash('/', m.signedOut);
  });

  app.get('/lupa-kata-sandi', { schema: { hide: true } }, async (request, reply) =>
    reply.page(<ForgotPasswordPage ctx={pageContext(request, reply)} form={emptyForm()} sent={false} />),
  );

  app.post(
    '/lupa-kata-sandi',
    { schema: { body: ForgotBody, hide: true }, attachValidation: true, config: limit },
    async (request, reply) => {
      const invalid = validationErrors(request);
      if (invalid)
        return reply.page(
          <ForgotPasswordPage
            ctx={pageContext(request, reply)}
            form={formState(request, invalid)}
            sent={false}
          />,
          422,
        );
      const reset = await requestPasswordReset(app.db, (request.body as { email: string }).email);
      if (reset) {
        await app.mailer.send({
          to: reset.user.email,
          subject: 'Buat kata sandi baru untuk Balairung',
          text: `Halo ${reset.user.name},\n\nBuka tautan ini untuk membuat kata sandi baru (berlaku 60 menit, sekali pakai):\n${app.config.baseUrl}/atur-kata-sandi?token=${reset.token}\n\nAbaikan email ini bila Anda tidak memintanya.\n`,
        });
      }
      // The same answer whether or not the email is known: the form tells no one who has an account.
      return reply.page(<ForgotPasswordPage ctx={pageContext(request, reply)} form={emptyForm()} sent />);
    },
  );

  app.get('/atur-kata-sandi', { schema: { querystring: TokenQuery, hide: true } }, async (request, reply) => {
    const { token } = request.query as { token: string };
    const user = await findUserByLinkToken(app.db, token);
    return reply.page(
      <SetPasswordPage
        ctx={pageContext(request, reply)}
        form={emptyForm()}
        token={token}
        name={user?.name ?? null}
      />,
      user ? 200 : 410,
    );
  });

  app.post(
    '/atur-kata-sandi',
    { schema: { querystring: TokenQuery, body: SetPasswordBody, hide: true }, attachValidation: true },
    async (request, reply) => {
      const { token } = request.query as { token: string };
      const user = await findUserByLinkToken(app.db, token);
      const show = (errors: Record<string, string>, status: number) =>
        reply.page(
          <SetPasswordPage
            ctx={pageContext(request, reply)}
            form={formState(request, errors)}
            token={token}
            name={user?.name ?? null}
          />,
          status,
        );
      if (!user) return show({}, 410);
      const invalid = validationErrors(request);
      if (invalid) return show(invalid, 422);
      const body = request.body as { password: string; password_confirmation: string };
      if (body.password !== body.password_confirmation)
        return show({ password_confirmation: m.passwordMismatch }, 422);
      try {
        const done = await setPasswordWithLink(app.db, token, body.password);
        if (!done) return show({}, 410);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(fields, 422);
        throw err;
      }
      return reply.redirectWithFlash('/masuk', m.resetDone);
    },
  );
}
