import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { COMPLAINT_NUMBERS, POLICY_ROLES, type ComplaintNumberField } from '../installation.schemas.js';

const HINTS: Record<ComplaintNumberField, string> = {
  complaint_verify_days: 'Koordinator memverifikasi dan meneruskan aduan dalam sekian hari kerja. Bawaan: 3.',
  complaint_follow_up_days: 'OPD menindaklanjuti aduan yang diteruskan dalam sekian hari kerja. Bawaan: 5.',
  complaint_auto_close_days: 'Aduan yang sudah ditanggapi ditutup bila pelapor tidak membalas. Bawaan: 10.',
  complaint_max_days:
    'Batas paling lama sejak aduan diterima sampai selesai, dalam hari kalender. Bawaan: 60.',
  complaint_retention_months:
    'Sesudah aduan selesai selama sekian bulan, data pribadi pelapor dihapus (UU 27/2022). Bawaan: 24.',
};

export function InstallationPage({ ctx, form }: { ctx: PageContext; form: FormState }) {
  return (
    <Layout ctx={ctx} title="Pengaturan instalasi" crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>Pengaturan instalasi</h1>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/instalasi" csrfToken={ctx.csrfToken}>
        <TextInput
          name="name"
          label="Nama pemerintah daerah"
          hint="Misalnya Pemerintah Kota Pontianak."
          form={form}
          maxLength={150}
        />
        <TextInput name="short_name" label="Nama singkat" form={form} maxLength={60} />
        <TextInput
          name="main_host"
          label="Host utama"
          hint="Alamat portal, misalnya pontianak.go.id. Situs OPD memakai slug.host-utama."
          form={form}
          spellcheck={false}
        />
        <TextInput name="address" label={t.common.address} optional form={form} />
        <TextInput name="phone" label={t.common.phone} optional form={form} type="tel" />
        <TextInput name="email" label={t.common.email} optional form={form} type="email" />
        <fieldset class="field">
          <legend class="field__label">Peran yang wajib memakai verifikasi dua langkah</legend>
          {POLICY_ROLES.map((r) => (
            <div class="checkbox" key={r}>
              <input
                type="checkbox"
                id={`f-tfa_${r}`}
                name={`tfa_${r}`}
                value="ya"
                checked={form.values[`tfa_${r}`] === 'ya'}
              />
              <label for={`f-tfa_${r}`}>{t.roles[r]}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend class="field__label">Jam layanan</legend>
          <p class="field__hint">
            Aduan yang masuk di luar jam layanan mulai dihitung pada hari kerja berikutnya. Hari libur diatur
            di halaman <a href="/admin/hari-libur">Hari libur</a>.
          </p>
          <TextInput
            name="office_opens"
            label="Jam buka layanan"
            hint="JJ:MM, misalnya 07:30."
            form={form}
            maxLength={5}
          />
          <TextInput
            name="office_closes"
            label="Jam tutup layanan"
            hint="JJ:MM, misalnya 16:00."
            form={form}
            maxLength={5}
          />
        </fieldset>
        <fieldset class="field">
          <legend class="field__label">Pusat Aduan</legend>
          <p class="field__hint">
            Angka baru berlaku untuk batas waktu yang ditetapkan sesudah disimpan; batas yang sedang berjalan
            tetap seperti yang sudah diberitahukan kepada pelapor.
          </p>
          {(Object.keys(COMPLAINT_NUMBERS) as ComplaintNumberField[]).map((field) => (
            <TextInput
              key={field}
              name={field}
              label={`${COMPLAINT_NUMBERS[field].label} (${COMPLAINT_NUMBERS[field].unit})`}
              hint={HINTS[field]}
              form={form}
              inputMode="numeric"
              maxLength={4}
            />
          ))}
          <TextInput
            name="complaint_code_prefix"
            label="Awalan nomor tiket"
            hint="2 sampai 5 huruf kapital, misalnya PTK untuk nomor tiket PTK-7Q4M2X. Nomor tiket lama tidak berubah."
            form={form}
            maxLength={5}
            spellcheck={false}
          />
        </fieldset>
        <Button>{t.common.save}</Button>
      </Form>
    </Layout>
  );
}
