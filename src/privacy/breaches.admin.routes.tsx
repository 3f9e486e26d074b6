import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize } from '../accounts/accounts.policy.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, typedValues } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import { now } from '../time/clock.js';
import { zoneOffsetMinutes } from '../time/zone.js';
import { emptyForm, type FormState } from '../views/context.js';
import {
  BreachCreateInput,
  BreachNoticeInput,
  canManageBreaches,
  createBreach,
  getBreach,
  listBreaches,
  recordNotices,
} from './breaches.js';
import { m } from './messages.js';
import type { BreachIncident } from './privacy.table.js';
import { BREACHES_PATH, BreachDetailPage, BreachListPage } from './views/breaches.js';

const PATH = BREACHES_PATH.replace('/admin', '');
const IncidentParams = Type.Object({ incident: Type.String({ maxLength: 40 }) });

const CREATE_FIELDS = [
  'title',
  'discovered_at',
  'data_categories',
  'subjects_affected',
  'description',
  'measures',
];
const NOTICE_FIELDS = ['authority_notified_at', 'subjects_notified_at', 'measures'];

/** The named text fields of a form, each a string (missing ones empty). */
const fieldsOf = (body: unknown, names: string[]) => {
  const typed = typedValues(body);
  return Object.fromEntries(names.map((n) => [n, typed[n] ?? '']));
};

/** An instant as a datetime-local value in the installation's zone, to fill the form again. */
function localInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 16);
}

/** The breach register (src/privacy/README.md), for the super admin. Prefix: /admin */
export default async function breachesAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const manager = (request: FastifyRequest) => {
    const actor = requireActor(request);
    authorize(canManageBreaches(actor));
    return actor;
  };

  async function showList(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const page = (
      <BreachListPage
        ctx={pageContext(request, reply)}
        incidents={await listBreaches(app.db)}
        form={form}
        at={now()}
      />
    );
    return reply.page(page, status);
  }

  async function showDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    incident: BreachIncident,
    form: FormState | null,
    status = 200,
  ) {
    const timeZone = request.installation.timeZone;
    const values = {
      authority_notified_at: localInput(incident.authorityNotifiedAt, timeZone),
      subjects_notified_at: localInput(incident.subjectsNotifiedAt, timeZone),
      measures: incident.measures,
    };
    const page = (
      <BreachDetailPage
        ctx={pageContext(request, reply)}
        incident={incident}
        form={form ?? emptyForm(values)}
        at={now()}
      />
    );
    return reply.page(page, status);
  }

  app.get(PATH, { schema: { hide: true } }, async (request, reply) => {
    manager(request);
    return showList(request, reply, emptyForm());
  });

  app.post(PATH, { schema: { hide: true } }, async (request, reply) => {
    const actor = manager(request);
    const values = fieldsOf(request.body, CREATE_FIELDS);
    const invalid = validateBody(BreachCreateInput, values);
    if (invalid) return showList(request, reply, { values, errors: invalid }, 422);
    try {
      const incident = await createBreach(
        app.db,
        actor,
        values as BreachCreateInput,
        request.installation.timeZone,
      );
      return reply.redirectWithFlash(`${BREACHES_PATH}/${incident.id}`, m.recorded(incident.title));
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields) return showList(request, reply, { values, errors: fields }, 422);
      throw err;
    }
  });

  app.get(`${PATH}/:incident`, { schema: { params: IncidentParams, hide: true } }, async (request, reply) => {
    manager(request);
    const { incident } = request.params as { incident: string };
    return showDetail(request, reply, await getBreach(app.db, incident), null);
  });

  app.post(
    `${PATH}/:incident`,
    { schema: { params: IncidentParams, hide: true } },
    async (request, reply) => {
      const actor = manager(request);
      const incident = await getBreach(app.db, (request.params as { incident: string }).incident);
      const values = fieldsOf(request.body, NOTICE_FIELDS);
      const invalid = validateBody(BreachNoticeInput, values);
      if (invalid) return showDetail(request, reply, incident, { values, errors: invalid }, 422);
      try {
        await recordNotices(
          app.db,
          actor,
          incident,
          values as BreachNoticeInput,
          request.installation.timeZone,
        );
        return reply.redirectWithFlash(`${BREACHES_PATH}/${incident.id}`, m.saved);
      } catch (err) {
        const fields = errorsFrom(err);
        if (fields) return showDetail(request, reply, incident, { values, errors: fields }, 422);
        throw err;
      }
    },
  );
}
