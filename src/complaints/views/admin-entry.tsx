import { placeGroups } from '../filing.rules.js';
import { GroupedSelect } from './filing-fields.js';
import type { Region } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import {
  Button,
  ErrorSummary,
  fieldId,
  Form,
  Select,
  TextArea,
  TextInput,
  FieldError,
} from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { COMPLAINT_CLASSES, STAFF_CHANNELS, type ComplaintCategory } from '../complaints.table.js';
import { labels } from '../messages.js';
import { a } from './admin-messages.js';
import { QUEUE_PATH } from './admin-queue.js';

export const ENTRY_PATH = `${QUEUE_PATH}/baru`;

const crumbs = [
  { href: '/admin', label: t.nav.admin },
  { href: QUEUE_PATH, label: a.queueTitle },
];

const e = {
  channel: 'Saluran masuk',
  lapor: 'Nomor tiket SP4N-LAPOR!',
  laporHint: 'Bila aduan ini juga tercatat di SP4N-LAPOR!, sebagai rujukan silang.',
  class: 'Jenis laporan',
  title: 'Judul laporan',
  titleHint: 'Singkat dan jelas, misalnya "Lampu jalan padam di Jalan Gajah Mada".',
  description: 'Isi laporan',
  descriptionHint: 'Apa, di mana, sejak kapan. Tulis sesuai keterangan pelapor.',
  category: 'Kategori',
  kelurahan: 'Kelurahan',
  address: 'Alamat atau patokan',
  occurredOn: 'Tanggal kejadian',
  reporter: 'Pelapor',
  name: 'Nama pelapor',
  email: 'Email pelapor',
  emailHint: 'Bila diisi, pelapor menerima nomor tiket dan kabar perkembangan lewat email.',
  phone: 'Nomor WhatsApp atau telepon pelapor',
  nik: 'NIK',
  nikHint: 'Tidak wajib. Isi hanya bila pelapor memberikannya.',
  privacy: 'Pilihan privasi pelapor',
  anonymous: 'Anonim: identitas pelapor disembunyikan dari OPD dan publik',
  confidential: 'Rahasia: laporan tidak ditampilkan di daftar publik',
  consent: 'Pelapor sudah menyetujui data pribadinya dipakai untuk menindaklanjuti laporan ini',
  consentHint:
    'Sampaikan kepada pelapor: data dipakai hanya untuk menindaklanjuti laporan, dilihat oleh koordinator dan OPD yang menangani (kecuali bila anonim), dan dihapus setelah masa simpan berakhir.',
  submit: 'Catat aduan',
  choose: 'Pilih',
};

function Check({ name, label, form, hint }: { name: string; label: string; form: FormState; hint?: string }) {
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <FieldError id={id} error={error} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="ya"
          checked={form.values[name] === 'ya'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={
            [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
          }
        />
        <label for={id}>{label}</label>
      </div>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Staff record a complaint that came by WhatsApp, phone, letter, in person, social media or LAPOR!. */
export function EntryPage({
  ctx,
  form,
  categories,
  regions,
}: {
  ctx: PageContext;
  form: FormState;
  categories: ComplaintCategory[];
  regions: Region[];
}) {
  return (
    <Layout ctx={ctx} title={a.entryTitle} crumbs={crumbs}>
      <h1>{a.entryTitle}</h1>
      <p>{a.entryIntro}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={ENTRY_PATH} csrfToken={ctx.csrfToken}>
        <input type="hidden" name="submission_key" value={form.values.submission_key ?? ''} />
        <Select
          name="channel"
          label={e.channel}
          form={form}
          placeholder={e.choose}
          options={STAFF_CHANNELS.map((c) => ({ value: c, label: labels.channel[c] }))}
        />
        <TextInput
          name="lapor_number"
          label={e.lapor}
          hint={e.laporHint}
          optional
          form={form}
          maxLength={40}
        />
        <Select
          name="class"
          label={e.class}
          form={form}
          options={COMPLAINT_CLASSES.map((c) => ({ value: c, label: labels.class[c] }))}
        />
        <TextInput name="title" label={e.title} hint={e.titleHint} form={form} maxLength={150} />
        <TextArea name="description" label={e.description} hint={e.descriptionHint} form={form} rows={6} />
        <Select
          name="category"
          label={e.category}
          form={form}
          placeholder={e.choose}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <GroupedSelect
          name="kelurahan"
          label={e.kelurahan}
          optional
          form={form}
          groups={placeGroups(regions)}
          placeholder={e.choose}
        />
        <TextInput name="address" label={e.address} optional form={form} maxLength={300} />
        <TextInput name="occurred_on" label={e.occurredOn} optional form={form} type="date" />
        <fieldset class="stack">
          <legend>{e.reporter}</legend>
          <TextInput name="reporter_name" label={e.name} form={form} maxLength={120} autocomplete="off" />
          <TextInput
            name="reporter_email"
            label={e.email}
            hint={e.emailHint}
            optional
            form={form}
            type="email"
            autocomplete="off"
          />
          <TextInput
            name="reporter_phone"
            label={e.phone}
            optional
            form={form}
            type="tel"
            inputMode="tel"
            autocomplete="off"
          />
          <TextInput
            name="reporter_nik"
            label={e.nik}
            hint={e.nikHint}
            optional
            form={form}
            inputMode="numeric"
            maxLength={16}
            autocomplete="off"
          />
        </fieldset>
        <fieldset class="stack">
          <legend>{e.privacy}</legend>
          <Check name="anonymous" label={e.anonymous} form={form} />
          <Check name="confidential" label={e.confidential} form={form} />
        </fieldset>
        <Check name="consent" label={e.consent} hint={e.consentHint} form={form} />
        <Button>{e.submit}</Button>
      </Form>
    </Layout>
  );
}

/** Shown once after recording: the code and the access key for staff to pass on to the citizen. */
export function RecordedPage({
  ctx,
  code,
  accessKey,
  link,
}: {
  ctx: PageContext;
  code: string;
  accessKey: string;
  link: string;
}) {
  return (
    <Layout ctx={ctx} title={a.recordedTitle} crumbs={crumbs}>
      <div class="notice notice--success" role="status">
        <h1>{a.recordedTitle}</h1>
        <p>{a.recordedIntro}</p>
      </div>
      <dl class="details complaint-recorded">
        <div class="details__row">
          <dt>{a.recordedCode}</dt>
          <dd class="complaint-code">{code}</dd>
        </div>
        <div class="details__row">
          <dt>{a.recordedKey}</dt>
          <dd class="complaint-code">{accessKey}</dd>
        </div>
        <div class="details__row">
          <dt>{a.recordedLink}</dt>
          <dd>{link}</dd>
        </div>
      </dl>
      <p class="button-row">
        <a class="button" href={`${QUEUE_PATH}/${code}`}>
          {a.recordedOpen}
        </a>
        <a class="button button--secondary" href={ENTRY_PATH}>
          {a.recordedAnother}
        </a>
      </p>
    </Layout>
  );
}
