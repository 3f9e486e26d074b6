import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { AgencyContact } from './agency-contact.js';
import { JsonLd } from '../../views/trusted-html.js';
import type { Media } from '../../media/media.table.js';
import type { PublishedPost } from '../../news/news.queries.js';
import { PostGrid } from '../../news/views/post-card.js';
import type { SocialLinks } from '../agencies.service.js';
import type { Agency } from '../agencies.table.js';
import type { MenuItem } from '../../pages/pages.service.js';
import { AgencyMenu } from '../../pages/views/agency-menu.js';

interface AgencyHomeProps {
  ctx: PageContext;
  agency: Agency;
  parent: Agency | undefined;
  children: Agency[];
  social: SocialLinks;
  latest: PublishedPost[];
  covers: Map<string, Media>;
  /** the agency's own pages (src/pages), shown as its menu */
  menu: MenuItem[];
  byHost: boolean;
}

/** An agency's home: profile, contact, hours and its latest news. */
export function AgencyHome({
  ctx,
  agency,
  parent,
  children,
  social,
  latest,
  covers,
  menu,
  byHost,
}: AgencyHomeProps) {
  return (
    <Layout
      ctx={ctx}
      title={agency.name}
      description={agency.description.slice(0, 160) || `Situs resmi ${agency.name}.`}
      crumbs={[
        { href: '/', label: t.nav.home },
        { href: '/opd', label: t.nav.agencies },
      ]}
      subnav={<AgencyMenu agency={agency} items={menu} byHost={byHost} />}
      head={
        <>
          <link rel="canonical" href={`${ctx.baseUrl}/opd/${agency.slug}`} />
          <JsonLd
            data={{
              '@context': 'https://schema.org',
              '@type': 'GovernmentOrganization',
              name: agency.name,
              alternateName: agency.shortName,
              url: `${ctx.baseUrl}/opd/${agency.slug}`,
              ...(agency.email ? { email: agency.email } : {}),
              ...(agency.phone ? { telephone: agency.phone } : {}),
              ...(agency.address ? { address: agency.address } : {}),
              parentOrganization: { '@type': 'GovernmentOrganization', name: ctx.installation.name },
            }}
          />
        </>
      }
    >
      <h1>{agency.name}</h1>
      <p class="lead">{agency.description}</p>
      {parent ? (
        <p>
          Bagian dari <a href={`/opd/${parent.slug}`}>{parent.name}</a>
        </p>
      ) : null}
      <div class="card-grid">
        <section class="card" aria-labelledby="judul-kontak">
          <h2 id="judul-kontak">{t.footer.contact}</h2>
          <AgencyContact agency={agency} social={social} />
        </section>
      </div>
      <section aria-labelledby="judul-berita-opd">
        <h2 id="judul-berita-opd">Berita dan kegiatan</h2>
        {latest.length ? (
          <PostGrid
            posts={latest}
            covers={covers}
            timeZone={ctx.installation.timeZone}
            showAgency={false}
            eagerFirst={1}
          />
        ) : (
          <p>Belum ada berita dari {agency.shortName}.</p>
        )}
        <p>
          <a href={ctx.site.kind === 'agency' && ctx.site.byHost ? '/berita' : `/opd/${agency.slug}/berita`}>
            Semua berita {agency.shortName}
          </a>
        </p>
      </section>
      {children.length ? (
        <section aria-labelledby="judul-unit">
          <h2 id="judul-unit">Unit di bawahnya</h2>
          <ul>
            {children.map((c) => (
              <li key={c.id}>
                <a href={`/opd/${c.slug}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
