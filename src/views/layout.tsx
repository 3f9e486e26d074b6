import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { asset } from './assets.js';

export interface Crumb {
  href: string;
  label: string;
}

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  description?: string;
  crumbs?: Crumb[];
  /** extra head elements: canonical link, OpenGraph and Twitter cards, JSON-LD */
  head?: ComponentChildren;
  /** a second menu under the header: an agency's own pages (src/pages/views/agency-menu.tsx) */
  subnav?: ComponentChildren;
}

const matches = (href: string, path: string) =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);

/** The one nav link that names where the person is: the longest that matches the path. */
function currentLink(hrefs: string[], path: string): string | undefined {
  return hrefs.filter((h) => matches(h, path)).sort((a, b) => b.length - a.length)[0];
}

function NavLink({
  href,
  current,
  children,
}: {
  href: string;
  /** the href of the current link, from currentLink */
  current: string | undefined;
  children: ComponentChildren;
}) {
  const active = href === current;
  return (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

/** The page shell: skip link, header with the site's name, main landmark, footer. No script. */
export function Layout({ ctx, title, children, description, crumbs, head, subnav }: LayoutProps) {
  const agency = ctx.site.kind === 'agency' ? ctx.site.agency : null;
  const siteName = agency ? agency.name : ctx.installation.name;
  const homeHref = ctx.site.kind === 'agency' && !ctx.site.byHost ? `/opd/${ctx.site.agency.slug}` : '/';
  const newsHref =
    ctx.site.kind === 'agency' && !ctx.site.byHost ? `/opd/${ctx.site.agency.slug}/berita` : '/berita';
  const complaintsHref =
    ctx.site.kind === 'agency' && !ctx.site.byHost ? `/opd/${ctx.site.agency.slug}/aduan` : '/aduan';
  // Service standards: on an agency's site its own services, on the portal the city's catalogue.
  const servicesHref =
    ctx.site.kind === 'agency' && !ctx.site.byHost ? `/opd/${ctx.site.agency.slug}/layanan` : '/layanan';
  const current = currentLink(
    ['/', newsHref, '/opd', servicesHref, complaintsHref, '/cari', '/admin', '/masuk'],
    ctx.path,
  );
  const fullTitle = title === siteName ? siteName : `${title} — ${siteName}`;
  return (
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={asset('css/main.css')} />
        <link rel="icon" href={asset('img/logo.svg')} type="image/svg+xml" />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#konten">
          {t.skipLink}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-brand" href={homeHref}>
              <img class="site-brand__logo" src={asset('img/logo.svg')} alt="" width={40} height={40} />
              <span>
                <span class="site-brand__name">{siteName}</span>
                <span class="site-brand__sub">{agency ? ctx.installation.name : t.siteTagline}</span>
              </span>
            </a>
            <nav class="site-nav" aria-label={t.nav.main}>
              <ul class="site-nav__list">
                <NavLink href="/" current={current}>
                  {t.nav.home}
                </NavLink>
                <NavLink href={newsHref} current={current}>
                  {t.nav.news}
                </NavLink>
                <NavLink href="/opd" current={current}>
                  {t.nav.agencies}
                </NavLink>
                <NavLink href={servicesHref} current={current}>
                  {t.nav.services}
                </NavLink>
                <NavLink href={complaintsHref} current={current}>
                  {t.nav.complaints}
                </NavLink>
                <NavLink href="/cari" current={current}>
                  {t.nav.search}
                </NavLink>
                {ctx.actor ? (
                  <>
                    <NavLink href="/admin" current={current}>
                      {t.nav.admin}
                    </NavLink>
                    <li>
                      <form method="post" action="/keluar" class="site-nav__form">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button type="submit" class="site-nav__button">
                          {t.nav.logout}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <NavLink href="/masuk" current={current}>
                    {t.nav.login}
                  </NavLink>
                )}
              </ul>
            </nav>
          </div>
        </header>
        {subnav}
        {crumbs && crumbs.length > 0 ? (
          <nav class="breadcrumbs container" aria-label={t.nav.breadcrumb}>
            <ol>
              {crumbs.map((c) => (
                <li key={c.href}>
                  <a href={c.href}>{c.label}</a>
                </li>
              ))}
              <li aria-current="page">{title}</li>
            </ol>
          </nav>
        ) : null}
        <main id="konten" class="site-main container" tabIndex={-1}>
          {ctx.flash ? (
            <div class="notice notice--success" role="status">
              {ctx.flash}
            </div>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>
              <strong>{ctx.installation.name}</strong>
              <br />
              {ctx.installation.address}
              {ctx.installation.phone ? ` · ${t.common.phone} ${ctx.installation.phone}` : ''}
              {ctx.installation.email ? ` · ${ctx.installation.email}` : ''}
            </p>
            <p class="site-footer__small">{t.footer.poweredBy}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
