import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { withDemoActivity } from '../src/monitoring/monitoring.fixtures.js';
import { DEMO_PASSWORD, type TestServer } from './browser.js';

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
 * startServer (browser.ts) with the demo as `npm start` seeds it: recent posts and sign-ins, which
 * test apps otherwise leave out because other suites count the demo's posts.
 */
export async function startDemoServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'balairung-e2e-'));
  try {
    const port = await freePort();
    const config = loadConfig({
      BALAIRUNG_DATA_DIR: dir,
      BALAIRUNG_DEMO_PASSWORD: DEMO_PASSWORD,
      BALAIRUNG_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0000',
      NODE_ENV: 'test',
      PORT: String(port),
    });
    const { app } = await buildApp(config);
    await withDemoActivity(app);
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
