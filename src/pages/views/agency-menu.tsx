import type { Agency } from '../../agencies/agencies.table.js';
import { m } from '../messages.js';
import type { MenuItem } from '../pages.service.js';

/** A page's public address: `/{page}` on the agency's own host, `/opd/{agency}/{page}` elsewhere. */
export const pageHref = (agency: Pick<Agency, 'slug'>, slug: string, byHost: boolean): string =>
  byHost ? `/${slug}` : `/opd/${agency.slug}/${slug}`;

interface Props {
  agency: Agency;
  items: readonly MenuItem[];
  byHost: boolean;
  /** the page being shown, marked as current */
  current?: string;
}

/** The agency's own menu (Profil, Visi dan Misi… Kontak), under the site header. */
export function AgencyMenu({ agency, items, byHost, current }: Props) {
  if (!items.length) return null;
  return (
    <nav class="agency-menu" aria-label={m.menuLabel(agency.shortName)}>
      <ul class="agency-menu__list container">
        {items.map((item) => (
          <li key={item.slug}>
            <a
              href={pageHref(agency, item.slug, byHost)}
              aria-current={item.slug === current ? 'page' : undefined}
            >
              {item.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
