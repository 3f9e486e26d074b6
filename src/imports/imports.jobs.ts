import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Agency } from '../agencies/agencies.table.js';
import { AppError } from '../errors.js';
import { createJob, updateJob } from './imports.repository.js';
import type { ImportJob } from './imports.table.js';
import type { ImportReport } from './imports.report.js';
import { m } from './messages.js';
import { importWordPress } from './wordpress.import.js';
import type { Wxr } from './wordpress.parse.js';

/** A job not touched for this long was cut off (the server restarted mid-import). */
const STALE_MS = 10 * 60 * 1000;

const running = new WeakMap<FastifyInstance, Set<Promise<void>>>();

/** Closing the app waits for imports under way, so none is cut off between two batches. */
export function trackJobs(app: FastifyInstance): void {
  running.set(app, new Set());
  app.addHook('onClose', async () => {
    await Promise.allSettled([...(running.get(app) ?? [])]);
  });
}

/** Records the job, answers at once, and imports in the background, writing progress to the row. */
export async function startImportJob(
  app: FastifyInstance,
  agency: Agency,
  actorId: string,
  wxr: Wxr,
  fetchMedia: boolean,
): Promise<string> {
  const id = randomUUID();
  await createJob(app.db, agency.id, actorId, id);
  const work = (async () => {
    try {
      await updateJob(app.db, id, { status: 'running' });
      const report = await importWordPress(app.db, {
        agency,
        wxr,
        media: fetchMedia ? { kind: 'fetch' } : null,
        actorId,
        storage: app.storage,
        onProgress: (done, total) => updateJob(app.db, id, { done, total }),
      });
      await updateJob(app.db, id, { status: 'done', report: JSON.stringify(report) });
    } catch (err) {
      app.log.error({ err, job: id }, 'wordpress import failed');
      const message = err instanceof AppError ? err.message : m.admin.failed;
      await updateJob(app.db, id, { status: 'failed', report: message }).catch(() => undefined);
    }
  })();
  const set = running.get(app);
  set?.add(work);
  void work.finally(() => set?.delete(work));
  return id;
}

export function jobView(job: ImportJob, at = Date.now()) {
  const stale =
    (job.status === 'running' || job.status === 'queued') && at - Date.parse(job.updatedAt) > STALE_MS;
  const status = stale ? ('failed' as const) : job.status;
  const report = status === 'done' ? (JSON.parse(job.report) as ImportReport) : null;
  const error = status === 'failed' ? job.report || m.admin.failed : null;
  return { ...job, status, report, error };
}
export type JobView = ReturnType<typeof jobView>;
