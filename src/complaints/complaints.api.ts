import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { findAgencyBySlug } from '../agencies/agencies.repository.js';
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { Choice, Text, errorResponses as err } from '../http/schema.js';
import { now } from '../time/clock.js';
import { actOnComplaint, type Caller } from './complaints.actions.js';
import { dueSoonBefore, loadClocks } from './complaints.deadlines.js';
import { complaintScope } from './complaints.policy.js';
import {
  ComplaintCategoryJson,
  ComplaintFiledJson,
  ComplaintJson,
  ComplaintListJson,
} from './complaints.json.js';
import {
  ACTION_SUMMARY,
  presentComplaint,
  presentQueue,
  agencyMap,
  loadRefs,
  type Audience,
} from './complaints.presenter.js';
import { listQueue } from './complaints.queries.js';
import { readComplaint, type ComplaintView, type Reader } from './complaints.read.js';
import { listCategories } from './complaints.repository.js';
import { ActionInput, CITIZEN_ACTIONS, ComplaintInput } from './complaints.schemas.js';
import { fileComplaint } from './complaints.service.js';
import { COMPLAINT_STATUSES } from './complaints.table.js';
import { normalizeTrackingCode } from './tracking-code.js';

const PER_PAGE = 50;

const CodeParams = Type.Object({ tracking_code: Type.String({ minLength: 1, maxLength: 40 }) });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      title: 'Idempotency-Key',
      pattern: '^[A-Za-z0-9._:-]{8,100}$',
      'x-error': 'Idempotency-Key harus 8–100 huruf, angka atau . _ : -, misalnya sebuah UUID.',
      description: 'Kunci sekali pakai: permintaan yang diulang dengan kunci yang sama mencatat satu aduan',
    }),
  ),
});
const ReadQuery = Type.Object({ access_key: Type.Optional(Text('Kunci akses', 100, { required: false })) });
const ListQuery = Type.Object({
  status: Type.Optional(Choice('Status', COMPLAINT_STATUSES)),
  agency: Type.Optional(Text('OPD', 60, { required: false, description: 'slug OPD' })),
  overdue: Type.Optional(Type.Boolean({ title: 'Lewat batas', description: 'true: hanya yang lewat batas' })),
  page: Type.Integer({ title: 'Halaman', minimum: 1, maximum: 10_000, default: 1 }),
});

/** The service names the form's fields (reporter_email); the API nests them (reporter.email). */
function asApiFields(error: unknown): unknown {
  if (!(error instanceof ValidationError) || !error.fields) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([k, v]) => [k.replace(/^reporter_/, 'reporter.'), v]),
  );
  return new ValidationError(fields, error.message);
}

/** A bearer token that names nobody is refused, rather than quietly read as the public. */
function tokenActor(request: FastifyRequest) {
  if (request.headers.authorization && !request.actor) throw new UnauthenticatedError();
  return request.actor;
}

function codeOf(request: FastifyRequest): string {
  const code = normalizeTrackingCode((request.params as Static<typeof CodeParams>).tracking_code);
  if (!code) throw new NotFoundError();
  return code;
}

const audienceOf = (reader: Reader): Audience =>
  reader.kind === 'staff' ? 'staff' : reader.kind === 'citizen' ? 'citizen' : 'public';

/** Who acts: the citizen for their own steps with the key, otherwise the staff member of the token. */
function callerFor(request: FastifyRequest, action: string, accessKey: string | undefined): Caller {
  const actor = tokenActor(request);
  const citizenStep = (CITIZEN_ACTIONS as readonly string[]).includes(action);
  if (accessKey && (citizenStep || !actor)) return { kind: 'citizen', accessKey };
  if (actor) return { kind: 'staff', actor };
  if (citizenStep) throw new ValidationError({ access_key: 'Kunci akses wajib diisi.' });
  throw new UnauthenticatedError();
}

/**
 * /api/v1: the complaint centre for apps. Filing is public (rate-limited per address, and per
 * contact in the service); reading is public by code, the citizen's with the access key, staff
 * by token within complaintScope; steps go through actOnComplaint (404 / 403 / 409 / 422).
 */
export default async function complaintsApi(app: FastifyInstance) {
  const { db } = app;
  const filingLimit = {
    rateLimit: app.config.rateLimit ? { max: 30, timeWindow: '1 minute' } : (false as const),
  };

  async function present(view: ComplaintView, reader: Reader) {
    return presentComplaint(view, await loadRefs(db, view.complaint), audienceOf(reader), now());
  }

  app.get(
    '/complaint-categories',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Kategori aduan (sama dengan layanan Open311)',
        response: { 200: Type.Array(ComplaintCategoryJson) },
      },
    },
    async () => {
      const [categories, agencies] = await Promise.all([listCategories(db), agencyMap(db)]);
      return categories.map((c) => ({
        code: c.code,
        name: c.name,
        agency: c.defaultAgencyId ? (agencies.get(c.defaultAgencyId)?.slug ?? null) : null,
      }));
    },
  );

  app.post(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Sampaikan aduan (publik, tanpa akun; dibatasi per alamat dan per kontak)',
        headers: IdempotencyHeaders,
        body: ComplaintInput,
        response: { 201: ComplaintFiledJson, ...err([400, 409, 413, 415, 422, 429]) },
      },
      config: filingLimit,
    },
    async (request, reply) => {
      const input = request.body as ComplaintInput;
      const key = (request.headers as Static<typeof IdempotencyHeaders>)['idempotency-key'];
      const filed = await fileComplaint(db, input, {
        channel: 'api',
        limitContact: true,
        ...(key ? { submissionKey: `api:${key}` } : {}),
        secret: app.config.secret,
        baseUrl: app.config.baseUrl,
      }).catch((error: unknown) => {
        throw asApiFields(error);
      });
      const { complaint } = filed;
      // A reused key answers only for the same report: a guessed key must not hand out another's access key.
      if (
        filed.duplicate &&
        (complaint.title !== input.title.trim() || complaint.description !== input.description.trim())
      ) {
        throw new ConflictError('Idempotency-Key ini sudah dipakai untuk laporan lain. Buat kunci baru.');
      }
      if (filed.duplicate) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send({
        tracking_code: complaint.trackingCode,
        access_key: filed.accessKey,
        status: complaint.status,
        deadline_at: complaint.deadlineAt,
      });
    },
  );

  app.get(
    '/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Antrean aduan petugas (koordinator: semua; OPD: yang ditugaskan kepadanya; peran lain: daftar kosong)',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: ComplaintListJson, ...err([401, 422]) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const query = request.query as Static<typeof ListQuery>;
      let agencyId: string | undefined;
      if (query.agency?.trim()) {
        const agency = await findAgencyBySlug(db, query.agency.trim());
        if (!agency) throw new ValidationError({ agency: 'OPD tidak ditemukan.' });
        agencyId = agency.id;
      }
      const at = now();
      const clocks = await loadClocks(db);
      const page = await listQueue(db, complaintScope(actor), {
        tab: query.overdue ? 'overdue' : 'all',
        status: query.status,
        agencyId,
        at,
        dueSoonBefore: dueSoonBefore(clocks, at),
        page: query.page,
        perPage: PER_PAGE,
      });
      return presentQueue(page, await agencyMap(db), at);
    },
  );

  app.get(
    '/complaints/:tracking_code',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Satu aduan: tampilan publik; dengan access_key tampilan pelapor; dengan token tampilan petugas',
        security: [{}, { bearer: [] }],
        params: CodeParams,
        querystring: ReadQuery,
        response: { 200: ComplaintJson, ...err([401, 404, 422]) },
      },
    },
    async (request) => {
      const code = codeOf(request);
      const { access_key } = request.query as Static<typeof ReadQuery>;
      const actor = tokenActor(request);
      const reader: Reader = access_key
        ? { kind: 'citizen', accessKey: access_key }
        : actor
          ? { kind: 'staff', actor }
          : { kind: 'public' };
      return present(await readComplaint(db, reader, code, request.ip), reader);
    },
  );

  app.post(
    '/complaints/:tracking_code/actions',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Ambil satu langkah alur aduan',
        description: ACTION_SUMMARY,
        security: [{}, { bearer: [] }],
        params: CodeParams,
        body: ActionInput,
        response: { 200: ComplaintJson, ...err([400, 401, 403, 404, 409, 422]) },
      },
    },
    async (request) => {
      const code = codeOf(request);
      const { access_key: accessKey, ...step } = request.body as ActionInput;
      const caller = callerFor(request, step.action, accessKey);
      const updated = await actOnComplaint(db, caller, code, step, { baseUrl: app.config.baseUrl });
      try {
        return await present(await readComplaint(db, caller, code, request.ip), caller);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        // The step took it out of the caller's reach (an OPD returned it): show what the step did, no more.
        const bare: ComplaintView = {
          complaint: updated,
          assigneeIds: [],
          events: [],
          attachments: [],
          reporterVisible: false,
          parties: [],
          actions: [],
        };
        return present(bare, caller);
      }
    },
  );
}
