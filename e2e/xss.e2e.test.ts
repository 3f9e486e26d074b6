import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, browserSkipReason, checkA11y, useBrowser, newPage, visit } from './browser.js';
import { PAYLOADS } from './xss.payloads.js';

const AGENCY = 'dinkes';
const ADMIN = 'admin1@dinkes.pontianak.go.id';
const SUPER_ADMIN = 'admin@pontianak.go.id';
const MARK = 'Uji XSS';

interface Created {
  label: string;
  title: string;
  path: string;
}

/** What a rendered page shows of hostile markup, found by looking at the live DOM. */
interface Findings {
  handlers: string[];
  styles: string[];
  badUrls: string[];
  badTags: string[];
}

async function api<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function createPost(baseUrl: string, token: string, post: Record<string, string>): Promise<string> {
  const created = await api<{ slug: string; status: string }>(
    baseUrl,
    `/api/v1/agencies/${AGENCY}/posts`,
    { ...post, status: 'published' },
    token,
  );
  assert.equal(created.status, 'published');
  return `/opd/${AGENCY}/berita/${created.slug}`;
}

/**
 * Every element in the document with an event handler, a style attribute or a URL with a scheme that runs
 * or embeds content; and, inside the article body, any tag outside what a post body may hold.
 */
function inspect(page: Page): Promise<Findings> {
  // No named functions inside: tsx would wrap them in a helper (__name) that the page does not have.
  return page.evaluate(() => {
    const found: Findings = { handlers: [], styles: [], badUrls: [], badTags: [] };
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'background', 'xlink:href', 'srcdoc'];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        const shown = `<${el.localName} ${attr}="${value}">`;
        if (/^on/i.test(attr)) found.handlers.push(shown);
        if (attr === 'style') found.styles.push(shown);
        // Whitespace and control characters are dropped first, as browsers do when they read a scheme.
        const scheme = value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
        if (urlAttrs.includes(attr) && /^(javascript|vbscript|data:text|data:image\/svg)/.test(scheme))
          found.badUrls.push(shown);
      }
    }
    const bodyTags = new Set(
      'p br strong b em i u s sub sup a ul ol li h2 h3 h4 blockquote hr code pre figure figcaption img table thead tbody tr th td caption'.split(
        ' ',
      ),
    );
    for (const el of Array.from(document.querySelectorAll('.article__body *')))
      if (!bodyTags.has(el.localName)) found.badTags.push(el.localName);
    for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('.article__body a[href]')))
      if (!['http:', 'https:', 'mailto:'].includes(a.protocol)) found.badUrls.push(a.href);
    return found;
  });
}

/** A browser tab with its traps: what a payload that ran would have left. */
interface Tab {
  page: Page;
  sentinelHits: string[];
  dialogs: string[];
  popups: string[];
}

/** Pages rendered side by side: each waits 300 ms for timers to fire, and the waits overlap. */
const TABS = 4;

/** Runs `work` on each item, on `tabs` at once, each tab taking the next item when it is free. */
async function onTabs<T>(tabs: Tab[], items: readonly T[], work: (tab: Tab, item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    tabs.map(async (tab) => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(tab, item);
    }),
  );
}

describe('known XSS payloads in posts never run in Chromium', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  const tabs: Tab[] = [];
  const posts: Created[] = [];
  let rendered = 0;
  let pagesVisited = 0;
  /** Kinds of page already audited with axe: the other browser suites audit every kind; here, once each. */
  const audited = new Set<string>();

  /**
   * A tab whose sentinel, dialogs and pop-ups are recorded. The app's CSP would stop inline handlers
   * on its own; bypassing it tests the sanitiser and the escaping themselves, so a payload that got
   * through shows up here instead of hiding behind CSP.
   */
  async function openTab(): Promise<Tab> {
    const page = await newPage(suite.browser, { bypassCSP: true });
    const tab: Tab = { page, sentinelHits: [], dialogs: [], popups: [] };
    await page.exposeFunction('__xss', (label: unknown) => {
      tab.sentinelHits.push(`${String(label)} on ${page.url()}`);
    });
    page.on('dialog', (dialog) => {
      tab.dialogs.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
      void dialog.dismiss();
    });
    // Not the context's 'page' event: axe opens a blank page of its own to finish its run.
    page.on('popup', (popup) => tab.popups.push(popup.url()));
    return tab;
  }

  before(async () => {
    for (let i = 0; i < TABS; i++) tabs.push(await openTab());
  });
  /**
   * Opens a page, lets timers, animations and refreshes fire, then checks nothing ran or slipped in;
   * the first page of each `kind` (and every page given `audit`) is also checked for accessibility.
   */
  async function render(tab: Tab, path: string, kind: string = path, audit = false): Promise<void> {
    const { page } = tab;
    await visit(page, suite.server.url, path);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    assert.equal(page.url(), `${suite.server.url}${path}`, `${path} navigated away to ${page.url()}`);
    assert.deepEqual(tab.sentinelHits, [], 'a payload called the __xss sentinel');
    assert.deepEqual(tab.dialogs, [], 'a payload opened a dialog');
    assert.deepEqual(tab.popups, [], 'a payload opened a window');
    const found = await inspect(page);
    assert.deepEqual(
      found,
      { handlers: [], styles: [], badUrls: [], badTags: [] },
      `hostile markup on ${path}`,
    );
    const shown = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    rendered += posts.filter((p) => p.path === path || shown.includes(p.path)).length;
    pagesVisited += 1;
    if (audit || !audited.has(kind)) {
      audited.add(kind);
      await checkA11y(page);
    }
  }

  /** Renders a list page and every page after it (rel=next). */
  async function renderAll(tab: Tab, path: string): Promise<void> {
    const { page } = tab;
    let next: string | null = path;
    for (let guard = 0; next && guard < 20; guard++) {
      await render(tab, next, path);
      const links = page.locator('main a[rel=next]');
      const href = (await links.count()) ? await links.first().getAttribute('href') : null;
      next = href ? `${new URL(href, page.url()).pathname}${new URL(href, page.url()).search}` : null;
    }
  }

  it("catches a payload that does run, under the app's own headers (the traps work)", async () => {
    // On every tab: each has traps of its own.
    await Promise.all(
      tabs.map(async ({ page, sentinelHits, dialogs }) => {
        await visit(page, suite.server.url, '/');
        await page.evaluate(() => {
          document.body.insertAdjacentHTML(
            'beforeend',
            "<img src=x onerror=\"__xss('control'); alert('control')\">",
          );
        });
        await page.waitForFunction(() => document.readyState === 'complete');
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
        assert.equal(sentinelHits.length, 1, 'the __xss sentinel did not fire for an injected handler');
        assert.equal(dialogs.length, 1, 'the dialog trap did not catch alert()');
        sentinelHits.length = 0;
        dialogs.length = 0;
      }),
    );
  });

  it(`publishes ${PAYLOADS.length} payloads in title, summary and body, one post each, through the API`, async () => {
    assert.ok(PAYLOADS.length >= 30);
    const { token } = await api<{ token: string }>(suite.server.url, '/api/v1/auth/token', {
      email: ADMIN,
      password: DEMO_PASSWORD,
    });
    for (const [i, payload] of PAYLOADS.entries()) {
      const title = `${MARK} ${i + 1}: ${payload.html}`;
      const path = await createPost(suite.server.url, token, {
        title,
        summary: payload.html,
        body_html: `<p>Awal uji ${payload.label}.</p>${payload.html}<p>Akhir uji.</p>`,
      });
      posts.push({ label: payload.label, title, path });
    }
    // And all of them in one body, where one payload may try to close or open another's context.
    const path = await createPost(suite.server.url, token, {
      title: `${MARK} semua sekaligus`,
      body_html: PAYLOADS.map((p) => `<p>${p.label}</p>${p.html}`).join('\n'),
    });
    posts.push({ label: 'all', title: `${MARK} semua sekaligus`, path });
  });

  it('shows each title as text and runs no payload on any article page', async () => {
    await onTabs(tabs, posts, async (tab, post) => {
      // Every article is one kind of page; the one holding every payload at once is audited as well.
      await render(tab, post.path, 'article', post.label === 'all');
      const heading = await tab.page.getByRole('heading', { level: 1 }).innerText();
      assert.equal(heading.replace(/\s+/g, ' ').trim(), post.title.replace(/\s+/g, ' ').trim());
    });
  });

  it('runs no naughty string shown as a complaint, an agency profile or a service name', async () => {
    const { token } = await api<{ token: string }>(suite.server.url, '/api/v1/auth/token', {
      email: SUPER_ADMIN,
      password: DEMO_PASSWORD,
    });
    const naughty = PAYLOADS.filter((p) => p.label.startsWith('blns-'));
    assert.ok(naughty.length >= 10, 'a sample of the Big List of Naughty Strings');
    const joined = naughty.map((p) => p.html).join('\n');
    await api(
      suite.server.url,
      '/api/v1/agencies',
      {
        slug: 'uji-blns',
        kind: 'dinas',
        name: `Dinas ${naughty[0]!.html}`,
        short_name: 'Uji',
        description: joined,
        address: naughty[1]!.html,
      },
      token,
    );
    for (const p of naughty)
      await api(
        suite.server.url,
        '/api/v1/agencies/uji-blns/services',
        { name: p.html, status: 'published' },
        token,
      );
    // Complaint titles and texts, on each complaint's public tracking page.
    const complaints: string[] = [];
    for (const [i, p] of naughty
      .filter((n) => n.html.trim().length >= 5)
      .slice(0, 3)
      .entries()) {
      const filed = await api<{ tracking_code: string }>(suite.server.url, '/api/v1/complaints', {
        class: 'pengaduan',
        title: p.html,
        description: `Uraian uji: ${joined}`.slice(0, 5000),
        category: 'jalan-jembatan',
        reporter: { name: p.html.slice(0, 100), email: `blns-${i}@example.com` },
        anonymous: false,
        confidential: false,
        consent: true,
      });
      complaints.push(`/aduan/lacak?kode=${filed.tracking_code}`);
    }
    const [tab] = tabs;
    assert.ok(tab);
    await onTabs(tabs, complaints, (t, path) => render(t, path, 'tracking'));
    for (const path of ['/opd/uji-blns', '/opd/uji-blns/layanan', '/layanan']) await render(tab, path);
    // The last page rendered lists every service: each name is there as text, not as markup.
    const text = (await tab.page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const p of naughty) assert.ok(text.includes(p.html.replace(/\s+/g, ' ').trim()), `${p.label} shown`);
  });

  it('runs no payload on the agency home, the portal, /berita and search', async (t) => {
    // Two single pages, then each list with its following pages on whichever tab is free.
    const lists = ['/berita', `/opd/${AGENCY}/berita`, `/cari?q=${encodeURIComponent('uji xss')}`];
    const work: ((tab: Tab) => Promise<void>)[] = [
      ...[`/opd/${AGENCY}`, '/'].map((path) => (tab: Tab) => render(tab, path)),
      ...lists.map((path) => (tab: Tab) => renderAll(tab, path)),
    ];
    await onTabs(tabs, work, (tab, run) => run(tab));
    t.diagnostic(
      `${PAYLOADS.length} payloads (+1 post with all of them), ${pagesVisited} pages rendered, ` +
        `${rendered} post × page renderings checked`,
    );
  });
});
