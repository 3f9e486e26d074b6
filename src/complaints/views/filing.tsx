import type { Agency } from '../../agencies/agencies.table.js';
import type { MapConfig } from '../../config.js';
import { t } from '../../i18n/index.js';
import { asset } from '../../views/assets.js';
import { ErrorSummary, fieldId, Select, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { MAX_ATTACHMENTS } from '../complaints.attachments.js';
import type { PublicOverview as Overview } from '../complaints.stats.js';
import type { ComplaintCategory } from '../complaints.table.js';
import { COMPLAINT_CLASSES } from '../complaints.table.js';
import { HONEYPOT_FIELD } from '../filing.form.js';
import { labels } from '../messages.js';
import { PublicOverview } from './public-overview.js';
import { Checkbox, FilesField, GroupedSelect, RadioGroup, type OptionGroup } from './filing-fields.js';
import { PurposeNotice } from './filing-notice.js';
import { PinField } from './filing-pin.js';

export interface FilingPageProps {
  ctx: PageContext;
  form: FormState;
  /** where the form posts: the page's own path */
  action: string;
  /** the OPD whose site the citizen is on: shown as chosen */
  agency: Agency | null;
  categories: readonly ComplaintCategory[];
  places: readonly OptionGroup[];
  submissionKey: string;
  /** the signed proof-of-work challenge, as JSON, for public/js/complaint-form.js */
  challenge: string;
  /** files were sent and the form came back: they must be chosen again */
  filesLost: boolean;
  retentionMonths: number;
  overview: Overview;
  /** the map pin's tiles and centre; without them the form offers no pin */
  map: MapConfig | undefined;
}

const CLASS_HINTS: Record<(typeof COMPLAINT_CLASSES)[number], string> = {
  pengaduan: 'Ada pelayanan yang tidak berjalan semestinya, misalnya jalan rusak atau pelayanan lambat.',
  aspirasi: 'Usul atau saran untuk perbaikan pelayanan kota.',
  permintaan_informasi: 'Anda meminta informasi publik dari Pemerintah Kota atau OPD.',
};

export function FilingPage(props: FilingPageProps) {
  const { ctx, form, agency, categories, places } = props;
  const heading = agency ? `Sampaikan aduan kepada ${agency.shortName}` : 'Sampaikan aduan';
  return (
    <Layout
      ctx={ctx}
      title={heading}
      description="Sampaikan pengaduan, aspirasi atau permintaan informasi kepada Pemerintah Kota tanpa membuat akun."
      crumbs={[
        { href: '/', label: t.nav.home },
        ...(agency && !(ctx.site.kind === 'agency' && ctx.site.byHost)
          ? [{ href: `/opd/${agency.slug}`, label: agency.shortName }]
          : []),
      ]}
    >
      <h1>{heading}</h1>
      <p class="lede">
        Tanpa akun. Setelah terkirim Anda mendapat nomor tiket untuk mengikuti perkembangannya
        {agency ? `. Laporan ini kami teruskan kepada ${agency.name} bila memang wewenangnya.` : '.'} Sudah
        punya nomor tiket? <a href="/aduan/lacak">Lacak aduan</a>.
      </p>
      <ErrorSummary errors={form.errors} />
      <form
        method="post"
        action={props.action}
        enctype="multipart/form-data"
        class="stack aduan-form"
        noValidate
        data-challenge-url="/aduan/tantangan"
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="submission_key" value={props.submissionKey} />
        <input type="hidden" name="altcha" value="" data-challenge={props.challenge} />
        <div class="aduan-honeypot" aria-hidden="true">
          <label for="f-situs-web">Jangan diisi</label>
          <input
            id="f-situs-web"
            name={HONEYPOT_FIELD}
            type="text"
            value=""
            tabIndex={-1}
            autocomplete="off"
          />
        </div>

        <h2>Laporan Anda</h2>
        <RadioGroup
          name="class"
          legend="Jenis laporan"
          form={form}
          options={COMPLAINT_CLASSES.map((c) => ({ value: c, label: labels.class[c], hint: CLASS_HINTS[c] }))}
        />
        <TextInput
          name="title"
          label="Judul laporan"
          form={form}
          maxLength={150}
          hint="Singkat, misalnya: Lampu jalan mati di Jalan Gajah Mada."
        />
        <TextArea
          name="description"
          label="Isi laporan"
          form={form}
          rows={7}
          maxLength={5000}
          hint="Ceritakan apa yang terjadi, sejak kapan, dan apa yang Anda harapkan. Paling sedikit 20 huruf."
        />
        <Select
          name="category"
          label="Kategori"
          form={form}
          placeholder="Pilih kategori"
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <GroupedSelect
          name="kelurahan"
          label="Kelurahan"
          optional
          hint="Di mana kejadiannya. Kelurahan dikelompokkan menurut kecamatan."
          form={form}
          groups={places}
          placeholder="Pilih kelurahan"
        />
        <TextInput
          name="address"
          label="Alamat atau patokan"
          optional
          form={form}
          maxLength={300}
          hint="Misalnya: depan Pasar Flamboyan, Jalan Gajah Mada."
        />
        {props.map ? <PinField form={form} map={props.map} /> : null}
        <TextInput
          name="occurred_on"
          label="Tanggal kejadian"
          optional
          type="date"
          form={form}
          hint="Bila Anda ingat."
        />
        <FilesField
          name="attachments"
          label="Foto atau dokumen PDF"
          form={form}
          accept="image/jpeg,image/png,image/webp,application/pdf"
          chooseAgain={props.filesLost}
          hint={
            <>
              <p>
                Paling banyak {MAX_ATTACHMENTS} berkas: foto JPEG, PNG atau WebP, atau PDF; paling besar 15 MB
                per berkas.
              </p>
              <p>
                Foto bisa mengungkap siapa Anda (wajah, rumah, kendaraan). Data tersembunyi di dalam berkas,
                seperti lokasi GPS, merek kamera dan nama pembuat dokumen, kami hapus sebelum disimpan.
                Lampiran hanya dilihat petugas, tidak ditampilkan kepada publik.
              </p>
            </>
          }
        />

        <h2>Data diri Anda</h2>
        <p>Isi email atau nomor WhatsApp (boleh keduanya) agar kami bisa mengabari perkembangan laporan.</p>
        <TextInput name="reporter_name" label="Nama" form={form} autocomplete="name" maxLength={120} />
        <TextInput
          name="reporter_email"
          label="Email"
          type="email"
          optional
          form={form}
          autocomplete="email"
          inputMode="email"
          maxLength={254}
          spellcheck={false}
        />
        <TextInput
          name="reporter_phone"
          label="Nomor WhatsApp"
          type="tel"
          optional
          form={form}
          autocomplete="tel"
          inputMode="tel"
          maxLength={20}
          hint="Misalnya 0812 3456 7890."
        />
        <TextInput
          name="reporter_nik"
          label="NIK"
          optional
          form={form}
          inputMode="numeric"
          maxLength={16}
          hint="Tidak wajib. Isi hanya bila laporan menyangkut layanan kependudukan Anda."
        />

        <h2>Siapa yang boleh tahu</h2>
        <Checkbox
          name="anonymous"
          label="Anonim: rahasiakan identitas saya"
          form={form}
          hint="Laporan tetap tampil di daftar publik, tetapi nama dan kontak Anda tidak ditampilkan kepada publik dan tidak diberikan kepada OPD yang menangani. Hanya koordinator pengaduan di Diskominfo yang melihatnya."
        />
        <Checkbox
          name="confidential"
          label="Rahasia: jangan tampilkan laporan ini kepada publik"
          form={form}
          hint="Isi laporan tidak muncul di daftar aduan, pencarian atau data terbuka sama sekali. Hanya Anda (dengan nomor tiket dan kunci akses), koordinator dan OPD yang menangani yang dapat membacanya."
        />

        <PurposeNotice retentionMonths={props.retentionMonths} />
        <Checkbox
          name="consent"
          label="Saya setuju data saya dipakai untuk menindaklanjuti laporan ini sesuai penjelasan di atas."
          form={form}
        />

        <p class="aduan-pow" id={fieldId('altcha')} role="status" aria-live="polite" tabIndex={-1}>
          {form.errors.altcha ?? ''}
        </p>
        <button class="button" type="submit">
          Kirim laporan
        </button>
      </form>
      <PublicOverview overview={props.overview} timeZone={ctx.installation.timeZone} />
      <script src={asset('js/complaint-form.js')} defer />
      {props.map ? <script src={asset('js/complaint-map.js')} defer /> : null}
    </Layout>
  );
}
