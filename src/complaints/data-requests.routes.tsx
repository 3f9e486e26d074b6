import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { authorize } from '../accounts/accounts.policy.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, typedValues } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import { localTimestamp } from '../http/csv.js';
import { emptyForm, type FormState } from '../views/context.js';
import { isCoordinator } from './complaints.policy.js';
import { staffScope } from './complaints.queue.admin.routes.js';
import {
  auditExport,
  DataRequestInput,
  eraseSubject,
  exportSubject,
  findSubjectComplaints,
  subjectOf,
  type Subject,
} from './data-requests.js';
import { DATA_REQUESTS_PATH, DataRequestsPage } from './views/data-requests.js';

const PATH = DATA_REQUESTS_PATH.replace('/admin', '');

/** The four identifiers from the form, each a string (missing ones empty). */
function valuesOf(body: unknown): Record<string, string> {
  const typed = typedValues(body);
  return {
    email: typed.email ?? '',
    phone: typed.phone ?? '',
    tracking_code: typed.tracking_code ?? '',
    access_key: typed.access_key ?? '',
    ...(typed.confirm !== undefined ? { confirm: typed.confirm } : {}),
  };
}

/** The subject named by the form, or the field messages to show. */
function parse(values: Record<string, string>): { subject: Subject } | { errors: Record<string, string> } {
  const invalid = validateBody(DataRequestInput, { ...values, confirm: undefined });
  if (invalid) return { errors: invalid };
  try {
    return { subject: subjectOf(values) };
  } catch (err) {
    const fields = errorsFrom(err);
    if (fields) return { errors: fields };
    throw err;
  }
}

/**
 * Data-subject requests for the coordinator and the super admin: find a citizen's data, hand
 * them a copy, erase it (data-requests.ts). Every form is a POST, so the access key and contact
 * never sit in an address or a log line. Prefix: /admin
 */
export default async function dataRequestsAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const coordinator = (request: FastifyRequest) => {
    const actor = requireActor(request);
    staffScope(actor);
    authorize(isCoordinator(actor));
    return actor;
  };

  async function show(request: FastifyRequest, reply: FastifyReply, form: FormState, subject?: Subject) {
    const complaints = subject ? await findSubjectComplaints(app.db, subject) : null;
    if (complaints?.length) await auditExport(app.db, complaints, false);
    const data = complaints ? await exportSubject(app.db, complaints) : null;
    const status = Object.keys(form.errors).length ? 422 : 200;
    return reply.page(<DataRequestsPage ctx={pageContext(request, reply)} form={form} data={data} />, status);
  }

  app.get(PATH, { schema: { hide: true } }, async (request, reply) => {
    coordinator(request);
    return show(request, reply, emptyForm());
  });

  app.post(PATH, { schema: { hide: true } }, async (request, reply) => {
    coordinator(request);
    const values = valuesOf(request.body);
    const parsed = parse(values);
    if ('errors' in parsed) return show(request, reply, { values, errors: parsed.errors });
    return show(request, reply, emptyForm(values), parsed.subject);
  });

  app.post(`${PATH}/unduh`, { schema: { hide: true } }, async (request, reply) => {
    coordinator(request);
    const values = valuesOf(request.body);
    const parsed = parse(values);
    if ('errors' in parsed) return show(request, reply, { values, errors: parsed.errors });
    const complaints = await findSubjectComplaints(app.db, parsed.subject);
    await auditExport(app.db, complaints, true);
    const data = await exportSubject(app.db, complaints);
    const stamp = localTimestamp(data.generated_at, request.installation.timeZone).slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="data-pribadi-${stamp}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.post(`${PATH}/hapus`, { schema: { hide: true } }, async (request, reply) => {
    coordinator(request);
    const values = valuesOf(request.body);
    const parsed = parse(values);
    if ('errors' in parsed) return show(request, reply, { values, errors: parsed.errors });
    if (values.confirm !== 'ya') {
      const errors = { confirm: 'Centang pernyataan bahwa identitas peminta sudah diperiksa.' };
      return show(request, reply, { values, errors }, parsed.subject);
    }
    const done = await eraseSubject(app.db, app.complaintFiles, parsed.subject);
    return reply.redirectWithFlash(
      DATA_REQUESTS_PATH,
      `Data pribadi di ${done.complaints} laporan sudah dihapus (${done.files} berkas, ${done.mails} email).`,
    );
  });
}
