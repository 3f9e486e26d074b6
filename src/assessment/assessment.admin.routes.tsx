import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import type { Actor } from '../accounts/accounts.policy.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { AppError, ForbiddenError, NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { sendCsv } from '../http/csv.js';
import { errorsFrom, formState, validationErrors } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { findMediaByIds, listMedia } from '../media/media.repository.js';
import { bufferUpload, uploadOf, uploadRateLimit } from '../media/upload.js';
import { findServiceBySlug, type Service } from '../standards/standards.repository.js';
import { now } from '../time/clock.js';
import { todayIn } from '../time/zone.js';
import { emptyForm, type FormState } from '../views/context.js';
import { cityCsv, cityRows } from './assessment.city.js';
import { itemByKey, MANUAL_ITEMS } from './assessment.instrument.js';
import { agencyHistory, servicesResults } from './assessment.history.js';
import { canAssess, canReopenAssessment, canSeeCityAssessment } from './assessment.policy.js';
import {
  CityQuery,
  EvidenceParams,
  parseYear,
  ScoresInput,
  ServiceEvidenceParams,
  ServiceParams,
  YearParams,
} from './assessment.schemas.js';
import {
  attachEvidence,
  finalizeAssessmentYear,
  reopenAssessmentYear,
  loadAssessment,
  saveScores,
  type LoadedAssessment,
  type ScoreInput,
} from './assessment.service.js';
import { m } from './messages.js';
import { CityAssessmentPage } from './views/city.js';
import { AssessmentFormPage } from './views/form.js';
import { AssessmentOverviewPage } from './views/overview.js';
import { AssessmentPrintPage } from './views/print.js';

interface Scope {
  actor: Actor;
  agency: Agency;
  year: number;
  service: Service | undefined;
  /** the form's address */
  action: string;
}

/** The photos a form offers as evidence: the newest of the library is enough to choose from. */
const EVIDENCE_CHOICES = 40;

function valuesOf(loaded: LoadedAssessment): Record<string, string> {
  const values: Record<string, string> = {};
  for (const item of MANUAL_ITEMS) {
    const row = loaded.scores.get(item.key);
    values[`score_${item.key}`] = row?.score === null || row?.score === undefined ? '' : String(row.score);
    values[`note_${item.key}`] = row?.note ?? '';
    values[`evidence_${item.key}`] = row?.evidenceMediaId ?? '';
  }
  return values;
}

/** The self-assessment of an OPD and its services, and the city overview. Prefix: /admin */
export default async function assessmentAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);

  const currentYear = (request: FastifyRequest) => Number(todayIn(request.installation.timeZone).slice(0, 4));

  /** The agency, if the actor assesses it: anyone else (another OPD, a lesser role) gets a 404. */
  async function loadAgency(request: FastifyRequest): Promise<{ actor: Actor; agency: Agency }> {
    const actor = requireActor(request);
    const agency = await getAgencyBySlug(app.db, (request.params as { slug: string }).slug);
    if (!canAssess(actor, agency.id)) throw new NotFoundError();
    return { actor, agency };
  }

  async function loadScope(request: FastifyRequest): Promise<Scope> {
    const { actor, agency } = await loadAgency(request);
    const params = request.params as { year: string; service?: string };
    const year = parseYear(params.year, currentYear(request));
    if (year === null) throw new NotFoundError();
    let service: Service | undefined;
    if (params.service !== undefined) {
      // Only an address a service could have reaches the database (a NUL byte upsets PostgreSQL).
      if (!/^[a-z0-9-]{1,200}$/.test(params.service)) throw new NotFoundError();
      service = await findServiceBySlug(app.db, agency.id, params.service);
      if (!service) throw new NotFoundError();
    }
    const action = `/admin/opd/${agency.slug}/penilaian/${year}${service ? `/layanan/${service.slug}` : ''}`;
    return { actor, agency, year, service, action };
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: Scope,
    loaded: LoadedAssessment,
    form: FormState,
    status = 200,
  ) {
    const chosen = Object.entries(form.values).flatMap(([k, v]) =>
      k.startsWith('evidence_') && v ? [v] : [],
    );
    const [photos, evidence] = await Promise.all([
      listMedia(app.db, scope.agency.id, { limit: EVIDENCE_CHOICES, offset: 0 }),
      findMediaByIds(app.db, scope.agency.id, chosen),
    ]);
    return reply.page(
      <AssessmentFormPage
        ctx={pageContext(request, reply)}
        agency={scope.agency}
        year={scope.year}
        service={scope.service}
        loaded={loaded}
        form={form}
        photos={photos}
        evidence={new Map(evidence.map((p) => [p.id, p]))}
        action={scope.action}
      />,
      status,
    );
  }

  const formGet = async (request: FastifyRequest, reply: FastifyReply) => {
    const scope = await loadScope(request);
    const loaded = await loadAssessment(app.db, scope.agency, scope.year, scope.service);
    return showForm(request, reply, scope, loaded, emptyForm(valuesOf(loaded)));
  };

  const formPost = async (request: FastifyRequest, reply: FastifyReply) => {
    const scope = await loadScope(request);
    const loaded = await loadAssessment(app.db, scope.agency, scope.year, scope.service);
    const invalid = validationErrors(request);
    if (invalid) return showForm(request, reply, scope, loaded, formState(request, invalid), 422);
    try {
      await saveScores(app.db, scope.actor, scope.agency, loaded, request.body as ScoreInput, request.ip);
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields) return showForm(request, reply, scope, loaded, formState(request, fields), 422);
      throw err;
    }
    return reply.redirectWithFlash(scope.action, m.saved);
  };

  const evidencePost = async (request: FastifyRequest, reply: FastifyReply) => {
    const scope = await loadScope(request);
    const loaded = await loadAssessment(app.db, scope.agency, scope.year, scope.service);
    const item = itemByKey((request.params as { item: string }).item);
    // Not an item that takes a photo: the form was not ours. Said on the form, not as a missing page.
    if (!item?.photo)
      return showForm(
        request,
        reply,
        scope,
        loaded,
        { values: valuesOf(loaded), errors: { _: m.itemUnknown } },
        422,
      );
    const upload = uploadOf(request);
    const field = `file_${item.key}`;
    const refuse = (message: string, status = 422) =>
      showForm(
        request,
        reply,
        scope,
        loaded,
        { values: valuesOf(loaded), errors: { [field]: message } },
        status,
      );
    if (upload.error) return refuse(upload.error.fields?.file ?? upload.error.message, upload.error.status);
    if (!upload.file) return refuse(m.fileRequired);
    try {
      await attachEvidence(
        app.db,
        app.storage,
        scope.actor,
        scope.agency,
        loaded,
        item,
        upload.file,
        request.ip,
      );
    } catch (err) {
      const fields = errorsFrom(err);
      if (fields)
        return refuse(
          fields.file ?? Object.values(fields)[0] ?? m.fileRequired,
          err instanceof AppError ? err.status : 422,
        );
      throw err;
    }
    return reply.redirectWithFlash(scope.action, m.uploaded);
  };

  const printGet = async (request: FastifyRequest, reply: FastifyReply) => {
    const scope = await loadScope(request);
    const loaded = await loadAssessment(app.db, scope.agency, scope.year, scope.service);
    const services = scope.service ? [] : await servicesResults(app.db, scope.agency.id, scope.year);
    return reply.page(
      <AssessmentPrintPage
        ctx={pageContext(request, reply)}
        agency={scope.agency}
        year={scope.year}
        title={scope.service ? `${scope.agency.name} — ${scope.service.name}` : scope.agency.name}
        loaded={loaded}
        services={services}
        printedAt={now()}
      />,
    );
  };

  const upload = { preValidation: bufferUpload, config: uploadRateLimit(app.config) };
  const hide = { hide: true };

  app.get('/opd/:slug/penilaian', { schema: { params: SlugParams, ...hide } }, async (request, reply) => {
    const { agency } = await loadAgency(request);
    const history = await agencyHistory(app.db, agency.id);
    return reply.page(
      <AssessmentOverviewPage
        ctx={pageContext(request, reply)}
        agency={agency}
        currentYear={currentYear(request)}
        years={history.years}
        services={history.services}
      />,
    );
  });
  app.get('/opd/:slug/penilaian/:year', { schema: { params: YearParams, ...hide } }, formGet);
  app.post(
    '/opd/:slug/penilaian/:year',
    { schema: { params: YearParams, body: ScoresInput, ...hide }, attachValidation: true },
    formPost,
  );
  app.get('/opd/:slug/penilaian/:year/cetak', { schema: { params: YearParams, ...hide } }, printGet);
  app.post(
    '/opd/:slug/penilaian/:year/bukti/:item',
    { schema: { params: EvidenceParams, ...hide }, ...upload },
    evidencePost,
  );
  app.post(
    '/opd/:slug/penilaian/:year/kunci',
    { schema: { params: YearParams, ...hide } },
    async (request, reply) => {
      const scope = await loadScope(request);
      await loadAssessment(app.db, scope.agency, scope.year);
      await finalizeAssessmentYear(app.db, scope.actor, scope.agency, scope.year, request.ip);
      return reply.redirectWithFlash(scope.action, m.finalizedFlash(scope.year));
    },
  );
  app.post(
    '/opd/:slug/penilaian/:year/buka',
    { schema: { params: YearParams, ...hide } },
    async (request, reply) => {
      const scope = await loadScope(request);
      if (!canReopenAssessment(scope.actor)) throw new ForbiddenError();
      await reopenAssessmentYear(app.db, scope.actor, scope.agency, scope.year, request.ip);
      return reply.redirectWithFlash(scope.action, m.reopenedFlash(scope.year));
    },
  );
  const service = '/opd/:slug/penilaian/:year/layanan/:service';
  app.get(service, { schema: { params: ServiceParams, ...hide } }, formGet);
  app.post(
    service,
    { schema: { params: ServiceParams, body: ScoresInput, ...hide }, attachValidation: true },
    formPost,
  );
  app.get(`${service}/cetak`, { schema: { params: ServiceParams, ...hide } }, printGet);
  app.post(
    `${service}/bukti/:item`,
    { schema: { params: ServiceEvidenceParams, ...hide }, ...upload },
    evidencePost,
  );

  /** The city: every OPD's score for a year (the super admin only; to anyone else there is no page). */
  async function cityYear(request: FastifyRequest) {
    if (!canSeeCityAssessment(requireActor(request))) throw new NotFoundError();
    const current = currentYear(request);
    const year = parseYear((request.query as { tahun?: string }).tahun ?? '', current) ?? current;
    return { year, rows: await cityRows(app.db, year) };
  }
  app.get('/penilaian', { schema: { querystring: CityQuery, ...hide } }, async (request, reply) => {
    const { year, rows } = await cityYear(request);
    return reply.page(<CityAssessmentPage ctx={pageContext(request, reply)} year={year} rows={rows} />);
  });
  app.get('/penilaian.csv', { schema: { querystring: CityQuery, ...hide } }, async (request, reply) => {
    const { year, rows } = await cityYear(request);
    return sendCsv(reply, `penilaian-kepatuhan-${year}.csv`, cityCsv(rows, year));
  });
}
