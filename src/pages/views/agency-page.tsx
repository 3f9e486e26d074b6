import type { SocialLinks } from '../../agencies/agencies.service.js';
import type { Agency } from '../../agencies/agencies.table.js';
import { t } from '../../i18n/index.js';
import { AgencyContact } from '../../agencies/views/agency-contact.js';
import type { AgencyPage } from '../../news/news.table.js';
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
        {contact ? <AgencyContact agency={agency} social={contact} /> : null}
        {hasContent ? (
          <TrustedHtml html={page.bodyHtml} class="article__body" />
        ) : contact ? null : (
          <p>{m.empty}</p>
        )}
      </article>
    </Layout>
  );
}
