import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { ISO_WEEKDAYS, WEEKDAY_NAMES } from '../agency-calendar.service.js';

export const calendarPath = (slug: string) => `/admin/opd/${slug}/kalender-kerja`;

interface Props {
  ctx: PageContext;
  agency: Agency;
  /** true when the OPD has its own calendar; false when it follows the city's */
  own: boolean;
  form: FormState;
}

export function AgencyCalendarPage({ ctx, agency, own, form }: Props) {
  const title = `Kalender kerja ${agency.name}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { href: '/admin', label: t.nav.admin },
        { href: `/admin/opd/${agency.slug}`, label: agency.shortName },
      ]}
    >
      <h1>{title}</h1>
      <p>
        {own
          ? 'OPD ini memakai hari dan jam kerjanya sendiri untuk menghitung batas tindak lanjut aduan.'
          : 'OPD ini mengikuti kalender kota: Senin sampai Jumat pada jam layanan, tanpa hari libur.'}{' '}
        Unit yang melayani setiap hari (RSUD, Damkar) dapat memakai kalender sendiri. Perubahan berlaku untuk
        batas waktu yang ditetapkan sesudah disimpan.
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={calendarPath(agency.slug)} csrfToken={ctx.csrfToken}>
        <fieldset class={form.errors.day_1 ? 'field field--error' : 'field'}>
          <legend class="field__label">Hari kerja</legend>
          {form.errors.day_1 ? (
            <p class="field__error" id="f-day_1-error">
              <span class="visually-hidden">Kesalahan: </span>
              {form.errors.day_1}
            </p>
          ) : null}
          {ISO_WEEKDAYS.map((d) => (
            <div class="checkbox" key={d}>
              <input
                type="checkbox"
                id={`f-day_${d}`}
                name={`day_${d}`}
                value="ya"
                checked={form.values[`day_${d}`] === 'ya'}
              />
              <label for={`f-day_${d}`}>{WEEKDAY_NAMES[d - 1]}</label>
            </div>
          ))}
        </fieldset>
        <TextInput name="opens" label="Jam buka" hint="JJ:MM, misalnya 07:30." form={form} maxLength={5} />
        <TextInput
          name="closes"
          label="Jam tutup"
          hint="JJ:MM; 24:00 untuk layanan sampai tengah malam."
          form={form}
          maxLength={5}
        />
        <div class="checkbox">
          <input
            type="checkbox"
            id="f-ignores_holidays"
            name="ignores_holidays"
            value="ya"
            checked={form.values.ignores_holidays === 'ya'}
          />
          <label for="f-ignores_holidays">Tetap melayani pada hari libur nasional dan cuti bersama</label>
        </div>
        <Button>{t.common.save}</Button>
      </Form>
      {own ? (
        <Form action={`${calendarPath(agency.slug)}/hapus`} csrfToken={ctx.csrfToken}>
          <Button>Kembali ke kalender kota</Button>
        </Form>
      ) : null}
    </Layout>
  );
}
