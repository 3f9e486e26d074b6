import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { Counts, ImportReport } from '../imports.report.js';
import type { JobView } from '../imports.jobs.js';
import { m } from '../messages.js';
import { importPath } from './import-form.js';

const r = m.report;
/** A long report stays readable: the first notes in full, the count of the rest. */
const MAX_NOTES = 200;

function CountRow({ label, c }: { label: string; c: Counts }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{c.created}</td>
      <td>{c.updated}</td>
      <td>{c.unchanged}</td>
      <td>{c.skipped}</td>
    </tr>
  );
}

function Report({ report }: { report: ImportReport }) {
  const md = report.media;
  return (
    <section aria-labelledby="judul-laporan">
      <h2 id="judul-laporan">{r.title}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">{r.created}</th>
            <th scope="col">{r.updated}</th>
            <th scope="col">{r.unchanged}</th>
            <th scope="col">{r.skipped}</th>
          </tr>
        </thead>
        <tbody>
          <CountRow label={r.posts} c={report.posts} />
          <CountRow label={r.pages} c={report.pages} />
          <CountRow
            label={r.media}
            c={{ created: md.created, updated: 0, unchanged: md.unchanged, skipped: md.skipped + md.failed }}
          />
        </tbody>
      </table>
      <p>
        {r.redirects}: {report.redirects}. {r.seconds(report.seconds.toFixed(1))}
      </p>
      {report.held.length ? (
        <>
          <h3>{r.held}</h3>
          <ul>
            {report.held.map((h) => (
              <li key={h.path}>{h.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.mediaFailures.length ? (
        <ul>
          {report.mediaFailures.slice(0, MAX_NOTES).map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
      {report.warnings.length ? (
        <>
          <h3>{r.warnings}</h3>
          <ul>
            {report.warnings.slice(0, MAX_NOTES).map((w) => (
              <li key={w.link}>
                {w.title}
                <ul>
                  {w.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {report.warnings.length > MAX_NOTES ? <p>… +{report.warnings.length - MAX_NOTES}</p> : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * One import: a <progress> bar that refreshes itself every few seconds while the job runs (a meta
 * refresh: no script, nothing for the CSP to allow), then the report.
 */
export function ImportJobPage({ ctx, agency, job }: { ctx: PageContext; agency: Agency; job: JobView }) {
  const busy = job.status === 'queued' || job.status === 'running';
  return (
    <Layout
      ctx={ctx}
      title={`${m.admin.title} — ${agency.shortName}`}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: importPath(agency), label: m.admin.title },
      ]}
      head={busy ? <meta http-equiv="refresh" content="3" /> : undefined}
    >
      <h1>{m.admin.title}</h1>
      <p>
        <label for="kemajuan">{m.admin.progress}</label>
        <br />
        <progress
          id="kemajuan"
          max={job.total || 1}
          value={job.status === 'done' ? job.total || 1 : job.done}
        >
          {job.done}/{job.total}
        </progress>
      </p>
      <p role="status">
        {job.status === 'done'
          ? m.admin.done
          : job.status === 'failed'
            ? `${m.admin.failed} ${job.error ?? ''}`
            : job.status === 'queued'
              ? m.admin.queued
              : m.admin.running(job.done, job.total)}
      </p>
      {job.report ? <Report report={job.report} /> : null}
    </Layout>
  );
}
