import type { Agency } from './agencies.table.js';

/** The public JSON shape of an agency (snake_case, as the API promises). */
export function presentAgency(agency: Agency, parentSlug: string | null, baseUrl: string) {
  return {
    slug: agency.slug,
    name: agency.name,
    short_name: agency.shortName,
    kind: agency.kind,
    parent: parentSlug,
    url: `${baseUrl}/opd/${agency.slug}`,
  };
}
