import { t } from '../../i18n/index.js';
import { ErrorSummary, Notice, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { TrackedComplaint } from '../tracking.presenter.js';
import { CitizenActions, OwnData } from './tracking-citizen.js';
import { Answers, Summary, Timeline } from './tracking-timeline.js';

export const TRACKING_PATH = '/aduan/lacak';

export const trackingMessages = {
  codeMissing: 'Isi nomor tiket laporan Anda.',
  codeInvalid: (example: string) =>
    `Nomor tiket tidak dikenali. Nomor tiket terdiri dari huruf dan angka, misalnya ${example}.`,
  notFoundOrPrivate:
    'Laporan dengan nomor tiket ini tidak ditemukan, atau laporan ini rahasia. Bila laporan ini milik Anda, buka tautan pribadi dari email tanda terima atau dari halaman setelah Anda mengirim laporan.',
  keyMismatch:
    'Nomor tiket atau kunci akses tidak cocok. Buka lagi tautan pribadi dari email tanda terima, persis seperti yang kami kirim.',
  done: {
    add_info: 'Informasi tambahan Anda sudah kami terima.',
    accept: 'Terima kasih. Tanggapan diterima dan laporan ditutup.',
    reopen: 'Laporan dibuka kembali dan diteruskan lagi kepada OPD.',
    rate: 'Terima kasih atas penilaian Anda.',
  },
};

export type LookupOutcome =
  | { kind: 'blank' }
  | { kind: 'invalid' }
  | { kind: 'not_found'; message: string }
  | { kind: 'found'; complaint: TrackedComplaint };

interface TrackingPageProps {
  ctx: PageContext;
  /** what was typed in the code field, and its message */
  lookup: FormState;
  outcome: LookupOutcome;
  /** the citizen forms' typed values and messages (409 and 422 come back here) */
  form?: FormState;
  /** a tracking code in this installation's form, for the hints */
  example: string;
}

/** The lookup form: a GET form, so the page of a code can be bookmarked and shared (without the key). */
function LookupForm({ lookup, example }: { lookup: FormState; example: string }) {
  return (
    <form method="get" action={TRACKING_PATH} class="stack lookup" role="search" aria-label="Lacak laporan">
      <TextInput
        name="kode"
        label="Nomor tiket"
        hint={`Contoh: ${example}. Huruf besar atau kecil sama saja.`}
        form={lookup}
        autocomplete="off"
        spellcheck={false}
        maxLength={40}
      />
      <button class="button" type="submit">
        Lacak
      </button>
    </form>
  );
}

/** /aduan/lacak: find a complaint by its code; with the private link, the citizen's own view. */
export function TrackingPage({ ctx, lookup, outcome, form, example }: TrackingPageProps) {
  const tz = ctx.installation.timeZone;
  const complaint = outcome.kind === 'found' ? outcome.complaint : null;
  const title = complaint ? `Laporan ${complaint.trackingCode}` : 'Lacak laporan';
  const errors = { ...lookup.errors, ...(form?.errors ?? {}) };
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/', label: t.nav.home },
        { href: '/aduan', label: 'Pusat Aduan' },
      ]}
    >
      <ErrorSummary errors={errors} />
      {complaint ? (
        <>
          <p class="tracking__eyebrow">
            Laporan {complaint.trackingCode}
            {complaint.own ? ' · tampilan pribadi Anda' : ''}
          </p>
          <h1>{complaint.title}</h1>
          <Summary complaint={complaint} timeZone={tz} />
          <Answers answers={complaint.answers} timeZone={tz} />
          {complaint.own ? (
            <CitizenActions
              own={complaint.own}
              code={complaint.trackingCode}
              csrfToken={ctx.csrfToken}
              form={form ?? { values: {}, errors: {} }}
            />
          ) : null}
          <Timeline entries={complaint.timeline} timeZone={tz} />
          {complaint.own ? (
            <OwnData own={complaint.own} timeZone={tz} />
          ) : (
            <Notice>
              <p>
                Identitas pelapor tidak pernah ditampilkan di halaman ini. Pelapor dapat menambahkan
                informasi, menerima atau membuka kembali tanggapan, dan memberi penilaian lewat tautan
                pribadinya.
              </p>
            </Notice>
          )}
          <h2>Lacak laporan lain</h2>
          <LookupForm lookup={{ values: {}, errors: {} }} example={example} />
        </>
      ) : (
        <>
          <h1>Lacak laporan</h1>
          <p class="lead">
            Masukkan nomor tiket untuk melihat siapa yang menangani laporan, batas waktunya, dan tanggapannya.
          </p>
          {outcome.kind === 'not_found' ? (
            <div class="notice notice--warning" role="status">
              <p>{outcome.message}</p>
            </div>
          ) : null}
          <LookupForm lookup={lookup} example={example} />
          <p>
            <a href="/aduan">Buat laporan baru</a> · <a href="/aduan/laporan">Laporan warga</a> ·{' '}
            <a href="/aduan/kinerja">Kinerja OPD</a>
          </p>
        </>
      )}
    </Layout>
  );
}
