import { formatDate, formatDateTime } from '../../time/format.js';
import { Details } from '../../views/components.js';
import { labels } from '../messages.js';
import type { AgencyLink, TimelineEntry, TrackedComplaint } from '../tracking.presenter.js';

/** Stars as text a screen reader reads well: "Nilai 4 dari 5". */
export function Stars({ value }: { value: number }) {
  return (
    <span class="stars">
      <span aria-hidden="true">{'★'.repeat(value) + '☆'.repeat(5 - value)}</span>
      <span class="visually-hidden">Nilai {value} dari 5</span>
    </span>
  );
}

function OpdLink({ agency }: { agency: AgencyLink }) {
  return <a href={`/opd/${agency.slug}`}>{agency.name}</a>;
}

/** The one line a citizen looks for first: who has it, and by when. */
export function DeadlineLine({ complaint, timeZone }: { complaint: TrackedComplaint; timeZone: string }) {
  if (complaint.deadline) {
    return (
      <p class="tracking__deadline">
        <strong>
          {labels.deadline[complaint.deadline.kind]}: {formatDate(complaint.deadline.at, timeZone)}
        </strong>
      </p>
    );
  }
  if (complaint.status === 'on_hold')
    return (
      <p class="tracking__deadline">
        <strong>Batas waktu berhenti sementara</strong> sampai pelapor mengirim informasi yang diminta.
      </p>
    );
  return null;
}

/** Code, status, OPD, class and category: what anyone with the code may see. */
export function Summary({ complaint, timeZone }: { complaint: TrackedComplaint; timeZone: string }) {
  return (
    <section class="tracking__summary" aria-labelledby="ringkasan-laporan">
      <h2 id="ringkasan-laporan" class="visually-hidden">
        Ringkasan
      </h2>
      <p class="tracking__status">
        Status: <span class={`status status--${complaint.status}`}>{labels.status[complaint.status]}</span>
      </p>
      <DeadlineLine complaint={complaint} timeZone={timeZone} />
      <Details
        items={[
          { label: 'Nomor tiket', value: <span class="tracking__code">{complaint.trackingCode}</span> },
          { label: 'Jenis laporan', value: labels.class[complaint.class] },
          { label: 'Kategori', value: complaint.categoryName ?? '' },
          {
            label: 'OPD yang menangani',
            value: complaint.agency ? (
              <OpdLink agency={complaint.agency} />
            ) : (
              'Masih di koordinator Pusat Aduan (belum diteruskan ke OPD)'
            ),
          },
          {
            label: 'OPD pendamping',
            value: complaint.coAgencies.length
              ? complaint.coAgencies.map((a, i) => (
                  <span key={a.slug}>
                    {i ? ', ' : ''}
                    <OpdLink agency={a} />
                  </span>
                ))
              : '',
          },
          { label: 'Diterima', value: formatDate(complaint.receivedAt, timeZone) },
        ]}
      />
    </section>
  );
}

/** The OPD's answers, newest first, above the timeline: what the citizen came for. */
export function Answers({ answers, timeZone }: { answers: TimelineEntry[]; timeZone: string }) {
  if (!answers.length) return null;
  return (
    <section class="tracking__answers" aria-labelledby="tanggapan-opd">
      <h2 id="tanggapan-opd">Tanggapan</h2>
      {answers.map((a) => (
        <article key={a.id} class="answer">
          <p class="answer__meta">
            {a.agencyName ?? 'OPD'} · <time dateTime={a.at}>{formatDateTime(a.at, timeZone)}</time>
          </p>
          <p class="answer__text">{a.message}</p>
        </article>
      ))}
    </section>
  );
}

/** Every public step, oldest first, as an ordered list (the order is the meaning). */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="riwayat-laporan">
      <h2 id="riwayat-laporan">Riwayat</h2>
      <ol class="timeline">
        {entries.map((e) => (
          <li key={e.id} class={`timeline__item timeline__item--${e.action}`}>
            <p class="timeline__label">
              <strong>{e.label}</strong>
              {e.action === 'assign' && e.agencyName ? `: ${e.agencyName}` : ''}
              {e.action !== 'assign' && e.agencyName ? ` (${e.agencyName})` : ''}
            </p>
            <p class="timeline__time">
              <time dateTime={e.at}>{formatDateTime(e.at, timeZone)}</time>
            </p>
            {e.stars ? (
              <p>
                <Stars value={e.stars} />
              </p>
            ) : null}
            {e.message ? <p class="timeline__message">{e.message}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
