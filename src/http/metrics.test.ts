import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ConfigError, loadConfig } from '../config.js';
import { buildTestApp, dialects } from '../test/app.js';

const TOKEN = 'prometheus-scrape-token-0123456789abcdef';

/** The value of one sample line, e.g. `name{label="x"} 3`; undefined when there is no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = (app: FastifyInstance, options: Omit<InjectOptions, 'url'> = {}) =>
  app.inject({ ...options, url: '/metrics' });

const requests = (route: string, status: string) =>
  `balairung_http_request_duration_seconds_count{method="GET",route="${route}",status_class="${status}"}`;

for (const dialect of dialects()) {
  describe(`GET /metrics (${dialect})`, () => {
    it('gives Prometheus the process, the requests by route pattern and the page cache', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await app.inject('/berita');
      await app.inject('/berita');
      await app.inject('/opd/dinkes');
      await app.inject('/opd/dishub');
      await app.inject('/tidak/ada/sama-sekali');
      await app.inject('/healthz');
      await scrape(app);
      const res = await scrape(app);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const text = res.body;
      for (const name of [
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_eventloop_lag_seconds',
        'nodejs_gc_duration_seconds',
      ]) {
        assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), `${name} is there`);
      }
      assert.equal(sample(text, requests('/berita', '2xx')), 2);
      assert.equal(sample(text, requests('/opd/:slug', '2xx')), 2, 'the pattern, not each address');
      assert.equal(sample(text, requests('(unmatched)', '4xx')), 1);
      assert.doesNotMatch(text, /route="\/(metrics|healthz|opd\/dinkes)"/);
      // The second /berita was a page-cache hit; the first of each page a miss that stored it.
      assert.equal(sample(text, 'balairung_page_cache_hits_total'), 1);
      assert.equal(
        sample(text, 'balairung_page_cache_fast_hits_total'),
        0,
        'app.inject goes through Fastify',
      );
      assert.equal(sample(text, 'balairung_page_cache_misses_total'), 3);
      assert.equal(sample(text, 'balairung_page_cache_entries'), 3);
      assert.ok((sample(text, 'balairung_page_cache_bytes') ?? 0) > 0);
    });

    it('is the site’s 404 to anyone but a direct local client when no token is set', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const missing = await app.inject({ url: '/tidak-ada', remoteAddress: '203.0.113.9' });
      const refused = [
        await scrape(app, { remoteAddress: '203.0.113.9' }),
        await scrape(app, { remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${TOKEN}` } }),
        // a proxy on this machine passing on a visitor: the socket is local, the visitor is not
        await scrape(app, { headers: { 'x-forwarded-for': '203.0.113.9' } }),
        await scrape(app, { headers: { forwarded: 'for=203.0.113.9' } }),
        await scrape(app, { headers: { 'x-real-ip': '203.0.113.9' } }),
      ];
      for (const res of refused) {
        assert.equal(res.statusCode, 404);
        assert.equal(res.headers['content-type'], missing.headers['content-type']);
        assert.doesNotMatch(res.body, /balairung_|process_/);
      }
      assert.equal((await scrape(app, { remoteAddress: '::1' })).statusCode, 200);
      assert.equal((await scrape(app, { remoteAddress: '::ffff:127.0.0.1' })).statusCode, 200);
    });

    it('lets Prometheus in from elsewhere with BALAIRUNG_METRICS_TOKEN, even behind a proxy', async (t) => {
      const { app } = await buildTestApp(t, dialect, {
        BALAIRUNG_METRICS_TOKEN: TOKEN,
        BALAIRUNG_BASE_URL: 'https://pontianak.go.id',
      });
      const from = { remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': '198.51.100.2' } };
      const bearer = (token: string) => ({ ...from, headers: { ...from.headers, authorization: token } });
      assert.equal((await scrape(app, bearer(`Bearer ${TOKEN}`))).statusCode, 200);
      assert.equal((await scrape(app, bearer(`bearer ${TOKEN}`))).statusCode, 200);
      for (const wrong of [
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        TOKEN,
        'Bearer ',
        `Basic ${TOKEN}`,
      ]) {
        assert.equal((await scrape(app, bearer(wrong))).statusCode, 404, wrong.slice(0, 12));
      }
      assert.equal((await scrape(app, from)).statusCode, 404);
      // X-Forwarded-For is the visitor's to write: naming loopback in it opens nothing.
      const spoofed = { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } };
      assert.equal((await scrape(app, spoofed)).statusCode, 404);
    });
  });
}

describe('BALAIRUNG_METRICS_TOKEN', () => {
  it('must be at least 32 characters without spaces, or the app does not start', () => {
    const base = { BALAIRUNG_SECRET: 'x'.repeat(32), BALAIRUNG_DATA_DIR: '/tmp/balairung-config-test' };
    assert.equal(loadConfig(base).metricsToken, undefined);
    assert.equal(loadConfig({ ...base, BALAIRUNG_METRICS_TOKEN: TOKEN }).metricsToken, TOKEN);
    for (const bad of ['pendek', `${'a'.repeat(20)} ${'b'.repeat(20)}`]) {
      assert.throws(
        () => loadConfig({ ...base, BALAIRUNG_METRICS_TOKEN: bad }),
        (err: unknown) => err instanceof ConfigError && /BALAIRUNG_METRICS_TOKEN/.test(err.message),
      );
    }
  });
});
