import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { Button, ErrorSummary, Form, Select, TextArea, TextInput } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { ComplaintCategory } from '../complaints.table.js';
import { a } from './admin-messages.js';
import { QUEUE_PATH } from './admin-queue.js';

export const CATEGORIES_PATH = `${QUEUE_PATH}/kategori`;

const c = {
  title: 'Kategori aduan',
  intro:
    'Daftar kategori yang dipilih warga di semua situs, aplikasi dan Open311. OPD bawaan adalah saran bagi koordinator saat meneruskan aduan.',
  caption: 'Daftar kategori aduan',
  position: 'Urutan',
  name: 'Nama',
  code: 'Kode',
  agency: 'OPD bawaan',
  used: 'Dipakai',
  action: 'Tindakan',
  edit: 'Ubah',
  none: '—',
  usedBy: (n: number) => `${n} aduan`,
  addTitle: 'Tambah kategori',
  addButton: 'Tambah kategori',
  codeHint:
    'Dipakai aplikasi sebagai service_code Open311: huruf kecil, angka dan tanda hubung, misalnya lampu-jalan. Tidak bisa diubah setelah dibuat.',
  nameLabel: 'Nama kategori',
  descriptionLabel: 'Keterangan',
  descriptionHint: 'Contoh hal yang termasuk, agar warga memilih dengan tepat.',
  agencyHint: 'OPD yang biasanya berwenang. Koordinator tetap memutuskan.',
  agencyNone: 'Tidak ada',
  positionHint: 'Angka kecil tampil lebih dulu.',
  editTitle: (name: string) => `Ubah kategori ${name}`,
  codeFixed: 'Kode (tetap)',
  save: t.common.save,
  removeTitle: 'Hapus kategori',
  removeInUse: (n: number) => `Kategori ini dipakai ${n} aduan, jadi tidak bisa dihapus.`,
  removeHint: 'Hapus hanya kategori yang tidak pernah dipakai.',
  removeButton: 'Hapus kategori',
};

const crumbs = [
  { href: '/admin', label: t.nav.admin },
  { href: QUEUE_PATH, label: a.queueTitle },
];

const agencyOptions = (agencies: Agency[]) => agencies.map((g) => ({ value: g.slug, label: g.name }));

function Fields({ form, agencies }: { form: FormState; agencies: Agency[] }) {
  return (
    <>
      <TextInput name="name" label={c.nameLabel} form={form} maxLength={100} />
      <TextArea
        name="description"
        label={c.descriptionLabel}
        hint={c.descriptionHint}
        optional
        form={form}
        rows={2}
      />
      <Select
        name="default_agency"
        label={c.agency}
        hint={c.agencyHint}
        optional
        form={form}
        placeholder={c.agencyNone}
        options={agencyOptions(agencies)}
      />
      <TextInput
        name="position"
        label={c.position}
        hint={c.positionHint}
        form={form}
        inputMode="numeric"
        maxLength={3}
      />
    </>
  );
}

export function CategoriesPage({
  ctx,
  categories,
  agencies,
  usage,
  form,
}: {
  ctx: PageContext;
  categories: ComplaintCategory[];
  agencies: Agency[];
  usage: Map<string, number>;
  form: FormState;
}) {
  const agencyName = (id: string | null) => agencies.find((g) => g.id === id)?.name ?? c.none;
  return (
    <Layout ctx={ctx} title={c.title} crumbs={crumbs}>
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <div class="table-wrap">
        <table class="table complaint-table">
          <caption class="visually-hidden">{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.position}</th>
              <th scope="col">{c.name}</th>
              <th scope="col">{c.code}</th>
              <th scope="col">{c.agency}</th>
              <th scope="col">{c.used}</th>
              <th scope="col">{c.action}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((k) => (
              <tr key={k.id}>
                <td data-label={c.position}>{k.position}</td>
                <td data-label={c.name}>
                  {k.name}
                  {k.description ? (
                    <>
                      <br />
                      <span class="muted">{k.description}</span>
                    </>
                  ) : null}
                </td>
                <td data-label={c.code}>
                  <code>{k.code}</code>
                </td>
                <td data-label={c.agency}>{agencyName(k.defaultAgencyId)}</td>
                <td data-label={c.used}>{c.usedBy(usage.get(k.id) ?? 0)}</td>
                <td data-label={c.action}>
                  <a href={`${CATEGORIES_PATH}/${k.code}`}>
                    {c.edit}
                    <span class="visually-hidden"> {k.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="judul-tambah-kategori">
        <h2 id="judul-tambah-kategori">{c.addTitle}</h2>
        <ErrorSummary errors={form.errors} />
        <Form action={CATEGORIES_PATH} csrfToken={ctx.csrfToken}>
          <TextInput
            name="code"
            label={c.code}
            hint={c.codeHint}
            form={form}
            maxLength={40}
            spellcheck={false}
          />
          <Fields form={form} agencies={agencies} />
          <Button>{c.addButton}</Button>
        </Form>
      </section>
    </Layout>
  );
}

export function CategoryEditPage({
  ctx,
  category,
  agencies,
  used,
  form,
  problem,
}: {
  ctx: PageContext;
  category: ComplaintCategory;
  agencies: Agency[];
  used: number;
  form: FormState;
  /** the refusal to remove a category in use */
  problem: string | null;
}) {
  const url = `${CATEGORIES_PATH}/${category.code}`;
  return (
    <Layout
      ctx={ctx}
      title={c.editTitle(category.name)}
      crumbs={[...crumbs, { href: CATEGORIES_PATH, label: c.title }]}
    >
      {problem ? <ErrorSummary errors={{ _: problem }} /> : null}
      <h1>{c.editTitle(category.name)}</h1>
      <ErrorSummary errors={form.errors} />
      <p>
        {c.codeFixed}: <code>{category.code}</code>
      </p>
      <Form action={url} csrfToken={ctx.csrfToken}>
        <Fields form={form} agencies={agencies} />
        <Button>{c.save}</Button>
      </Form>
      <section aria-labelledby="judul-hapus-kategori">
        <h2 id="judul-hapus-kategori">{c.removeTitle}</h2>
        {used > 0 ? (
          <p>{c.removeInUse(used)}</p>
        ) : (
          <>
            <p>{c.removeHint}</p>
            <Form action={`${url}/hapus`} csrfToken={ctx.csrfToken} class="inline-form">
              <Button variant="danger">{c.removeButton}</Button>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}
