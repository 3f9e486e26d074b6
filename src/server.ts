import v8 from 'node:v8';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** What a shell reports for a process ended by the signal itself: 128 + its number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT_CODES;
/** After the timeout has cut the connections, how long closing may still take (a job stuck on SMTP). */
const AFTER_CUT_MS = 2_000;
/** How often, while stopping, connections whose last answer has gone out are closed. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops without dropping a request: on the first SIGTERM or SIGINT, app.close() closes the
 * listening socket (new connections are refused, so the proxy sends them to another process) and
 * the idle keep-alive connections; requests already being answered run to the end (one arriving on
 * a kept-alive connection meanwhile gets Fastify's 503 with Connection: close, which a proxy
 * retries elsewhere); then the onClose hooks stop the scheduler, waiting for a run in progress, and
 * close the database. Exit 0.
 *
 * Node closes the idle keep-alive connections once, when closing starts; a connection busy then is
 * kept alive after its answer and would hold the close open for the whole keep-alive timeout (72 s;
 * fastify/fastify#7044). So answers sent while stopping say `Connection: close`, and connections
 * that fall idle anyway (an answer already under way at the signal) are swept every IDLE_SWEEP_MS.
 *
 * Past `timeoutMs` the remaining connections are cut and the exit code is 1, so the supervisor's
 * log shows that some answers were lost. A second signal exits at once (an operator's second Ctrl-C).
 */
function stopGracefullyOn(app: FastifyInstance, timeoutMs: number): void {
  let stopping = false;
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });
  const stop = (signal: StopSignal) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting at once');
      process.exit(SIGNAL_EXIT_CODES[signal]);
    }
    stopping = true;
    app.log.info({ signal, timeoutMs }, 'shutting down: finishing the requests in flight');
    setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
    let cut = false;
    const timer = setTimeout(() => {
      cut = true;
      app.log.error({ timeoutMs }, 'requests still in flight at the shutdown timeout: cutting them');
      app.server.closeAllConnections();
      setTimeout(() => process.exit(1), AFTER_CUT_MS).unref();
    }, timeoutMs);
    app.close().then(
      () => {
        clearTimeout(timer);
        app.log.info('stopped');
        process.exit(cut ? 1 : 0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * How far V8 lets the heap grow past what was live at the last full collection before the next one:
 * 1.5×. V8's own factor (up to 4× when collections are quick) let a burst of signed-in requests or
 * filings pile up short-lived garbage promoted out of the young generation: resident memory climbed
 * ~10 MB a second through a queue flood, to 235–281 MB, before a collection took it back to ~190.
 * At 1.5× the same floods peak at 184–193 MB with no change in requests per second (bench/, issue 7).
 * Most of that garbage was each request itself, kept past its scavenges by a WeakMap until
 * request-context.ts stopped using one; this stays as the bound for whatever else is promoted.
 * Unlike a heap cap (--max-old-space-size) it refuses no allocation: a large WordPress import still
 * runs, with more collections. Read by V8 at each collection, so setting it here, before the app
 * is built, is the same as the command-line flag, for every way the server is started.
 */
const HEAP_GROWING_PERCENT = 50;

/** Only listens, logs and closes gracefully; everything else is in buildApp. */
async function main() {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { app, seed } = await buildApp(config);
  if (seed.generatedPassword) {
    // Printed once, at the start that created the demo city; it is not stored anywhere in clear.
    console.log(
      `\nKota demo dibuat. Kata sandi semua akun demo: ${seed.generatedPassword}\n` +
        `Masuk sebagai admin@pontianak.go.id di ${config.baseUrl}/masuk\n`,
    );
  }
  stopGracefullyOn(app, config.shutdownTimeoutMs);
  await app.listen({ port: config.port, host: config.host });
}

await main();
