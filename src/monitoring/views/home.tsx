import type { HealthRow } from '../monitoring.service.js';
import { labels } from '../messages.js';

/** What the admin home shows of monitoring: the reader's OPDs' problems, or the OPDs in red for the super admin. */
export interface HomeMonitoring {
  superAdmin: boolean;
  rows: Pick<HealthRow, 'slug' | 'name' | 'score' | 'zone' | 'problems'>[];
}

export function homeMonitoringOf(superAdmin: boolean, rows: readonly HealthRow[]): HomeMonitoring {
  return {
    superAdmin,
    rows: rows.filter((r) => (superAdmin ? r.zone === 'merah' : r.problems.length > 0)),
  };
}

/** A card on the admin home: a link to the dashboard, with the notices that need someone's hand. */
export function MonitoringCard({ data }: { data: HomeMonitoring }) {
  return (
    <section class="card" aria-labelledby="judul-pemantauan">
      <h2 class="card__title" id="judul-pemantauan">
        Pemantauan
      </h2>
      <p>
        <a href="/admin/monitoring">{labels.title}</a>
      </p>
      {data.superAdmin ? (
        data.rows.length ? (
          <div class="notice notice--warning">
            <p>{data.rows.length} OPD di zona merah:</p>
            <ul>
              {data.rows.map((r) => (
                <li key={r.slug}>
                  <a href={`/admin/monitoring/${r.slug}`}>{r.name}</a> (skor {r.score}):{' '}
                  {r.problems.join(' ')}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>Tidak ada OPD di zona merah.</p>
        )
      ) : (
        data.rows.map((r) => (
          <div class="notice notice--warning" key={r.slug}>
            <p>
              <a href={`/admin/monitoring/${r.slug}`}>{r.name}</a>: skor {r.score}, zona{' '}
              {labels.zone[r.zone].toLowerCase()}.
            </p>
            <ul>
              {r.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
