import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { AGENCY_KINDS, type Agency, type AgencyKind } from '../agencies.table.js';

interface DirectoryProps {
  ctx: PageContext;
  agencies: Agency[];
  query: string;
  kind: AgencyKind | '';
}

/** /opd: every agency grouped by kind, with a filter that works without JavaScript. */
export function Directory({ ctx, agencies, query, kind }: DirectoryProps) {
  const groups = AGENCY_KINDS.map((k) => ({ kind: k, items: agencies.filter((a) => a.kind === k) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <Layout ctx={ctx} title={t.nav.agencies} crumbs={[{ href: '/', label: t.nav.home }]}>
      <h1>{t.nav.agencies}</h1>
      <form method="get" action="/opd" class="filter-bar" role="search">
        <div class="field">
          <label class="field__label" for="cari-opd">
            Cari nama
          </label>
          <input class="input" id="cari-opd" name="q" type="search" value={query} maxLength={100} />
        </div>
        <div class="field">
          <label class="field__label" for="jenis-opd">
            Jenis
          </label>
          <select class="select" id="jenis-opd" name="jenis">
            <option value="">Semua jenis</option>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k} selected={k === kind}>
                {t.agencyKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.common.filter}
        </button>
      </form>
      <p role="status">{agencies.length} perangkat daerah ditemukan.</p>
      <div class="directory">
        {groups.map((g) => (
          <section key={g.kind} class="directory__group" aria-labelledby={`kelompok-${g.kind}`}>
            <h2 id={`kelompok-${g.kind}`}>{t.agencyKinds[g.kind]}</h2>
            <ul>
              {g.items.map((a) => (
                <li key={a.id}>
                  <a href={`/opd/${a.slug}`}>{a.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
