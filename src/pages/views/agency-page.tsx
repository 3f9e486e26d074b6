import type { SocialLinks } from '../../agencies/agencies.service.js';
import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import type { AgencyPage } from '../../news/news.table.js';
import { Details } from '../../views/components.js';
import type { PageContext } from '../../views/context.js';
import type { Crumb } from '../../views/layout.js';
import { Layout } from '../../views/layout.js';
import { TrustedHtml } from '../../views/trusted-html.js';
import { m } from '../messages.js';
import type { MenuItem } from '../pages.service.js';
import { AgencyMenu } from './agency-menu.js';

interface Props {
  ctx: PageContext;
  agency: Agency;
  page: AgencyPage;
  menu: MenuItem[];
  byHost: boolean;
  /** Kontak: the agency's contact details from its profile, shown above the page's own text */
  contact: SocialLinks | null;
  hasContent: boolean;
  canonicalUrl: string;
  description: string;
}

const socialLabels: Record<keyof SocialLinks, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  x: 'X',
};

function Contact({ agency, social }: { agency: Agency; social: SocialLinks }) {
  const links = (Object.keys(socialLabels) as (keyof SocialLinks)[]).filter((k) => social[k]);
  return (
    <>
      <Details
        items={[
          { label: t.common.address, value: agency.address },
          { label: t.common.phone, value: agency.phone },
          {
            label: t.common.email,
            value: agency.email ? <a href={`mailto:${agency.email}`}>{agency.email}</a> : '',
          },
          { label: t.common.serviceHours, value: agency.serviceHours },
        ]}
      />
      {links.length ? (
        <ul>
          {links.map((k) => (
            <li key={k}>
              <a href={social[k]} rel="noopener noreferrer">
                {socialLabels[k]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** One of the agency's pages (Profil, Visi dan Misi…), with the agency's menu. */
export function AgencyPageView(props: Props) {
  const { ctx, agency, page, menu, byHost, contact, hasContent } = props;
  const crumbs: Crumb[] = byHost
    ? [{ href: '/', label: agency.shortName }]
    : [
        { href: '/', label: t.nav.home },
        { href: '/opd', label: t.nav.agencies },
        { href: `/opd/${agency.slug}`, label: agency.shortName },
      ];
  return (
    <Layout
      ctx={ctx}
      title={page.title}
      description={props.description}
      crumbs={crumbs}
      subnav={<AgencyMenu agency={agency} items={menu} byHost={byHost} current={page.slug} />}
      head={
        <>
          <link rel="canonical" href={props.canonicalUrl} />
          {/* An empty page is kept out of search engines until someone writes it. */}
          {hasContent || contact ? null : <meta name="robots" content="noindex" />}
        </>
      }
    >
      <article class="agency-page">
        <h1>{page.title}</h1>
        {contact ? <Contact agency={agency} social={contact} /> : null}
        {hasContent ? (
          <TrustedHtml html={page.bodyHtml} class="article__body" />
        ) : contact ? null : (
          <p>{m.empty}</p>
        )}
      </article>
    </Layout>
  );
}
