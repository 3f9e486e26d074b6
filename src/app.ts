import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config.js';
import { createDatabase, type Db, type Dialect } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { MEDIA_URL_PREFIX, type Storage } from './storage/storage.js';
import { createStorages } from './storage/storages.js';
import multipart from '@fastify/multipart';
import { ensureInstallation, type SeedResult } from './seed/seed.js';
import { lazySerializerCompiler } from './http/serialization.js';
import { validatorCompiler } from './http/validation.js';
import { registerErrorHandlers, sendError } from './http/errors.js';
import { AppError } from './errors.js';
import { t } from './i18n/index.js';
import { securityHeadersFor, securityPlugin } from './http/security.js';
import { csrfPlugin } from './http/csrf.js';
import { pagePlugin } from './http/page.js';
import { pageCachePlugin } from './http/page-cache.js';
import { fastPathServer } from './http/fast-path.js';
import { staticAssetsPlugin } from './http/static-assets.js';
import { tenantPlugin } from './http/tenant.js';
import { legacyQueryRedirects, legacyRedirectFor } from './imports/redirects.js';
import { authPlugin } from './http/auth.js';
import { openApiPlugin } from './api/openapi.js';
import { loggingOptions } from './http/logging.js';
import { metricsPlugin } from './http/metrics.js';
import { requestContextPlugin, requestIdGenerator } from './http/request-context.js';
import { ASSET_PREFIX, PUBLIC_DIR } from './views/assets.js';
import portalRoutes from './portal/portal.routes.js';
import agencyPages from './agencies/agencies.routes.js';
import newsPages from './news/news.routes.js';
import feedRoutes from './news/feeds.routes.js';
import newsAdmin from './news/news.admin.routes.js';
import revisionsAdmin from './news/revisions.admin.routes.js';
import quickPostAdmin from './news/quick.admin.routes.js';
import agencyAdmin from './agencies/agencies.admin.routes.js';
import installationAdmin from './agencies/installation.admin.routes.js';
import holidaysAdmin from './time/holidays.admin.routes.js';
import agencyApi from './agencies/agencies.api.js';
import sessionRoutes from './accounts/sessions.routes.js';
import accountRoutes from './accounts/account.routes.js';
import memberAdmin from './accounts/members.admin.routes.js';
import accountApi from './accounts/accounts.api.js';
import apiDocs from './api/docs.routes.js';
import mediaAdmin from './media/media.routes.js';
import mediaApi from './media/media.api.js';
import newsApi from './news/news.api.js';
import searchPages from './search/search.routes.js';
import searchApi from './search/search.api.js';
import agencyPagesPublic from './pages/pages.routes.js';
import pagesAdmin from './pages/pages.admin.routes.js';
import { MAX_UPLOAD_BYTES } from './media/limits.js';
import { startScheduler, type SchedulerOptions } from './jobs/scheduler.js';
import { rateLimitStore } from './http/rate-limit.store.js';
import complaintFiling from './complaints/filing.routes.js';
import complaintTracking from './complaints/tracking.routes.js';
import complaintsAdmin from './complaints/complaints.admin.routes.js';
import complaintsApi from './complaints/complaints.api.js';
import open311 from './complaints/open311.routes.js';
import open311ClientsApi from './complaints/open311.clients.api.js';
import standardsPublic from './standards/standards.routes.js';
import standardsAdmin from './standards/standards.admin.routes.js';
import standardsApi from './standards/standards.api.js';
import auditAdmin from './audit/audit.admin.routes.js';
import helpAdmin from './help/help.admin.routes.js';
import monitoringAdmin from './monitoring/monitoring.admin.routes.js';
import assessmentAdmin from './assessment/assessment.admin.routes.js';
import breachesAdmin from './privacy/breaches.admin.routes.js';
import monitoringApi from './monitoring/monitoring.api.js';
import guardAdmin from './guard/guard.admin.routes.js';
import importsAdmin from './imports/imports.admin.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dialect: Dialect;
    config: Config;
    mailer: Mailer;
    storage: Storage;
    /** complaint attachments: private, served only through routes that check who asks */
    complaintFiles: Storage;
    /** every route as registered, for tests that sweep the route table (tenant isolation, hostile input) */
    routeList: readonly { method: string; url: string }[];
  }
}

export interface BuiltApp {
  app: FastifyInstance;
  seed: SeedResult;
}

/** The table of contents: infrastructure, then app plugins, then each domain's routes. */
export interface BuildOptions {
  /** where log lines go (tests read them); default stdout */
  logStream?: NodeJS.WritableStream;
  /** the timed jobs (src/jobs): run by default, off under NODE_ENV=test unless options are given here */
  scheduler?: SchedulerOptions | false;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<BuiltApp> {
  const https = config.baseUrl.startsWith('https://');
  const applySecurityHeaders = securityHeadersFor(https);
  const app = Fastify({
    ...loggingOptions(config.logLevel, options.logStream),
    trustProxy: https,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    genReqId: requestIdGenerator(https),
    // Kept public pages are answered before Fastify's hooks run (src/http/fast-path.ts).
    serverFactory: fastPathServer,
    // Errors Fastify raises before routing (a malformed %-escape in the path) get our page too.
    // Hooks (and so helmet) have not run for these: the same headers are set on the raw response.
    frameworkErrors: (_error, request, reply) => {
      applySecurityHeaders(request.raw, reply.raw);
      void sendError(request, reply, new AppError(400, 'bad_url', t.errors.badUrl));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(lazySerializerCompiler(() => app.getSchemas()));
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });

  // Infrastructure
  const database = createDatabase({
    url: config.databaseUrl,
    schema: config.databaseSchema,
    dataDir: config.dataDir,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  app.decorate('config', config);
  app.decorate(
    'mailer',
    createMailer(config.smtpUrl, `Balairung <noreply@${new URL(config.baseUrl).hostname}>`, app.log),
  );
  // The data folder by default; a bucket when BALAIRUNG_STORAGE_URL is set (src/storage/).
  const storages = await createStorages(config);
  app.decorate('storage', storages.media);
  app.decorate('complaintFiles', storages.complaintFiles);
  app.addHook('onClose', async () => {
    app.mailer.close();
    storages.close();
    await database.close();
  });
  await migrateToLatest(database);
  const seed = await ensureInstallation(database.db, config);

  // App plugins
  // A 404 on an agency's host may be an address of its old WordPress site (src/imports).
  registerErrorHandlers(app, legacyRedirectFor);
  await app.register(requestContextPlugin);
  await app.register(metricsPlugin, { token: config.metricsToken });
  await app.register(cookie, { secret: config.secret });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(securityPlugin, { https });
  // Pages and the stylesheet shrink to about a quarter: it matters on a slow phone connection.
  // A page up to syncThreshold is compressed in one call (a millisecond or two at this size) rather than
  // through a stream: on two cores the default (8 KB) streamed every list page, and each response in
  // flight held a Brotli context of its own in native memory: the queue, signed in, under load left
  // the process 70-90 MB larger (measured), and glibc does not give such memory back.
  await app.register(compress, { threshold: 1024, syncThreshold: 256 * 1024, encodings: ['br', 'gzip'] });
  await app.register(pageCachePlugin, { versionCacheMs: config.env === 'test' ? 0 : 100 });
  // Counted in Redis or PostgreSQL when set, so every app process shares each limit.
  await app.register(rateLimit, { global: false, enableDraftSpec: true, ...(await rateLimitStore(app)) });
  // Asset URLs carry a content hash (src/views/assets.ts): cached for a year, compressed once.
  await app.register(staticAssetsPlugin, { root: PUBLIC_DIR, base: ASSET_PREFIX });
  // Uploaded photos: every key is unique to one processed file, so a year's cache is safe.
  if (storages.mediaRoot)
    await app.register(fastifyStatic, {
      root: storages.mediaRoot,
      prefix: MEDIA_URL_PREFIX,
      decorateReply: false,
      maxAge: '365d',
      immutable: true,
    });
  // The AWS SDK is loaded only on object storage (~25 MB a process on the local folder need not carry).
  else if (storages.s3Media)
    await app.register((await import('./storage/s3.routes.js')).default, { storage: storages.s3Media });
  // Photos arrive one per request (the phone form uploads each with its own progress bar).
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 4096 },
  });
  await app.register(openApiPlugin);
  await app.register(tenantPlugin);
  await app.register(authPlugin);
  await app.register(legacyQueryRedirects);
  await app.register(csrfPlugin, { secure: https });
  await app.register(pagePlugin, { secure: https });

  // Public site
  await app.register(portalRoutes);
  await app.register(agencyPages);
  await app.register(newsPages);
  await app.register(feedRoutes);
  await app.register(searchPages);
  await app.register(agencyPagesPublic);
  await app.register(complaintFiling);
  await app.register(complaintTracking);
  await app.register(standardsPublic);
  await app.register(sessionRoutes);
  // Admin area
  await app.register(accountRoutes, { prefix: '/admin/akun' });
  await app.register(agencyAdmin, { prefix: '/admin' });
  await app.register(installationAdmin, { prefix: '/admin' });
  await app.register(holidaysAdmin, { prefix: '/admin' });
  await app.register(memberAdmin, { prefix: '/admin' });
  await app.register(mediaAdmin, { prefix: '/admin' });
  await app.register(newsAdmin, { prefix: '/admin' });
  await app.register(pagesAdmin, { prefix: '/admin' });
  await app.register(revisionsAdmin, { prefix: '/admin' });
  await app.register(quickPostAdmin, { prefix: '/admin' });
  await app.register(complaintsAdmin, { prefix: '/admin' });
  await app.register(standardsAdmin, { prefix: '/admin' });
  await app.register(auditAdmin, { prefix: '/admin' });
  await app.register(helpAdmin, { prefix: '/admin' });
  await app.register(monitoringAdmin, { prefix: '/admin' });
  await app.register(assessmentAdmin, { prefix: '/admin' });
  await app.register(breachesAdmin, { prefix: '/admin' });
  await app.register(guardAdmin, { prefix: '/admin' });
  await app.register(importsAdmin, { prefix: '/admin' });
  // JSON API
  await app.register(accountApi, { prefix: '/api/v1' });
  await app.register(agencyApi, { prefix: '/api/v1' });
  await app.register(mediaApi, { prefix: '/api/v1' });
  await app.register(newsApi, { prefix: '/api/v1' });
  await app.register(searchApi, { prefix: '/api/v1' });
  await app.register(complaintsApi, { prefix: '/api/v1' });
  await app.register(open311ClientsApi, { prefix: '/api/v1' });
  await app.register(standardsApi, { prefix: '/api/v1' });
  await app.register(monitoringApi, { prefix: '/api/v1' });
  await app.register(open311, { prefix: '/open311/v2' });
  await app.register(apiDocs, { prefix: '/api' });

  // Timed jobs. Tests call the job functions directly, so under test the runner waits to be asked.
  const interval = config.jobIntervalMs ? { intervalMs: config.jobIntervalMs } : undefined;
  const jobs = options.scheduler ?? interval ?? (config.env === 'test' ? false : {});
  if (jobs) {
    const scheduler = startScheduler(app, jobs);
    // onClose hooks run last-registered first: the runner stops before the database closes.
    app.addHook('onClose', () => scheduler.stop());
  }

  return { app, seed };
}
