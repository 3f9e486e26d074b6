import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { listAgencies } from '../agencies/agencies.repository.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { errorsFrom, typedValues } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import { MAX_UPLOAD_BYTES } from '../media/limits.js';
import { now } from '../time/clock.js';
import { actOnComplaint, type StepInput } from './complaints.actions.js';
import {
  ATTACHMENT_FIELD,
  prepareAttachment,
  removeStoredAttachments,
  storeAttachments,
} from './complaints.attachments.js';
import { dueSoonBefore, loadClocks } from './complaints.deadlines.js';
import { placeNameOf, staffNamesOf } from './complaints.queries.js';
import { staffScope } from './complaints.queue.admin.routes.js';
import { readComplaint } from './complaints.read.js';
import { getComplaint, listCategories } from './complaints.repository.js';
import { ActionInput, STAFF_ACTIONS, type StaffAction } from './complaints.schemas.js';
import type { StoredAttachment } from './complaints.service.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { summaryKey, type ActionFormState } from './views/admin-actions.js';
import { ComplaintDetailPage, type DetailData } from './views/admin-detail.js';
import { a, actionText } from './views/admin-messages.js';
import { QUEUE_PATH } from './views/admin-queue.js';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

/** The code from the address, as stored; anything that cannot be a code is a 404 without a query. */
function codeOf(request: FastifyRequest): string {
  const code = normalizeTrackingCode((request.params as { code: string }).code);
  if (!code) throw new NotFoundError();
  return code;
}

interface ActionForm {
  fields: Record<string, string | string[]>;
  proof?: { buffer: Buffer; filename: string };
  error?: string;
}

const forms = new WeakMap<FastifyRequest, ActionForm>();
const MULTIPART_FIELDS = new Set(['_csrf', 'action', 'message', 'internal_note']);

/**
 * preValidation: the answer form is multipart (an optional proof photo). It is read here, before the
 * CSRF check reads `_csrf` from the body, and only for a caller presenting a session: a stranger
 * gets nothing buffered.
 */
async function readActionForm(request: FastifyRequest) {
  if (!request.isMultipart()) return;
  const form: ActionForm = { fields: {} };
  forms.set(request, form);
  if (!request.cookies[SESSION_COOKIE]) {
    request.body = {};
    return;
  }
  try {
    for await (const part of request.parts({
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 10, fieldSize: 64 * 1024 },
    })) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'proof' && buffer.length) form.proof = { buffer, filename: part.filename };
      } else if (MULTIPART_FIELDS.has(part.fieldname) && typeof part.value === 'string') {
        form.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'FST_REQ_FILE_TOO_LARGE' && code !== 'FST_FILES_LIMIT') throw err;
    form.error =
      code === 'FST_FILES_LIMIT' ? 'Kirim satu foto bukti saja.' : 'Foto terlalu besar: paling besar 15 MB.';
  }
  request.body = form.fields;
}

const TEXT_KEYS = [
  'agency',
  'message',
  'internal_note',
  'reason',
  'archive_reason',
  'merge_into',
  'category',
] as const;

/** The form's fields as the workflow takes them: blanks left out, checkboxes as booleans, one co-assignee as a list. */
function stepInputOf(action: StaffAction, body: Record<string, unknown>): StepInput {
  const input: Record<string, unknown> = { action };
  for (const key of TEXT_KEYS) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') input[key] = value;
  }
  const co = [body.co_agencies ?? []].flat().filter((v): v is string => typeof v === 'string' && v !== '');
  if (action === 'assign' && co.length) input.co_agencies = co;
  // An unticked box is not sent: on this form, absent means "no".
  if (action === 'reclassify') {
    input.anonymous = body.anonymous === 'ya';
    input.confidential = body.confidential === 'ya';
  }
  return input as unknown as StepInput;
}

/** Field messages on the form's own names ('co_agencies.0' → 'co_agencies', the file → 'proof'). */
const formField = (field: string) =>
  field === ATTACHMENT_FIELD ? 'proof' : field.startsWith('co_agencies') ? 'co_agencies' : field;

function failedForm(action: StaffAction, body: Record<string, unknown>, errors: Record<string, string>) {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) fields[formField(field)] ??= message;
  const values = typedValues(body);
  return {
    action,
    values,
    coAgencies: [body.co_agencies ?? []].flat().filter((v): v is string => typeof v === 'string'),
    errors: fields,
    summary: Object.fromEntries(Object.entries(fields).map(([k, v]) => [summaryKey(action, k), v])),
  } satisfies ActionFormState;
}

/** One complaint for staff, and the steps they take on it. Prefix: /admin */
export default async function complaintDetailAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  async function detailData(request: FastifyRequest, code: string): Promise<DetailData> {
    const actor = requireActor(request);
    const view = await readComplaint(app.db, { kind: 'staff', actor }, code, request.ip);
    const c = view.complaint;
    const fileEvent = view.events.find((e) => e.action === 'file');
    const suggested = fileEvent ? (JSON.parse(fileEvent.details) as { suggestedAgencyId?: string }) : {};
    const at = now();
    const [agencies, categories, staffNames, place, clocks, merged] = await Promise.all([
      listAgencies(app.db),
      listCategories(app.db),
      staffNamesOf(
        app.db,
        view.events.flatMap((e) => (e.actorKind === 'staff' && e.actorId ? [e.actorId] : [])),
      ),
      placeNameOf(app.db, c.regionId),
      loadClocks(app.db),
      c.mergedIntoId ? getComplaint(app.db, c.mergedIntoId) : Promise.resolve(undefined),
    ]);
    return {
      view,
      category: categories.find((k) => k.id === c.categoryId),
      place,
      agencies,
      categories,
      staffNames,
      suggestedAgencyId: suggested.suggestedAgencyId ?? null,
      mergedIntoCode: merged?.trackingCode ?? null,
      at,
      dueSoonBefore: dueSoonBefore(clocks, at),
    };
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    options: { failed?: ActionFormState; problem?: string; status?: number } = {},
  ) {
    const data = await detailData(request, code);
    return reply.page(
      <ComplaintDetailPage
        ctx={pageContext(request, reply)}
        {...data}
        failed={options.failed ?? null}
        problem={options.problem ?? null}
      />,
      options.status ?? 200,
    );
  }

  app.get('/aduan/:code', { schema: { params: CodeParams, hide: true } }, async (request, reply) => {
    staffScope(requireActor(request));
    return show(request, reply, codeOf(request));
  });

  app.post(
    '/aduan/:code/tindakan',
    { schema: { params: CodeParams, hide: true }, preValidation: readActionForm },
    async (request, reply) => {
      const actor = requireActor(request);
      staffScope(actor);
      const code = codeOf(request);
      const form = forms.get(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const action = body.action as StaffAction;
      // A form this page never offers: nothing typed to keep, only the page again.
      if (!(STAFF_ACTIONS as readonly string[]).includes(String(action)))
        return show(request, reply, code, { problem: a.unknownAction, status: 422 });
      const input = stepInputOf(action, body);
      const invalid = validateBody(ActionInput, input);
      const errors = { ...(invalid ?? {}), ...(form?.error ? { proof: form.error } : {}) };
      if (Object.keys(errors).length)
        return show(request, reply, code, { failed: failedForm(action, body, errors), status: 422 });
      let stored: StoredAttachment[] = [];
      try {
        if (action === 'answer' && form?.proof) {
          const prepared = await prepareAttachment(form.proof.buffer, form.proof.filename);
          stored = await storeAttachments(app.complaintFiles, [prepared]);
          input.attachments = stored;
        }
        await actOnComplaint(app.db, { kind: 'staff', actor }, code, input, { baseUrl: app.config.baseUrl });
      } catch (err) {
        await removeStoredAttachments(app.complaintFiles, stored);
        if (err instanceof ConflictError)
          return show(request, reply, code, { problem: a.conflict, status: 409 });
        const fields = errorsFrom(err);
        if (fields)
          return show(request, reply, code, { failed: failedForm(action, body, fields), status: 422 });
        throw err;
      }
      // Handed back to the coordinator, the complaint is no longer the OPD's to open.
      const next = action === 'return' ? QUEUE_PATH : `${QUEUE_PATH}/${code}`;
      return reply.redirectWithFlash(next, actionText[action].done);
    },
  );
}
