import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize } from '../accounts/accounts.policy.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { emptyForm, type FormState } from '../views/context.js';
import { holidaysIn, holidayYears } from './calendar.repository.js';
import { canManageHolidays } from './holidays.policy.js';
import { HolidayInput, HolidayParams, YEAR_MAX, YEAR_MIN, YearQuery } from './holidays.schemas.js';
import { addHoliday, removeHoliday } from './holidays.service.js';
import { formatDay, m } from './messages.js';
import { HOLIDAYS_PATH, HolidaysPage } from './views/holidays.js';
import { todayIn } from './zone.js';
import agencyCalendarAdmin from './agency-calendar.admin.routes.js';

/** The holiday table, for the super admin alone (it moves every agency's deadlines). Prefix: /admin */
export default async function holidaysAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);
  // An OPD's own working days: the other half of the calendar deadlines are counted on.
  await app.register(agencyCalendarAdmin);

  const thisYear = (request: FastifyRequest) => Number(todayIn(request.installation.timeZone).slice(0, 4));

  /**
   * The year asked for, or this year in the installation's zone. Read again here because a body that
   * fails validation stops Fastify before it coerces the query string.
   */
  function yearOf(request: FastifyRequest): number {
    const asked = Number((request.query as Record<string, unknown>).tahun);
    return Number.isInteger(asked) && asked >= YEAR_MIN && asked <= YEAR_MAX ? asked : thisYear(request);
  }

  async function show(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const year = yearOf(request);
    const current = thisYear(request);
    const [holidays, stored] = await Promise.all([holidaysIn(app.db, year), holidayYears(app.db)]);
    const years = [...new Set([...stored, current, current + 1, year])].sort((a, b) => a - b);
    return reply.page(
      <HolidaysPage
        ctx={pageContext(request, reply)}
        year={year}
        years={years}
        holidays={holidays}
        form={form}
      />,
      status,
    );
  }

  app.get('/hari-libur', { schema: { querystring: YearQuery, hide: true } }, async (request, reply) => {
    authorize(canManageHolidays(requireActor(request)));
    return show(request, reply, emptyForm());
  });

  app.post(
    '/hari-libur',
    { schema: { querystring: YearQuery, body: HolidayInput, hide: true }, attachValidation: true },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canManageHolidays(actor));
      const invalid = validationErrors(request);
      if (invalid) return show(request, reply, formState(request, invalid), 422);
      try {
        const holiday = await addHoliday(app.db, actor, request.body as HolidayInput);
        return reply.redirectWithFlash(
          `${HOLIDAYS_PATH}?tahun=${holiday.date.slice(0, 4)}`,
          m.added(formatDay(holiday.date), holiday.name),
        );
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return show(request, reply, formState(request, fields), 422);
        throw err;
      }
    },
  );

  app.post(
    '/hari-libur/:date/hapus',
    { schema: { params: HolidayParams, hide: true } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canManageHolidays(actor));
      const holiday = await removeHoliday(app.db, actor, (request.params as { date: string }).date);
      return reply.redirectWithFlash(
        `${HOLIDAYS_PATH}?tahun=${holiday.date.slice(0, 4)}`,
        m.deleted(formatDay(holiday.date), holiday.name),
      );
    },
  );
}
