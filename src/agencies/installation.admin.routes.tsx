import type { FastifyInstance } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize, isSuperAdmin } from '../accounts/accounts.policy.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { t } from '../i18n/index.js';
import { emptyForm } from '../views/context.js';
import type { Installation } from './agencies.table.js';
import { InstallationInput, POLICY_ROLES } from './installation.schemas.js';
import { updateInstallation } from './installation.service.js';
import { complaintSettingsOf, settingsOf } from './settings.js';
import { InstallationPage } from './views/installation.js';

function values(installation: Installation): Record<string, string> {
  const settings = settingsOf(installation);
  const required = settings.twoFactorRequiredFor as string[];
  const complaints = complaintSettingsOf(installation);
  return {
    name: installation.name,
    short_name: installation.shortName,
    main_host: installation.mainHost,
    address: installation.address,
    phone: installation.phone,
    email: installation.email,
    office_opens: settings.officeOpens ?? '07:30',
    office_closes: settings.officeCloses ?? '16:00',
    complaint_verify_days: String(complaints.verifyDays),
    complaint_follow_up_days: String(complaints.followUpDays),
    complaint_auto_close_days: String(complaints.autoCloseDays),
    complaint_max_days: String(complaints.maxDays),
    complaint_retention_months: String(complaints.retentionMonths),
    complaint_code_prefix: complaints.codePrefix,
    ...Object.fromEntries(POLICY_ROLES.filter((r) => required.includes(r)).map((r) => [`tfa_${r}`, 'ya'])),
  };
}

/** The installation's own settings, for the super admin. Prefix: /admin */
export default async function installationAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  app.get('/instalasi', { schema: { hide: true } }, async (request, reply) => {
    authorize(isSuperAdmin(requireActor(request)));
    return reply.page(
      <InstallationPage ctx={pageContext(request, reply)} form={emptyForm(values(request.installation))} />,
    );
  });

  app.post(
    '/instalasi',
    { schema: { body: InstallationInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(isSuperAdmin(actor));
      const show = (errors: Record<string, string>) =>
        reply.page(
          <InstallationPage ctx={pageContext(request, reply)} form={formState(request, errors)} />,
          422,
        );
      const invalid = validationErrors(request);
      if (invalid) return show(invalid);
      try {
        await updateInstallation(app.db, actor, request.body as InstallationInput);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(fields);
        throw err;
      }
      return reply.redirectWithFlash('/admin/instalasi', t.common.saved);
    },
  );
}
