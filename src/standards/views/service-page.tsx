import type { Agency } from '../../agencies/agencies.table.js';
import type { Media } from '../../media/media.table.js';
import { ResponsiveImage } from '../../media/media.presenter.js';
import type { MenuItem } from '../../pages/pages.service.js';
import { AgencyMenu } from '../../pages/views/agency-menu.js';
import { asset } from '../../views/assets.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { COMPONENT_LABELS, m } from '../messages.js';
import { COMPONENT_KEYS, PUBLIC_COMPONENT_KEYS, type ComponentKey } from '../standards.completeness.js';
import type { Service } from '../standards.repository.js';
import { agencyCrumbs, servicesHref } from './agency-services.js';
import { ComponentSection, ComponentValue, formatDay } from './components.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  service: Service;
  flow: Media | undefined;
  decreeUrl: string | null;
  menu: MenuItem[];
  byHost: boolean;
  canonicalUrl: string;
}

const PUBLIC = new Set<ComponentKey>(PUBLIC_COMPONENT_KEYS);
const MANAGEMENT = COMPONENT_KEYS.filter((key) => !PUBLIC.has(key));

function Decree({ service, decreeUrl }: { service: Service; decreeUrl: string | null }) {
  const lines = [
    service.decreeNumber && service.decreeDate
      ? m.decreeLine(service.decreeNumber, formatDay(service.decreeDate))
      : '',
    service.effectiveDate ? m.effectiveLine(formatDay(service.effectiveDate)) : '',
    service.reviewedOn ? m.reviewedLine(formatDay(service.reviewedOn)) : '',
  ].filter(Boolean);
  if (!lines.length && !decreeUrl) return null;
  return (
    <section class="standards-component" aria-labelledby="komponen-penetapan">
      <h2 id="komponen-penetapan">{m.decreeHeading}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {decreeUrl ? (
        <p>
          <a href={decreeUrl}>{m.decreeDownload}</a>
        </p>
      ) : null}
    </section>
  );
}

/** One service's standard: the six components the public needs first, then the rest, then the SK. */
export function ServicePage({ ctx, agency, service, flow, decreeUrl, menu, byHost, canonicalUrl }: Props) {
  const base = servicesHref(agency, byHost);
  return (
    <Layout
      ctx={ctx}
      title={service.name}
      description={service.summary || `${m.posterHeading} ${service.name} — ${agency.name}`}
      crumbs={[
        ...agencyCrumbs(agency, byHost),
        { href: base, label: m.agencyServicesTitle(agency.shortName) },
      ]}
      subnav={<AgencyMenu agency={agency} items={menu} byHost={byHost} />}
      head={
        <>
          <link rel="canonical" href={canonicalUrl} />
          <link rel="stylesheet" href={asset('css/standards.css')} />
        </>
      }
    >
      <article class="standards-service">
        <h1>{service.name}</h1>
        <p class="standards-card__agency">{agency.name}</p>
        {service.summary ? <p class="lead">{service.summary}</p> : null}
        <p>
          <a href={`${base}/${service.slug}/poster`}>{m.poster}</a>
        </p>
        {PUBLIC_COMPONENT_KEYS.map((key) =>
          key === 'procedure' ? (
            <section key={key} class="standards-component" aria-labelledby="komponen-procedure">
              <h2 id="komponen-procedure">{COMPONENT_LABELS.procedure}</h2>
              <ComponentValue components={service.components} name="procedure" />
              {flow ? (
                <ResponsiveImage
                  media={flow}
                  alt={m.flowAlt(service.name)}
                  sizes="(min-width: 48em) 40rem, 100vw"
                  class="standards-flow"
                />
              ) : null}
            </section>
          ) : (
            <ComponentSection key={key} components={service.components} name={key} />
          ),
        )}
        {MANAGEMENT.map((key) => (
          <ComponentSection key={key} components={service.components} name={key} />
        ))}
        <Decree service={service} decreeUrl={decreeUrl} />
      </article>
    </Layout>
  );
}
