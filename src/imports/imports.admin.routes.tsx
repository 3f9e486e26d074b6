import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { adminGuard } from '../accounts/admin-guard.js';
import { agencyIdsOf, isSuperAdmin } from '../accounts/accounts.policy.js';
import { loadAgencyFor } from '../agencies/agencies.admin.routes.js';
import { listAgencies } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { AppError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { formState } from '../http/forms.js';
import { pageContext } from '../http/page.js';
import { emptyForm, type FormState } from '../views/context.js';
import { jobView, startImportJob, trackJobs } from './imports.jobs.js';
import { canFetchMedia, canImport } from './imports.policy.js';
import { getJob, recentJobs } from './imports.repository.js';
import { bufferWxr, wxrUploadOf } from './imports.upload.js';
import { m } from './messages.js';
import { ImportJobPage } from './views/import-job.js';
import { ImportChooser, ImportPage, jobPath } from './views/import-form.js';
import { parseWxr } from './wordpress.parse.js';

const JobQuery = Type.Object({ tugas: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })) });

/** Importing an agency's WordPress site from the admin area. Prefix: /admin */
export default async function importsAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);
  trackJobs(app);

  const load = (request: FastifyRequest) =>
    loadAgencyFor(app, requireActor(request), (request.params as { slug: string }).slug, canImport);

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    agency: Agency,
    form: FormState,
    status = 200,
  ) {
    const jobs = (await recentJobs(app.db, agency.id)).map((j) => jobView(j));
    return reply.page(
      <ImportPage
        ctx={pageContext(request, reply)}
        agency={agency}
        form={form}
        jobs={jobs}
        canFetch={canFetchMedia(requireActor(request))}
      />,
      status,
    );
  }

  app.get('/impor', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const all = await listAgencies(app.db, isSuperAdmin(actor) ? {} : { ids: agencyIdsOf(actor) });
    const agencies = all.filter((a) => canImport(actor, a.id));
    return reply.page(<ImportChooser ctx={pageContext(request, reply)} agencies={agencies} />);
  });

  // One address for the form and for a job's progress (?tugas=ID): a job has no address of its own to guess.
  app.get(
    '/opd/:slug/impor',
    { schema: { params: SlugParams, querystring: JobQuery, hide: true } },
    async (request, reply) => {
      const agency = await load(request);
      const jobId = (request.query as { tugas?: string }).tugas;
      if (!jobId) return show(request, reply, agency, emptyForm());
      const job = await getJob(app.db, agency.id, jobId);
      return reply.page(
        <ImportJobPage ctx={pageContext(request, reply)} agency={agency} job={jobView(job)} />,
      );
    },
  );

  app.post(
    '/opd/:slug/impor',
    { schema: { params: SlugParams, hide: true }, preValidation: bufferWxr },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await load(request);
      const upload = wxrUploadOf(request);
      const refuse = (errors: Record<string, string>) =>
        show(request, reply, agency, formState(request, errors), 422);
      if (upload.error) return refuse(upload.error.fields ?? { file: upload.error.message });
      if (!upload.xml) return refuse({ file: m.fileRequired });
      let wxr;
      try {
        // Parsed before answering: a file that is not a WordPress export is said at once, beside the field.
        wxr = parseWxr(upload.xml);
      } catch (err) {
        if (err instanceof AppError && err.fields) return refuse(err.fields);
        throw err;
      }
      const fetchMedia = upload.fields.fetch_media === '1' && canFetchMedia(actor);
      const id = await startImportJob(app, agency, actor.userId, wxr, fetchMedia);
      return reply.redirectWithFlash(jobPath(agency, id), m.admin.started);
    },
  );
}
