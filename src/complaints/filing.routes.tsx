import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { getAgencyBySlug, listRegions } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { complaintSettingsOf } from '../agencies/settings.js';
import { TooManyRequestsError } from '../errors.js';
import { errorsFrom } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { validateBody } from '../http/validation.js';
import type { FormState } from '../views/context.js';
import {
  prepareAttachment,
  removeStoredAttachments,
  storeAttachments,
  type PreparedAttachment,
} from './complaints.attachments.js';
import { findComplaintBySubmissionKey, listCategories } from './complaints.repository.js';
import { ComplaintInput } from './complaints.schemas.js';
import { fileComplaint } from './complaints.service.js';
import { loadPublicOverview } from './complaints.stats.js';
import {
  formErrors,
  HONEYPOT_FIELD,
  isSubmissionKey,
  newSubmissionKey,
  pinErrors,
  readFilingForm,
  toComplaintInput,
  type FilingForm,
} from './filing.form.js';
import { filingLimits, placeGroups, precheck, shownValues } from './filing.rules.js';
import { checkSolution, newChallenge, powKeys } from './filing.pow.js';
import { receiptRoutes, sendReceipt } from './filing.receipt.js';
import { FilingPage } from './views/filing.js';
import { filingMessages as m } from './views/filing-messages.js';

const CSRF_COOKIE = 'balairung_csrf';
const ChallengeQuery = Type.Object({
  kunci: Type.String({ minLength: 22, maxLength: 22, pattern: '^[A-Za-z0-9_-]{22}$' }),
});

/**
 * The public complaint form: /aduan (the city; on an agency's own host, that OPD) and
 * /opd/{slug}/aduan. Abuse control stays in-house: a honeypot, a proof of work, limits per address
 * and per contact, and a one-time submission key so a double submit files one complaint.
 */
export default async function filingRoutes(app: FastifyInstance) {
  const keys = powKeys(app.config.secret);
  const limits = filingLimits(app);
  const forms = new WeakMap<FastifyRequest, FilingForm>();

  /**
   * preValidation: the multipart body is read here so the CSRF check (a preHandler) finds `_csrf`.
   * A request without the CSRF cookie gets nothing buffered; the CSRF check then refuses it.
   */
  async function bufferForm(request: FastifyRequest) {
    if (!request.isMultipart()) return;
    if (!request.cookies[CSRF_COOKIE]) {
      request.body = {};
      return;
    }
    const form = await readFilingForm(request);
    forms.set(request, form);
    request.body = form.fields;
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    site: { agency: Agency | null; byHost: boolean },
    form: FormState,
    submissionKey: string,
    options: { status?: number; filesLost?: boolean } = {},
  ) {
    const { agency, byHost } = site;
    const [categories, places, overview, challenge] = await Promise.all([
      listCategories(app.db),
      listRegions(app.db).then(placeGroups),
      loadPublicOverview(app.db),
      newChallenge(keys, submissionKey),
    ]);
    return reply.page(
      <FilingPage
        ctx={pageContext(request, reply, agency ? { kind: 'agency', agency, byHost } : undefined)}
        form={form}
        action={agency && !byHost ? `/opd/${agency.slug}/aduan` : '/aduan'}
        agency={agency}
        categories={categories}
        places={places}
        submissionKey={submissionKey}
        challenge={JSON.stringify(challenge)}
        filesLost={options.filesLost ?? false}
        retentionMonths={complaintSettingsOf(request.installation).retentionMonths}
        overview={overview}
        map={app.config.map}
      />,
      options.status ?? 200,
    );
  }

  async function blank(request: FastifyRequest, reply: FastifyReply, agency: Agency | null, byHost: boolean) {
    const values: Record<string, string> = { class: 'pengaduan' };
    if (agency) {
      // The OPD's own category, when it has exactly one, is the likely one; the citizen can change it.
      const own = (await listCategories(app.db)).filter((c) => c.defaultAgencyId === agency.id);
      if (own.length === 1) values.category = own[0]!.code;
    }
    return show(request, reply, { agency, byHost }, { values, errors: {} }, newSubmissionKey());
  }

  async function prepareAll(form: FilingForm): Promise<{ prepared: PreparedAttachment[]; error?: string }> {
    const prepared: PreparedAttachment[] = [];
    const problems: string[] = [];
    for (const file of form.files) {
      try {
        prepared.push(await prepareAttachment(file.buffer, file.filename));
      } catch (err) {
        const fields = errorsFrom(err);
        if (!fields) throw err;
        problems.push(...Object.values(fields));
      }
    }
    return problems.length ? { prepared, error: problems.join(' ') } : { prepared };
  }

  async function submit(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency | null,
    byHost: boolean,
  ) {
    const form = forms.get(request) ?? (await readFilingForm(request));
    const { fields } = form;
    const submissionKey = isSubmissionKey(fields.submission_key) ? fields.submission_key : newSubmissionKey();
    const again = (errors: Record<string, string>, status: number) =>
      show(request, reply, { agency, byHost }, { values: shownValues(fields), errors }, submissionKey, {
        status,
        filesLost: form.files.length > 0 || Boolean(form.fileError),
      });

    if (fields[HONEYPOT_FIELD]?.trim()) {
      request.log.info({ code: 'honeypot' }, 'complaint form filled by a robot: nothing stored');
      return sendReceipt(reply, app.config.baseUrl, null);
    }
    const pow = await checkSolution(keys, fields.altcha, submissionKey);
    const input = toComplaintInput(fields);
    const errors: Record<string, string> = {
      ...formErrors(validateBody(ComplaintInput, input) ?? {}),
      ...pinErrors(fields),
      ...(form.fileError ? { attachments: form.fileError } : {}),
      ...(pow === 'invalid' ? { altcha: m.powInvalid } : pow === 'expired' ? { altcha: m.powExpired } : {}),
    };
    if (Object.keys(errors).length) return again({ ...precheck(input), ...errors }, 422);

    // A second submit of the same form shows the first one's receipt: no limit, no files, no new complaint.
    const earlier = await findComplaintBySubmissionKey(app.db, submissionKey);
    let prepared: PreparedAttachment[] = [];
    if (!earlier) {
      const limited = await limits.address(request, pow === 'valid');
      if (limited) return again({ _: limited }, 429);
      const files = await prepareAll(form);
      if (files.error) return again({ ...precheck(input), attachments: files.error }, 422);
      prepared = files.prepared;
    }
    const stored = await storeAttachments(app.complaintFiles, prepared);
    try {
      const filed = await fileComplaint(app.db, input, {
        channel: 'web',
        submissionKey,
        suggestedAgencyId: agency?.id,
        attachments: stored,
        limitContact: true,
        secret: app.config.secret,
        baseUrl: app.config.baseUrl,
      });
      if (filed.duplicate) await removeStoredAttachments(app.complaintFiles, stored);
      return sendReceipt(reply, app.config.baseUrl, filed);
    } catch (err) {
      await removeStoredAttachments(app.complaintFiles, stored);
      if (err instanceof TooManyRequestsError) return again({ reporter_email: err.message }, 429);
      const fieldErrors = errorsFrom(err);
      if (!fieldErrors) throw err;
      return again(fieldErrors, 422);
    }
  }

  const post = { preValidation: bufferForm, config: limits.route };
  const hide = { hide: true };
  const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;
  const hostAgency = (request: FastifyRequest) =>
    request.site.kind === 'agency' ? request.site.agency : null;

  app.get('/aduan', { schema: hide }, (request, reply) => blank(request, reply, hostAgency(request), true));
  app.post('/aduan', { schema: hide, ...post }, (request, reply) =>
    submit(request, reply, hostAgency(request), true),
  );
  app.get('/opd/:slug/aduan', { schema: { params: SlugParams, ...hide } }, async (request, reply) =>
    blank(request, reply, await getAgencyBySlug(app.db, slugOf(request)), false),
  );
  app.post('/opd/:slug/aduan', { schema: { params: SlugParams, ...hide }, ...post }, async (request, reply) =>
    submit(request, reply, await getAgencyBySlug(app.db, slugOf(request)), false),
  );
  // A fresh challenge for a form left open past its challenge's expiry (the script asks for it).
  app.get(
    '/aduan/tantangan',
    { schema: { querystring: ChallengeQuery, ...hide } },
    async (request, reply) => {
      const challenge = await newChallenge(keys, (request.query as { kunci: string }).kunci);
      return reply.header('cache-control', 'no-store').send(challenge);
    },
  );
  await receiptRoutes(app);
}
