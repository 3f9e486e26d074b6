import type { DbOrTx } from '../db/database.js';
import { postPath } from '../news/news.queries.js';
import { isTrustedHost, outboundLinks } from './guard.detect.js';
import { ownHosts } from './guard.repository.js';

/** Where an outside domain is linked from: a published post or an agency page. */
export interface LinkSource {
  agencyName: string;
  kind: 'post' | 'page';
  title: string;
  /** the public address on the portal */
  path: string;
  count: number;
}

export interface DomainRow {
  host: string;
  /** go.id and the like: verified institutions */
  trusted: boolean;
  count: number;
  sources: LinkSource[];
}

interface Body {
  agencyName: string;
  agencySlug: string;
  slug: string;
  title: string;
  bodyHtml: string;
}

// Only bodies that link somewhere absolute are read at all.
const LINKS_OUT = '%href="http%';

async function bodiesIn(db: DbOrTx, agencyIds: 'all' | string[]) {
  if (agencyIds !== 'all' && !agencyIds.length) return { posts: [], pages: [] };
  let posts = db
    .selectFrom('posts')
    .innerJoin('agencies', 'agencies.id', 'posts.agencyId')
    .select([
      'agencies.name as agencyName',
      'agencies.slug as agencySlug',
      'posts.slug',
      'posts.title',
      'posts.bodyHtml',
    ])
    .where('posts.status', '=', 'published')
    .where('posts.bodyHtml', 'like', LINKS_OUT);
  let pages = db
    .selectFrom('agencyPages')
    .innerJoin('agencies', 'agencies.id', 'agencyPages.agencyId')
    .select([
      'agencies.name as agencyName',
      'agencies.slug as agencySlug',
      'agencyPages.slug',
      'agencyPages.title',
      'agencyPages.bodyHtml',
    ])
    .where('agencyPages.bodyHtml', 'like', LINKS_OUT);
  if (agencyIds !== 'all') {
    posts = posts.where('posts.agencyId', 'in', agencyIds);
    pages = pages.where('agencyPages.agencyId', 'in', agencyIds);
  }
  const [p, g] = await Promise.all([posts.execute(), pages.execute()]);
  return { posts: p as Body[], pages: g as Body[] };
}

/**
 * Every outside domain linked from published posts and agency pages in scope, with how often and
 * from where: domains that are not go.id (or another verified institution) first, then by count.
 */
export async function outboundReport(db: DbOrTx, agencyIds: 'all' | string[]): Promise<DomainRow[]> {
  const [{ posts, pages }, own] = await Promise.all([bodiesIn(db, agencyIds), ownHosts(db)]);
  const byHost = new Map<string, DomainRow>();
  const add = (body: Body, kind: LinkSource['kind'], path: string) => {
    const counts = new Map<string, number>();
    for (const link of outboundLinks(body.bodyHtml, own))
      counts.set(link.host, (counts.get(link.host) ?? 0) + 1);
    for (const [host, count] of counts) {
      const row = byHost.get(host) ?? { host, trusted: isTrustedHost(host), count: 0, sources: [] };
      row.count += count;
      row.sources.push({ agencyName: body.agencyName, kind, title: body.title, path, count });
      byHost.set(host, row);
    }
  };
  for (const post of posts) add(post, 'post', postPath(post));
  for (const page of pages) add(page, 'page', `/opd/${page.agencySlug}/${page.slug}`);
  return [...byHost.values()].sort(
    (a, b) => Number(a.trusted) - Number(b.trusted) || b.count - a.count || a.host.localeCompare(b.host),
  );
}
