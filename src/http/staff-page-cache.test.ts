import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { SESSION_COOKIE } from '../accounts/sessions.js';
import { CSRF_COOKIE } from './csrf.js';
import { staffPageCache } from './staff-page-cache.js';

/*
 * The cache on a bare Fastify app whose page counts its renders and takes a moment to render, so
 * that requests can arrive while one is under way. The queue's own behaviour on the real app
 * (the person's key, their writes, another OPD) is in src/complaints/complaints.queue.kept.test.ts.
 */

async function appWithPage(t: { after: (fn: () => Promise<unknown>) => void }, setCookie = false) {
  const app = Fastify();
  await app.register(cookie);
  const cache = staffPageCache(app, 60_000);
  let renders = 0;
  app.get('/antrean', (request, reply) =>
    cache.serve(request, reply, async () => {
      renders += 1;
      const n = renders;
      if (setCookie) void reply.header('set-cookie', `baru=${n}; Path=/`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return `<p>render ${n}</p>`;
    }),
  );
  await app.ready();
  t.after(() => app.close());
  return { app, renders: () => renders };
}

const asPerson = (session: string) => ({
  cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=c-${session}`,
});

describe('staffPageCache with requests arriving while the page renders', () => {
  it("gives the same person's requests in flight the one render under way", async (t) => {
    const { app, renders } = await appWithPage(t);
    const pages = await Promise.all(
      Array.from({ length: 8 }, () => app.inject({ url: '/antrean', headers: asPerson('ani') })),
    );
    assert.equal(renders(), 1);
    for (const page of pages) {
      assert.equal(page.statusCode, 200);
      assert.equal(page.body, '<p>render 1</p>');
    }
  });

  it('renders for another person beside it, never handing them the first one', async (t) => {
    const { app, renders } = await appWithPage(t);
    const [ani, budi] = await Promise.all([
      app.inject({ url: '/antrean', headers: asPerson('ani') }),
      app.inject({ url: '/antrean', headers: asPerson('budi') }),
    ]);
    assert.equal(renders(), 2);
    assert.notEqual(ani.body, budi.body);
  });

  it('lets each request render its own page when the one under way set a cookie (it is not kept)', async (t) => {
    const { app, renders } = await appWithPage(t, true);
    const pages = await Promise.all(
      Array.from({ length: 3 }, () => app.inject({ url: '/antrean', headers: asPerson('ani') })),
    );
    assert.equal(renders(), 3);
    assert.deepEqual(new Set(pages.map((p) => p.headers['set-cookie'])).size, 3);
  });
});
