import type { Agency } from '../../agencies/agencies.table.js';
import { AgencyMenu } from '../../pages/views/agency-menu.js';
import type { MenuItem } from '../../pages/pages.service.js';
import { t } from '../../i18n/index.js';
import { asset } from '../../views/assets.js';
import type { PageContext } from '../../views/context.js';
import type { Crumb } from '../../views/layout.js';
import { Layout } from '../../views/layout.js';
import { m } from '../messages.js';
import type { ServicePledge } from '../standards.repository.js';
import { ServiceCard, type CatalogueEntry } from './catalogue.js';
import { formatDay } from './components.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  services: CatalogueEntry[];
  pledge: ServicePledge | undefined;
  menu: MenuItem[];
  byHost: boolean;
  canonicalUrl: string;
}

/** Where an agency's services live: `/layanan` on its own host, `/opd/{slug}/layanan` elsewhere. */
export const servicesHref = (agency: Pick<Agency, 'slug'>, byHost: boolean): string =>
  byHost ? '/layanan' : `/opd/${agency.slug}/layanan`;

export function agencyCrumbs(agency: Agency, byHost: boolean): Crumb[] {
  return byHost
    ? [{ href: '/', label: agency.shortName }]
    : [
        { href: '/', label: t.nav.home },
        { href: '/opd', label: t.nav.agencies },
        { href: `/opd/${agency.slug}`, label: agency.shortName },
      ];
}

export function Pledge({ pledge }: { pledge: ServicePledge }) {
  return (
    <section class="standards-pledge" aria-labelledby="judul-maklumat">
      <h2 id="judul-maklumat">{m.pledgeTitle}</h2>
      <blockquote>
        {pledge.body
          .split(/\r?\n/)
          .filter((line) => line.trim())
          .map((line, i) => (
            <p key={i}>{line}</p>
          ))}
      </blockquote>
      <p class="standards-pledge__sign">
        {pledge.signedOn ? (
          <>
            {formatDay(pledge.signedOn)}
            <br />
          </>
        ) : null}
        {pledge.signerPosition}
        <br />
        <strong>{pledge.signedBy}</strong>
      </p>
    </section>
  );
}

/** An agency's published services with its maklumat pelayanan. */
export function AgencyServicesPage({ ctx, agency, services, pledge, menu, byHost, canonicalUrl }: Props) {
  const title = m.agencyServicesTitle(agency.shortName);
  const base = servicesHref(agency, byHost);
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={`${m.catalogueIntro} ${agency.name}.`}
      crumbs={agencyCrumbs(agency, byHost)}
      subnav={<AgencyMenu agency={agency} items={menu} byHost={byHost} />}
      head={
        <>
          <link rel="canonical" href={canonicalUrl} />
          <link rel="stylesheet" href={asset('css/standards.css')} />
        </>
      }
    >
      <h1>{title}</h1>
      {pledge?.publishedAt ? <Pledge pledge={pledge} /> : null}
      {services.length ? (
        <ul class="standards-list">
          {services.map((entry) => (
            <ServiceCard key={entry.id} entry={entry} href={`${base}/${entry.slug}`} showAgency={false} />
          ))}
        </ul>
      ) : (
        <p>{m.noServices}</p>
      )}
      <p>
        {/* On the agency's own host /layanan is this very list: the city's catalogue is on the portal. */}
        <a href={byHost ? `${ctx.baseUrl}/layanan` : '/layanan'}>{m.catalogueTitle}</a>
      </p>
    </Layout>
  );
}
