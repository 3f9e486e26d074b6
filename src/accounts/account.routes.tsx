import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { t } from '../i18n/index.js';
import { Password, Text } from '../http/schema.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { requireActor, requireUser } from '../http/auth.js';
import { ForbiddenError } from '../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { emptyForm, type FormState } from '../views/context.js';
import { adminGuard, twoFactorRequired } from './admin-guard.js';
import { findUserById } from './accounts.repository.js';
import { changePassword } from './accounts.service.js';
import {
  confirmTotpEnrollment,
  disableTotp,
  remainingRecoveryCodes,
  startTotpEnrollment,
} from './two-factor.js';
import { ChangePasswordPage, qrDataUrl, TwoFactorPage } from './views/account.js';

const m = t.accounts;

const PasswordBody = Type.Object({
  current_password: Password(m.currentPassword),
  new_password: Password(m.newPassword),
  new_password_confirmation: Password(m.confirmPassword),
});
const CodeBody = Type.Object({ code: Text(m.codeLabel, 20) });

/** The signed-in person's own account: password and two-factor sign-in. Prefix: /admin/akun */
export default async function accountRoutes(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  app.get('/kata-sandi', { schema: { hide: true } }, async (request, reply) =>
    reply.page(<ChangePasswordPage ctx={pageContext(request, reply)} form={emptyForm()} />),
  );

  app.post(
    '/kata-sandi',
    { schema: { body: PasswordBody, hide: true }, attachValidation: true },
    async (request, reply) => {
      const show = (errors: Record<string, string>) =>
        reply.page(
          <ChangePasswordPage ctx={pageContext(request, reply)} form={formState(request, errors)} />,
          422,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid);
      const body = request.body as {
        current_password: string;
        new_password: string;
        new_password_confirmation: string;
      };
      if (body.new_password !== body.new_password_confirmation)
        return show({ new_password_confirmation: m.passwordMismatch });
      try {
        await changePassword(
          app.db,
          requireUser(request),
          body.current_password,
          body.new_password,
          request.sessionToken ?? undefined,
        );
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(fields);
        throw err;
      }
      return reply.redirectWithFlash('/admin', m.passwordChanged);
    },
  );

  async function showTwoFactor(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    recoveryCodes: string[] | null = null,
  ) {
    const user = (await findUserById(app.db, requireUser(request).id))!;
    const enabled = user.totpEnabledAt !== null;
    const enrollment =
      enabled || recoveryCodes
        ? null
        : await startTotpEnrollment(app.db, user, request.installation.shortName);
    return reply.page(
      <TwoFactorPage
        ctx={pageContext(request, reply)}
        form={form}
        enabled={enabled}
        enrollment={enrollment}
        recoveryCodes={recoveryCodes}
        remaining={enabled ? await remainingRecoveryCodes(app.db, user.id) : 0}
        qr={enrollment ? await qrDataUrl(enrollment.uri) : null}
      />,
      status,
    );
  }

  app.get('/dua-faktor', { schema: { hide: true } }, async (request, reply) =>
    showTwoFactor(request, reply, emptyForm()),
  );

  app.post(
    '/dua-faktor',
    { schema: { body: CodeBody, hide: true }, attachValidation: true },
    async (request, reply) => {
      const invalid = validationErrors(request);
      if (invalid) return showTwoFactor(request, reply, formState(request, invalid), 422);
      const user = (await findUserById(app.db, requireUser(request).id))!;
      const code = (request.body as { code: string }).code.replace(/\s+/g, '');
      const codes = await confirmTotpEnrollment(app.db, user, code);
      if (!codes) return showTwoFactor(request, reply, { values: {}, errors: { code: m.codeWrong } }, 422);
      await recordAudit(app.db, {
        actorId: user.id,
        action: 'two_factor.enabled',
        subjectType: 'user',
        subjectId: user.id,
        ip: request.ip,
      });
      return showTwoFactor(request, reply, emptyForm(), 200, codes);
    },
  );

  app.post('/dua-faktor/nonaktifkan', { schema: { hide: true } }, async (request, reply) => {
    const user = requireUser(request);
    const actor = requireActor(request);
    // Turning it off is refused where the policy requires it: checked as if it were already off.
    if (twoFactorRequired(request, { ...actor, twoFactorEnabled: false }))
      throw new ForbiddenError(m.twoFactorRequired);
    await disableTotp(app.db, user.id);
    await recordAudit(app.db, {
      actorId: user.id,
      action: 'two_factor.disabled',
      subjectType: 'user',
      subjectId: user.id,
      ip: request.ip,
    });
    return reply.redirectWithFlash('/admin/akun/dua-faktor', m.twoFactorDisabled);
  });
}
