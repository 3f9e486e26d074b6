import { Type, type Static } from '@sinclair/typebox';
import { SlugParams } from '../agencies/agencies.schemas.js';
import { SLUG_PATTERN, Text } from '../http/schema.js';
import { m } from './messages.js';

/** A page named in a path: `/opd/{slug}/{page}`, `/{page}` on the agency's host, and the admin pages. */
export const PageSlug = Type.String({ maxLength: 60, pattern: SLUG_PATTERN });
export const PageParams = Type.Intersect([SlugParams, Type.Object({ page: PageSlug })]);
export const HostPageParams = Type.Object({ page: PageSlug });

/** Editing a page: its title and its body (HTML, sanitised by the service). */
export const PageInput = Type.Object({
  title: Text(m.titleLabel, 120),
  body_html: Type.Optional(Type.String({ title: m.bodyLabel, maxLength: 200_000 })),
});
export type PageInput = Static<typeof PageInput>;

/** Adding a page: the title, and the address when the one made from the title does not suit. */
export const NewPageInput = Type.Object({
  title: Text(m.titleLabel, 120),
  slug: Type.Optional(
    Type.String({
      title: m.slugLabel,
      maxLength: 60,
      pattern: `^\\s*$|${SLUG_PATTERN}`,
      'x-error': m.slugPattern,
    }),
  ),
});
export type NewPageInput = Static<typeof NewPageInput>;

export const DIRECTIONS = ['naik', 'turun'] as const;
export type Direction = (typeof DIRECTIONS)[number];
