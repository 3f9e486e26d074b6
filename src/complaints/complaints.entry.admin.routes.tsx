import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize } from '../accounts/accounts.policy.js';
import { listRegions } from '../agencies/agencies.repository.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, typedValues } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import type { FormState } from '../views/context.js';
import { isCoordinator } from './complaints.policy.js';
import { staffScope } from './complaints.queue.admin.routes.js';
import { listCategories } from './complaints.repository.js';
import { ComplaintInput, StaffEntryExtras } from './complaints.schemas.js';
import { fileComplaint, trackingLink } from './complaints.service.js';
import type { STAFF_CHANNELS } from './complaints.table.js';
import { EntryPage, ENTRY_PATH, RecordedPage } from './views/admin-entry.js';

type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** The citizen-facing wording of the filing checks, said to the staff member instead. */
const STAFF_WORDING: Record<string, string> = {
  reporter_name:
    'Isi nama pelapor. Centang "Anonim" bila pelapor tidak ingin namanya diketahui OPD dan publik.',
  consent: 'Centang bila pelapor sudah menyetujui data pribadinya dipakai untuk menindaklanjuti laporan ini.',
};

/** Field names of the nested API shape → the flat form's ('reporter.name' → 'reporter_name'). */
const formField = (field: string) => field.replace(/^reporter\./, 'reporter_');

const SUBMISSION_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function inputOf(body: Record<string, string>): {
  input: ComplaintInput;
  extras: typeof StaffEntryExtras.static;
} {
  const optional = (key: string) => (body[key] ? { [key]: body[key] } : {});
  return {
    input: {
      class: body.class as ComplaintInput['class'],
      title: body.title ?? '',
      description: body.description ?? '',
      category: body.category ?? '',
      ...optional('kelurahan'),
      ...optional('address'),
      ...optional('occurred_on'),
      reporter: {
        name: body.reporter_name ?? '',
        email: body.reporter_email ?? '',
        phone: body.reporter_phone ?? '',
        nik: body.reporter_nik ?? '',
      },
      anonymous: body.anonymous === 'ya',
      confidential: body.confidential === 'ya',
      consent: body.consent === 'ya',
    },
    extras: { channel: body.channel as StaffChannel, ...optional('lapor_number') },
  };
}

const messagesOf = (errors: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const name = formField(field);
      return [name, STAFF_WORDING[name] ?? message];
    }),
  );

/** Staff entry of complaints that reached the city another way. Coordinator only. Prefix: /admin */
export default async function complaintEntryAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  /** An OPD's handlers see the queue but do not record; anyone else does not see the centre at all. */
  const coordinatorOnly = (request: FastifyRequest) => {
    const actor = requireActor(request);
    staffScope(actor);
    authorize(isCoordinator(actor));
    return actor;
  };

  async function show(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const [categories, regions] = await Promise.all([listCategories(app.db), listRegions(app.db)]);
    return reply.page(
      <EntryPage ctx={pageContext(request, reply)} form={form} categories={categories} regions={regions} />,
      status,
    );
  }

  app.get(ENTRY_PATH.replace('/admin', ''), { schema: { hide: true } }, async (request, reply) => {
    coordinatorOnly(request);
    // One key per form shown: sent twice (a double click, a reload), it records one complaint.
    return show(request, reply, {
      values: { submission_key: randomUUID(), class: 'pengaduan', consent: '' },
      errors: {},
    });
  });

  app.post(ENTRY_PATH.replace('/admin', ''), { schema: { hide: true } }, async (request, reply) => {
    const actor = coordinatorOnly(request);
    const values = typedValues(request.body);
    if (!SUBMISSION_KEY.test(values.submission_key ?? '')) values.submission_key = randomUUID();
    const { input, extras } = inputOf(values);
    const invalid = { ...validateBody(ComplaintInput, input), ...validateBody(StaffEntryExtras, extras) };
    if (Object.keys(invalid).length)
      return show(request, reply, { values, errors: messagesOf(invalid) }, 422);
    try {
      const filed = await fileComplaint(app.db, input, {
        channel: extras.channel,
        staff: actor,
        laporNumber: extras.lapor_number,
        submissionKey: `staff:${values.submission_key}`,
        limitContact: false,
        secret: app.config.secret,
        baseUrl: app.config.baseUrl,
      });
      const code = filed.complaint.trackingCode;
      return reply.page(
        <RecordedPage
          ctx={pageContext(request, reply)}
          code={code}
          accessKey={filed.accessKey}
          link={trackingLink(app.config.baseUrl, code, filed.accessKey)}
        />,
      );
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields) return show(request, reply, { values, errors: messagesOf(fields) }, 422);
      throw err;
    }
  });
}
