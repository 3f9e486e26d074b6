import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { asset } from '../../views/assets.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { m } from '../messages.js';
import type { Service } from '../standards.repository.js';
import { timeframeText } from './components.js';

export type CatalogueEntry = Service & { agencySlug: string; agencyName: string };

interface Props {
  ctx: PageContext;
  services: CatalogueEntry[];
  agencies: Pick<Agency, 'slug' | 'name'>[];
  query: string;
  agencySlug: string;
}

/** A service in a list: name, OPD, time and fee at a glance. */
export function ServiceCard({
  entry,
  href,
  showAgency,
}: {
  entry: CatalogueEntry;
  href: string;
  showAgency: boolean;
}) {
  const { components } = entry;
  const facts = [
    components.timeframe ? timeframeText(components.timeframe) : '',
    components.fees ? (components.fees.free ? m.free : m.feesPaid) : '',
  ].filter(Boolean);
  return (
    <li class="standards-card">
      <h2 class="standards-card__title">
        <a href={href}>{entry.name}</a>
      </h2>
      {showAgency ? <p class="standards-card__agency">{entry.agencyName}</p> : null}
      {entry.summary ? <p>{entry.summary}</p> : null}
      {facts.length ? <p class="muted">{facts.join(' · ')}</p> : null}
    </li>
  );
}

/** `/layanan`: every published service, searchable, narrowed to one OPD. Works without script (GET form). */
export function CataloguePage({ ctx, services, agencies, query, agencySlug }: Props) {
  return (
    <Layout
      ctx={ctx}
      title={m.catalogueTitle}
      description={m.catalogueIntro}
      head={<link rel="stylesheet" href={asset('css/standards.css')} />}
      crumbs={[{ href: '/', label: t.nav.home }]}
    >
      <h1>{m.catalogueTitle}</h1>
      <p>{m.catalogueIntro}</p>
      <form method="get" action="/layanan" class="standards-search" role="search">
        <div class="field">
          <label class="field__label" for="f-q">
            {m.searchLabel}
          </label>
          <input class="input" id="f-q" name="q" type="search" value={query} maxLength={100} />
        </div>
        <div class="field">
          <label class="field__label" for="f-opd">
            {m.agencyFilterLabel}
          </label>
          <select class="select" id="f-opd" name="opd">
            <option value="">{m.allAgencies}</option>
            {agencies.map((a) => (
              <option key={a.slug} value={a.slug} selected={a.slug === agencySlug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.common.search}
        </button>
      </form>
      <p role="status">{m.resultCount(services.length)}</p>
      {services.length ? (
        <ul class="standards-list">
          {services.map((entry) => (
            <ServiceCard
              key={entry.id}
              entry={entry}
              href={`/opd/${entry.agencySlug}/layanan/${entry.slug}`}
              showAgency
            />
          ))}
        </ul>
      ) : (
        <p>{m.noResults}</p>
      )}
    </Layout>
  );
}
