import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { publishDuePosts } from '../news/news.workflow.js';

/** How often due work is looked for: a post scheduled for 10.00 is on the site by 10.00.30. */
export const DEFAULT_INTERVAL_MS = 30_000;

export interface SchedulerOptions {
  /** milliseconds between runs; default 30 s (tests pass a few milliseconds) */
  intervalMs?: number;
}

export interface Runner {
  /** Stops the timer and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/** Where a runner reports a failed run (the app's logger, or a recorder in tests). */
export type RunnerLog = Pick<FastifyBaseLogger, 'error'>;

export interface RunnerSpec {
  name: string;
  job: () => Promise<void>;
  log: RunnerLog;
  intervalMs: number;
}

/**
 * Runs `job` every `intervalMs`. A run still going when the next tick comes is not doubled: that
 * tick is skipped. A failed run is logged and the next tick tries again; nothing is thrown. The
 * timer is unref'd, so it never keeps the process alive on its own.
 */
export function startRunner({ name, job, log, intervalMs }: RunnerSpec): Runner {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = job()
      .catch((err: unknown) => log.error({ err, job: name }, 'scheduled job failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The app's timed work: publishing scheduled posts. Exactly-once publishing does not depend on
 * this runner (several processes may each run one): it lives in the conditional UPDATE of
 * `publishDuePosts`.
 */
export function startScheduler(app: FastifyInstance, options: SchedulerOptions = {}): Runner {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const log = app.log.child({ component: 'scheduler' });
  return startRunner({
    name: 'publish-due-posts',
    job: async () => {
      const published = await publishDuePosts(app.db);
      if (published > 0) log.info({ published }, 'scheduled posts published');
    },
    log,
    intervalMs,
  });
}
