import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorizeInAgency } from '../accounts/accounts.policy.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import { settingsOf } from '../agencies/settings.js';
import type { Agency } from '../agencies/agencies.table.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { emptyForm, type FormState } from '../views/context.js';
import {
  AgencyCalendarForm,
  canSetAgencyCalendar,
  findAgencyCalendar,
  ISO_WEEKDAYS,
  resetAgencyCalendar,
  setAgencyCalendar,
} from './agency-calendar.service.js';
import { WEEKDAYS } from './calendar.repository.js';
import { AgencyCalendarPage, calendarPath } from './views/agency-calendar.js';

/** An OPD's own working days and hours, for the super admin. Prefix: /admin */
export default async function agencyCalendarAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  async function show(request: FastifyRequest, reply: FastifyReply, agency: Agency, form?: FormState) {
    const own = await findAgencyCalendar(app.db, agency.id);
    const city = settingsOf(request.installation);
    const days: readonly number[] = own ? (JSON.parse(own.workingDays) as number[]) : WEEKDAYS;
    const values = {
      opens: own?.opens ?? city.officeOpens ?? '07:30',
      closes: own?.closes ?? city.officeCloses ?? '16:00',
      ...(own?.ignoresHolidaysAt ? { ignores_holidays: 'ya' } : {}),
      ...Object.fromEntries(ISO_WEEKDAYS.filter((d) => days.includes(d)).map((d) => [`day_${d}`, 'ya'])),
    };
    return reply.page(
      <AgencyCalendarPage
        ctx={pageContext(request, reply)}
        agency={agency}
        own={!!own}
        form={form ?? emptyForm(values)}
      />,
      form ? 422 : 200,
    );
  }

  /** 404 for anyone with no role in the OPD (as on every OPD page), 403 for its own staff. */
  const load = async (request: FastifyRequest) => {
    const agency = await getAgencyBySlug(app.db, (request.params as { slug: string }).slug);
    authorizeInAgency(requireActor(request), agency.id, canSetAgencyCalendar);
    return agency;
  };

  app.get(
    '/opd/:slug/kalender-kerja',
    { schema: { params: SlugParams, hide: true } },
    async (request, reply) => show(request, reply, await load(request)),
  );

  app.post(
    '/opd/:slug/kalender-kerja',
    { schema: { params: SlugParams, body: AgencyCalendarForm, hide: true }, attachValidation: true },
    async (request, reply) => {
      const agency = await load(request);
      const invalid = validationErrors(request);
      if (invalid) return show(request, reply, agency, formState(request, invalid));
      try {
        await setAgencyCalendar(app.db, requireActor(request), agency, request.body as AgencyCalendarForm);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(request, reply, agency, formState(request, fields));
        throw err;
      }
      return reply.redirectWithFlash(calendarPath(agency.slug), `Kalender kerja ${agency.name} disimpan.`);
    },
  );

  app.post(
    '/opd/:slug/kalender-kerja/hapus',
    { schema: { params: SlugParams, hide: true } },
    async (request, reply) => {
      const agency = await load(request);
      await resetAgencyCalendar(app.db, requireActor(request), agency);
      return reply.redirectWithFlash(
        calendarPath(agency.slug),
        `${agency.name} kembali memakai kalender kota.`,
      );
    },
  );
}
