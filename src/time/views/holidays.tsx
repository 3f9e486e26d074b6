import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, Select, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { HOLIDAY_KINDS, type Holiday } from '../calendar.table.js';
import { formatDay, m } from '../messages.js';

export const HOLIDAYS_PATH = '/admin/hari-libur';

interface Props {
  ctx: PageContext;
  year: number;
  /** the years offered in the filter */
  years: number[];
  holidays: Holiday[];
  /** the "add a holiday" form */
  form: FormState;
}

const kindOptions = HOLIDAY_KINDS.map((k) => ({ value: k, label: m.kinds[k] }));

function YearFilter({ year, years }: { year: number; years: number[] }) {
  return (
    <form method="get" action={HOLIDAYS_PATH} class="filter-bar" aria-label={m.filterLabel}>
      <div class="field">
        <label class="field__label" for="f-tahun">
          {m.yearLabel}
        </label>
        <select class="select" id="f-tahun" name="tahun">
          {years.map((y) => (
            <option key={y} value={String(y)} selected={y === year}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button class="button" type="submit">
        {m.show}
      </button>
    </form>
  );
}

function HolidayTable({ ctx, year, holidays }: Pick<Props, 'ctx' | 'year' | 'holidays'>) {
  if (holidays.length === 0) return <p>{m.empty(year)}</p>;
  const count = (kind: Holiday['kind']) => holidays.filter((h) => h.kind === kind).length;
  return (
    <>
      <p>{m.summary(year, count('libur_nasional'), count('cuti_bersama'))}</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{m.caption(year)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.dateColumn}</th>
              <th scope="col">{m.nameColumn}</th>
              <th scope="col">{m.kindColumn}</th>
              <th scope="col">{m.actionColumn}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.date}>
                <td>
                  <time dateTime={h.date}>{formatDay(h.date)}</time>
                </td>
                <td>{h.name}</td>
                <td>{m.kinds[h.kind]}</td>
                <td>
                  <Form
                    action={`${HOLIDAYS_PATH}/${h.date}/hapus`}
                    csrfToken={ctx.csrfToken}
                    class="inline-form"
                  >
                    <Button variant="danger">
                      {m.deleteButton}
                      <span class="visually-hidden"> {formatDay(h.date)}</span>
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The holiday table for the super admin: one year at a time, with a form to add a day. */
export function HolidaysPage({ ctx, year, years, holidays, form }: Props) {
  return (
    <Layout ctx={ctx} title={`${m.title} ${year}`} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>
        {m.title} {year}
      </h1>
      <p>{m.intro}</p>
      <YearFilter year={year} years={years} />
      <HolidayTable ctx={ctx} year={year} holidays={holidays} />
      <section aria-labelledby="judul-tambah-hari-libur">
        <h2 id="judul-tambah-hari-libur">{m.addTitle}</h2>
        <ErrorSummary errors={form.errors} />
        <Form action={`${HOLIDAYS_PATH}?tahun=${year}`} csrfToken={ctx.csrfToken}>
          <TextInput name="date" label={m.dateLabel} hint={m.dateHint} form={form} type="date" />
          <TextInput name="name" label={m.nameLabel} hint={m.nameHint} form={form} maxLength={120} />
          <Select
            name="kind"
            label={m.kindLabel}
            form={form}
            options={kindOptions}
            placeholder={m.kindPlaceholder}
          />
          <Button>{m.addButton}</Button>
        </Form>
      </section>
    </Layout>
  );
}
