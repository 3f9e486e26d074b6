import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { runComplaintDeadlines } from '../complaints/complaints.jobs.js';
import { sendDailyDigest } from '../complaints/digest.js';
import { runDailyRetention } from '../complaints/retention.js';
import { deliverDueMail } from '../mail/outbox.js';
import { publishDuePosts } from '../news/news.workflow.js';
import { runMonitoringAlerts, sendWeeklyDigest } from '../monitoring/monitoring.jobs.js';
import { runBreachDeadlineAlerts } from '../privacy/breaches.jobs.js';
import { purgeExpiredRateLimits } from '../http/rate-limit.store.js';
import { claimLease, leaseHolder, releaseLease } from './leases.js';

/** How often due work is looked for: a post scheduled for 10.00 is on the site by 10.00.30. */
export const DEFAULT_INTERVAL_MS = 30_000;

/**
 * A lease lasts this many of its job's intervals: a holder that misses a tick or two (a slow run,
 * a busy database) keeps it, and one that died is replaced within a few intervals.
 */
export const LEASE_INTERVALS = 3;

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

/** A runner's lease on its job (leases.ts): whoever holds it is the one process that runs the job. */
export interface RunnerLease {
  /** takes or renews the lease; true when this runner holds it */
  claim(): Promise<boolean>;
  /** gives it up, so another process takes over at its next tick */
  release(): Promise<void>;
}

export interface RunnerSpec {
  name: string;
  job: () => Promise<void>;
  log: RunnerLog;
  intervalMs: number;
  /** when given, each tick runs the job only if the lease is claimed; released on stop */
  lease?: RunnerLease;
}

/**
 * Runs `job` every `intervalMs`. A run still going when the next tick comes is not doubled: that
 * tick is skipped (but renews the lease, so a long run keeps it). With a lease, a tick whose claim
 * fails (another process holds it) does nothing. A failed run or claim is logged and the next tick
 * tries again; nothing is thrown. The timer is unref'd, so it never keeps the process alive.
 */
export function startRunner({ name, job, log, intervalMs, lease }: RunnerSpec): Runner {
  let running: Promise<void> | null = null;
  let renewing: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const logFailure = (err: unknown) => log.error({ err, job: name }, 'scheduled job failed');
  const run = async () => {
    if (lease && !(await lease.claim())) return;
    await job();
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      if (lease) renewing = lease.claim().catch(logFailure);
      return;
    }
    running = run()
      .catch(logFailure)
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
      await renewing;
      await lease?.release().catch(logFailure);
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
 *   purge-rate-limits  every 10 ticks, drops expired shared counters (src/http/rate-limit.store.ts)
 * Each job also has a lease (leases.ts), so only one process runs it at a time: less work and no
 * races to lose, on top of the SQL's guarantee.
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
    {
      name: 'purge-rate-limits',
      everyTicks: 10,
      run: async () => ({ purged: await purgeExpiredRateLimits(app.db) }),
    },
  ];
  const holder = leaseHolder();
  const runners = jobs.map(({ name, everyTicks, run }) =>
    startRunner({
      name,
      log,
      intervalMs: intervalMs * everyTicks,
      lease: {
        claim: () => claimLease(app.db, name, holder, LEASE_INTERVALS * intervalMs * everyTicks),
        release: () => releaseLease(app.db, name, holder),
      },
      job: async () => {
        const result = await run();
        if (didWork(result)) log.info({ job: name, ...result }, 'scheduled job done');
      },
    }),
  );
  return { stop: async () => void (await Promise.all(runners.map((r) => r.stop()))) };
}
