import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/*
 * /metrics for Prometheus (text format, prom-client).
 *
 * Who may read it: the figures tell an outsider how busy the city's services are and which pages
 * fail, so the route pretends not to exist (the site's 404) unless the scrape comes
 * - straight from this machine: a loopback socket with no forwarding header. The socket, not
 *   request.ip: behind a proxy on the same machine every visitor arrives over loopback, and with
 *   trustProxy on request.ip is read from X-Forwarded-For, which a visitor can write;
 * - or with `Authorization: Bearer <BALAIRUNG_METRICS_TOKEN>`, when that is set.
 *
 * What it counts:
 * - the process (prom-client's defaults: resident memory, heap, event-loop lag, GC, handles);
 * - every request Fastify answers, as a histogram by method, route pattern and status class (its
 *   `_count` is the request count). The pattern (`/berita/:postSlug`), never the URL, so the number
 *   of series stays bounded whatever addresses visitors invent; unmatched addresses share one label.
 *   /metrics and /healthz are left out: the scraper and the health probe would be most of the traffic.
 *   Page-cache hits served in front of Fastify never reach these hooks: they are counted by the
 *   page cache itself, read at each scrape below.
 */

export const METRICS_URL = '/metrics';
const UNCOUNTED_ROUTES = new Set([METRICS_URL, '/healthz']);
const UNMATCHED_ROUTE = '(unmatched)';
/** Seconds; fine at the low end, where the targets are (p99 ≤ 30 ms), coarse above a second. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsOptions {
  /** BALAIRUNG_METRICS_TOKEN; undefined lets only loopback in */
  token: string | undefined;
}

let processRegistry: Registry | undefined;

/**
 * The process's own figures belong to the process, not to an app: one registry however many apps a
 * process builds (the test suites build hundreds), so the GC and event-loop observers start once.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** A client on this machine talking to us directly, not a visitor a local proxy passes on. */
export function isDirectLoopback(request: FastifyRequest): boolean {
  const address = request.raw.socket.remoteAddress ?? '';
  return LOOPBACK.test(address) && FORWARDING_HEADERS.every((h) => request.headers[h] === undefined);
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compared by digest, in constant time: neither the token nor its length leaks through timing. */
function hasToken(request: FastifyRequest, token: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return token !== undefined && match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

function httpMetrics(registry: Registry) {
  return new Histogram({
    name: 'balairung_http_request_duration_seconds',
    help: 'Requests answered by the app (page-cache hits served before the app are not here), by route pattern',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
}

/** The page cache's own tallies, read when Prometheus asks (they include hits served before Fastify). */
function pageCacheMetrics(app: FastifyInstance, registry: Registry): void {
  const stats = () => (app.hasDecorator('pageCache') ? app.pageCache.stats() : undefined);
  const counter = (name: string, key: 'hits' | 'fastHits' | 'misses', help: string) =>
    new Counter({
      name: `balairung_page_cache_${name}_total`,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(stats()?.[key] ?? 0);
      },
    });
  const gauge = (name: 'entries' | 'bytes', help: string) =>
    new Gauge({
      name: `balairung_page_cache_${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(stats()?.[name] ?? 0);
      },
    });
  counter('hits', 'hits', 'Public pages answered from the page cache');
  counter('fast_hits', 'fastHits', 'Of those, answered before the app (in no request figure or log line)');
  counter('misses', 'misses', 'Cacheable public pages that had to be rendered');
  gauge('entries', 'Pages held in the page cache');
  gauge('bytes', 'Memory the page cache holds, in bytes');
}

export const metricsPlugin = fp(async (app: FastifyInstance, options: MetricsOptions) => {
  const registry = new Registry();
  const requests = httpMetrics(registry);
  pageCacheMetrics(app, registry);

  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    if (!UNCOUNTED_ROUTES.has(route)) {
      requests.observe(
        { method: request.method, route, status_class: statusClass(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    }
    done();
  });

  app.get(
    METRICS_URL,
    {
      schema: { hide: true },
      onRequest: (request, reply, done) => {
        if (isDirectLoopback(request) || hasToken(request, options.token)) done();
        else reply.callNotFound();
      },
    },
    async (_request, reply) => {
      const text = (await processMetrics().metrics()) + (await registry.metrics());
      return reply.header('cache-control', 'no-store').type(registry.contentType).send(text);
    },
  );
});
