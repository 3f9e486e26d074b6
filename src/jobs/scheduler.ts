import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { runComplaintDeadlines } from '../complaints/complaints.jobs.js';
import { sendDailyDigest } from '../complaints/digest.js';
import { runDailyRetention } from '../complaints/retention.js';
import { deliverDueMail } from '../mail/outbox.js';
import { publishDuePosts } from '../news/news.workflow.js';
import { runMonitoringAlerts, sendWeeklyDigest } from '../monitoring/monitoring.jobs.js';
import { runBreachDeadlineAlerts } from '../privacy/breaches.jobs.js';

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

/** One job of the app: its name, how many ticks apart it runs, and what it does (in its domain). */
interface Job {
  name: string;
  everyTicks: number;
  run: () => Promise<object | null>;
}

/** Only runs that did something are worth a log line. */
const didWork = (result: object | null): boolean =>
  result !== null && Object.values(result).some((v) => typeof v === 'number' && v > 0);

/**
 * The app's timed work, each job on a runner of its own so a slow one (a mail server that hangs)
 * never holds up another. Exactly-once never depends on these runners (several processes may each
 * run them): it lives in each job's own SQL.
 *   publish-due-posts  every tick      conditional UPDATE on the post's status
 *   deliver-mail       every tick      claim by conditional UPDATE on the attempt count
 *   complaint-deadlines every 10 ticks (5 min) auto-close and reminders
 *   complaint-digest   every tick, mails once a working day from 07.00 (job_runs row)
 *   complaint-retention every tick, works once a local day
 *   monitoring-digest  every tick, mails once a week from Monday 07.00 (job_runs row)
 *   monitoring-alerts  every 10 ticks, tells the super admins once per fall (monitoring_alerts row)
 *   breach-alerts      every 10 ticks, once per incident (conditional UPDATE, src/privacy)
 */
export function startScheduler(app: FastifyInstance, options: SchedulerOptions = {}): Runner {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const log = app.log.child({ component: 'scheduler' });
  const context = { baseUrl: app.config.baseUrl };
  const jobs: Job[] = [
    {
      name: 'publish-due-posts',
      everyTicks: 1,
      run: async () => ({ published: await publishDuePosts(app.db) }),
    },
    {
      name: 'deliver-mail',
      everyTicks: 1,
      run: async () => ({ sent: await deliverDueMail(app.db, app.mailer) }),
    },
    { name: 'complaint-deadlines', everyTicks: 10, run: () => runComplaintDeadlines(app.db, context) },
    {
      name: 'complaint-digest',
      everyTicks: 1,
      run: async () => ({ mails: await sendDailyDigest(app.db, context) }),
    },
    {
      name: 'complaint-retention',
      everyTicks: 1,
      run: async () => runDailyRetention(app.db, app.complaintFiles),
    },
    {
      name: 'monitoring-digest',
      everyTicks: 1,
      run: async () => ({ mails: await sendWeeklyDigest(app.db, context) }),
    },
    { name: 'monitoring-alerts', everyTicks: 10, run: () => runMonitoringAlerts(app.db, context) },
    { name: 'breach-alerts', everyTicks: 10, run: () => runBreachDeadlineAlerts(app.db, context) },
  ];
  const runners = jobs.map(({ name, everyTicks, run }) =>
    startRunner({
      name,
      log,
      intervalMs: intervalMs * everyTicks,
      job: async () => {
        const result = await run();
        if (didWork(result)) log.info({ job: name, ...result }, 'scheduled job done');
      },
    }),
  );
  return { stop: async () => void (await Promise.all(runners.map((r) => r.stop()))) };
}
