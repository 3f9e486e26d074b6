import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../time/format.js';
import {
  Button,
  ErrorSummary,
  FieldError,
  fieldId,
  Form,
  Notice,
  TextInput,
} from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { SubjectExport } from '../data-requests.js';
import { labels } from '../messages.js';
import type { ComplaintStatus } from '../complaints.table.js';
import { a } from './admin-messages.js';
import { QUEUE_PATH } from './admin-queue.js';

export const DATA_REQUESTS_PATH = `${QUEUE_PATH}/permintaan-data`;

const m = {
  title: 'Permintaan data pribadi',
  intro:
    'Untuk warga yang meminta salinan atau penghapusan data pribadinya (UU 27/2022 tentang Pelindungan Data Pribadi). Pastikan dahulu identitas peminta, misalnya dengan KTP di loket atau balasan dari alamat email yang sama.',
  findTitle: 'Cari data warga',
  findHint: 'Isi salah satu: email, nomor WhatsApp, atau kode lacak beserta kunci aksesnya.',
  email: 'Email warga',
  phone: 'Nomor WhatsApp atau telepon',
  code: 'Kode lacak',
  key: 'Kunci akses',
  find: 'Cari',
  none: 'Tidak ada laporan dengan data pribadi yang cocok. Data yang sudah dihapus (retensi atau permintaan sebelumnya) tidak ditampilkan.',
  found: (n: number) => `Ditemukan ${n} laporan dengan data pribadi warga ini.`,
  reporter: 'Data pelapor',
  name: 'Nama',
  nik: 'NIK',
  consent: 'Persetujuan',
  timeline: 'Riwayat yang dilihat warga',
  files: 'Lampiran',
  noFiles: 'Tidak ada lampiran.',
  at: 'Waktu',
  step: 'Langkah',
  message: 'Pesan',
  fileName: 'Nama berkas',
  fileSize: 'Ukuran',
  fileBy: 'Diunggah oleh',
  byCitizen: 'Warga',
  byStaff: 'Petugas',
  downloadTitle: 'Salinan untuk warga',
  downloadHint: 'Berkas JSON berisi semua data di halaman ini, untuk diserahkan kepada warga.',
  download: 'Unduh salinan (JSON)',
  eraseTitle: 'Hapus data pribadi',
  eraseHint:
    'Nama, email, nomor telepon dan NIK dikosongkan di semua laporan di atas, foto dan berkas dari warga dihapus, dan email untuknya di antrean surat dibuang. Isi laporan dan riwayatnya tetap disimpan. Tindakan ini tidak bisa dibatalkan.',
  confirm: 'Identitas peminta sudah saya periksa, dan ia meminta data pribadinya dihapus',
  erase: 'Hapus data pribadi',
};

const crumbs = [
  { href: '/admin', label: t.nav.admin },
  { href: QUEUE_PATH, label: a.queueTitle },
];

/** The subject's identifiers, carried from the search to the download and erasure forms. */
function Carried({ values }: { values: Record<string, string> }) {
  return (
    <>
      {['email', 'phone', 'tracking_code', 'access_key'].map((name) => (
        <input key={name} type="hidden" name={name} value={values[name] ?? ''} />
      ))}
    </>
  );
}

function ConfirmCheck({ form }: { form: FormState }) {
  const id = fieldId('confirm');
  const error = form.errors.confirm;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <FieldError id={id} error={error} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={id}
          name="confirm"
          value="ya"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label for={id}>{m.confirm}</label>
      </div>
    </div>
  );
}

type Item = SubjectExport['complaints'][number];

function ComplaintData({ item, timeZone }: { item: Item; timeZone: string }) {
  const r = item.reporter;
  return (
    <section class="stack" aria-labelledby={`pd-${item.tracking_code}`}>
      <h3 id={`pd-${item.tracking_code}`}>
        {item.tracking_code}: {item.title}
      </h3>
      <p>
        {labels.status[item.status as ComplaintStatus] ?? item.status} ·{' '}
        {formatDateTime(item.received_at, timeZone)}
      </p>
      <dl class="details">
        {[
          [m.name, r.name],
          [m.email, r.email],
          [m.phone, r.phone],
          [m.nik, r.nik],
          [m.consent, item.consent_at ? formatDateTime(item.consent_at, timeZone) : '—'],
        ].map(([label, value]) => (
          <div class="details__row" key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      <div class="table-wrap">
        <table class="table">
          <caption>{m.timeline}</caption>
          <thead>
            <tr>
              <th scope="col">{m.at}</th>
              <th scope="col">{m.step}</th>
              <th scope="col">{m.message}</th>
            </tr>
          </thead>
          <tbody>
            {item.events.map((v, i) => (
              <tr key={i}>
                <td>{formatDateTime(v.at, timeZone)}</td>
                <td>{(labels.action as Record<string, string>)[v.action] ?? v.action}</td>
                <td>{v.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {item.attachments.length ? (
        <div class="table-wrap">
          <table class="table">
            <caption>{m.files}</caption>
            <thead>
              <tr>
                <th scope="col">{m.fileName}</th>
                <th scope="col">{m.fileSize}</th>
                <th scope="col">{m.fileBy}</th>
              </tr>
            </thead>
            <tbody>
              {item.attachments.map((f, i) => (
                <tr key={i}>
                  <td>{f.name}</td>
                  <td>{Math.ceil(f.bytes / 1024)} KB</td>
                  <td>{f.uploaded_by === 'citizen' ? m.byCitizen : m.byStaff}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{m.noFiles}</p>
      )}
    </section>
  );
}

function Found({ ctx, data, form }: { ctx: PageContext; data: SubjectExport; form: FormState }) {
  if (!data.complaints.length) return <Notice>{m.none}</Notice>;
  const timeZone = ctx.installation.timeZone;
  return (
    <section class="stack" aria-labelledby="judul-hasil">
      <h2 id="judul-hasil">{m.found(data.complaints.length)}</h2>
      {data.complaints.map((item) => (
        <ComplaintData key={item.tracking_code} item={item} timeZone={timeZone} />
      ))}
      <h2>{m.downloadTitle}</h2>
      <p>{m.downloadHint}</p>
      <Form action={`${DATA_REQUESTS_PATH}/unduh`} csrfToken={ctx.csrfToken}>
        <Carried values={form.values} />
        <Button variant="secondary">{m.download}</Button>
      </Form>
      <h2 id="hapus">{m.eraseTitle}</h2>
      <p>{m.eraseHint}</p>
      <Form action={`${DATA_REQUESTS_PATH}/hapus`} csrfToken={ctx.csrfToken}>
        <Carried values={form.values} />
        <ConfirmCheck form={form} />
        <Button variant="danger">{m.erase}</Button>
      </Form>
    </section>
  );
}

/** The search form, and once a subject is found, their data with the download and erase forms. */
export function DataRequestsPage({
  ctx,
  form,
  data,
}: {
  ctx: PageContext;
  form: FormState;
  data: SubjectExport | null;
}) {
  return (
    <Layout ctx={ctx} title={m.title} crumbs={crumbs}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <ErrorSummary errors={form.errors} />
      <section aria-labelledby="judul-cari">
        <h2 id="judul-cari">{m.findTitle}</h2>
        <p>{m.findHint}</p>
        <Form action={DATA_REQUESTS_PATH} csrfToken={ctx.csrfToken}>
          <TextInput name="email" label={m.email} optional form={form} type="email" maxLength={200} />
          <TextInput name="phone" label={m.phone} optional form={form} type="tel" maxLength={40} />
          <TextInput name="tracking_code" label={m.code} optional form={form} maxLength={40} />
          <TextInput
            name="access_key"
            label={m.key}
            optional
            form={form}
            maxLength={100}
            spellcheck={false}
          />
          <Button>{m.find}</Button>
        </Form>
      </section>
      {data ? <Found ctx={ctx} data={data} form={form} /> : null}
    </Layout>
  );
}
