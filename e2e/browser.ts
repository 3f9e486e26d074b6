import { createServer, type AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { after, before } from 'node:test';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Phones are the main device of the people these sites serve. */
export const PHONE_VIEWPORT = { width: 360, height: 740 } as const;

/** The password every demo account gets in these tests. */
export const DEMO_PASSWORD = 'demo-password-123';

/**
 * Undefined when the browser suites can run, otherwise the reason to skip them.
 * In CI a missing browser is a broken machine, not a reason to skip, so it throws there.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const why = `${CHROMIUM_PATH} not found (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run in CI: ${why}`);
  return `browser tests skipped: ${why}`;
}

export interface TestServer {
  /** Where the app listens, e.g. http://127.0.0.1:41234, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Boots the real app in-process on a fresh SQLite database with the demo city, on a free port;
 * `env` adds configuration (e.g. map tiles); `prepare` adds data before it listens.
 */
export async function startServer(
  env: Record<string, string> = {},
  prepare?: (app: FastifyInstance) => Promise<void>,
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'balairung-e2e-'));
  try {
    // The port is known before the app is built, so its absolute links (og:image, feeds) point at it.
    const port = await freePort();
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: dir,
      BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
      BALAIRUNG_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0000',
      NODE_ENV: 'test',
      PORT: String(port),
      ...env,
    });
    const { app } = await buildApp(config);
    if (prepare) await prepare(app);
    const address = await app.listen({ port, host: '127.0.0.1' });
    return {
      url: address.replace(/\/$/, ''),
      async close() {
        try {
          await app.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** What a browser suite works with: the app it drives and the Chromium driving it. */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Called inside a describe: starts the app (`start`, the demo city by default) and Chromium before
 * its tests and closes both after them. The suite's own before hooks run after these (node:test runs
 * hooks in the order they are added), so they can open pages at once.
 */
export function useBrowser(start: () => Promise<TestServer> = () => startServer()): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      assert.ok(server, 'the server starts in before()');
      return server;
    },
    get browser() {
      assert.ok(browser, 'the browser starts in before()');
      return browser;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      // The machine's network is closed: without these Chromium keeps trying to reach Google.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Pages opened with JavaScript off; axe cannot run inside them (see checkA11y). */
const scriptless = new WeakSet<Page>();

/** A page in its own context (own cookies) with a phone-sized viewport. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'id-ID', ...options });
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) scriptless.add(page);
  return page;
}

/** Opens a path of the test server and fails on anything but the expected HTTP status. */
export async function visit(page: Page, baseUrl: string, path: string, status = 200): Promise<void> {
  const response = await page.goto(`${baseUrl}${path}`);
  assert.ok(response, `no response for ${path}`);
  assert.equal(response.status(), status, `GET ${path} answered ${response.status()}, expected ${status}`);
}

/** The path of the page now shown, without the origin or query. */
export function currentPath(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Text of the page's one h1, whitespace collapsed. */
export async function mainHeading(page: Page): Promise<string> {
  const text = await page.getByRole('heading', { level: 1 }).textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Legacy mode runs axe inside the page itself instead of finishing each run in a new blank page: our
 * pages embed no frames of other origins, which that page exists for, and the results are the same
 * (checked on five page kinds) in half the time, which the browser suites spend mostly here.
 */
function runAxe(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
}

/**
 * axe needs promises to settle inside the page, which never happens with JavaScript off. So the DOM the
 * scriptless page shows is served again, at the same URL, to a page that may run axe but no page script
 * (CSP script-src 'none'), with <noscript> unwrapped so its content is audited as the visitor sees it.
 */
async function runAxeOnSnapshot(page: Page): Promise<AxeResults> {
  const url = page.url().replace(/#.*$/, '');
  const html = (await page.content()).replace(/<\/?noscript>/gi, '');
  const browser = page.context().browser();
  assert.ok(browser, 'the page has no browser to audit its snapshot in');
  const context = await browser.newContext({ viewport: page.viewportSize() ?? PHONE_VIEWPORT });
  try {
    const copy = await context.newPage();
    await copy.route(
      (candidate) => candidate.href === url,
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': "script-src 'none'" },
          body: html,
        }),
    );
    await copy.goto(url);
    return await runAxe(copy);
  } finally {
    await context.close();
  }
}

/** Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of what it found. */
export async function checkA11y(page: Page): Promise<void> {
  const results = scriptless.has(page) ? await runAxeOnSnapshot(page) : await runAxe(page);
  const report = results.violations.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((node) => `      ${node.target.map((part) => String(part)).join(' ')}`)
      .join('\n');
    return `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${targets}`;
  });
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} violation(s) on ${page.url()}:\n${report.join('\n')}`,
  );
}
