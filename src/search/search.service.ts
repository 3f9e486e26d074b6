import type { DbOrTx } from '../db/database.js';
import { postPath } from '../news/news.queries.js';
import { htmlToText } from '../news/sanitize.js';
import { standardText, parseComponents } from '../standards/standards.components.js';
import {
  pagesByIds,
  publishedPostsByIds,
  publishedServicesByIds,
  rankDocuments,
  type DocumentKind,
  type PageDocument,
  type PostDocument,
  type ServiceDocument,
} from './search.repository.js';
import { highlight, parseQuery, snippet, type SearchTerms, type TextPart } from './search.text.js';

export const SEARCH_PER_PAGE = 10;
/** Deeper than this nobody reads; it bounds the OFFSET a crafted URL can ask for. */
export const MAX_SEARCH_PAGE = 1000;

export interface SearchInput {
  query: string;
  agencyId?: string | undefined;
  page: number;
  perPage?: number;
  kinds?: readonly DocumentKind[];
}

export interface SearchHit {
  kind: DocumentKind;
  id: string;
  slug: string;
  /** the public path: the article, or the agency page */
  path: string;
  title: string;
  titleParts: TextPart[];
  summary: string;
  snippet: TextPart[];
  /** published (posts) or last changed (pages), ISO-8601 UTC */
  date: string;
  agency: { id: string; slug: string; name: string; shortName: string };
  coverMediaId: string | null;
}

export interface SearchResults {
  terms: SearchTerms;
  hits: SearchHit[];
  total: number;
  page: number;
  perPage: number;
}

const agencyOf = (doc: PostDocument | PageDocument | ServiceDocument) => ({
  id: doc.agencyId,
  slug: doc.agencySlug,
  name: doc.agencyName,
  shortName: doc.agencyShortName,
});

function postHit(post: PostDocument, terms: SearchTerms): SearchHit {
  return {
    kind: 'post',
    id: post.id,
    slug: post.slug,
    path: postPath(post),
    title: post.title,
    titleParts: highlight(post.title, terms),
    summary: post.summary,
    snippet: snippet([post.summary, htmlToText(post.bodyHtml)], terms),
    date: post.publishedAt,
    agency: agencyOf(post),
    coverMediaId: post.coverMediaId,
  };
}

function pageHit(page: PageDocument, terms: SearchTerms): SearchHit {
  const text = htmlToText(page.bodyHtml);
  return {
    kind: 'page',
    id: page.id,
    slug: page.slug,
    path: `/opd/${page.agencySlug}/${page.slug}`,
    title: page.title,
    titleParts: highlight(page.title, terms),
    summary: '',
    snippet: snippet([text], terms),
    date: page.updatedAt,
    agency: agencyOf(page),
    coverMediaId: null,
  };
}

function serviceHit(service: ServiceDocument, terms: SearchTerms): SearchHit {
  return {
    kind: 'service',
    id: service.id,
    slug: service.slug,
    path: `/opd/${service.agencySlug}/layanan/${service.slug}`,
    title: service.name,
    titleParts: highlight(service.name, terms),
    summary: service.summary,
    snippet: snippet([service.summary, standardText(parseComponents(service.components))], terms),
    date: service.updatedAt,
    agency: agencyOf(service),
    coverMediaId: null,
  };
}

/**
 * Published posts, agency pages and services matching every word typed, best first (relevance, then the
 * newest), a page at a time, each with its title and a passage marked where the words are.
 * A query without a single word (only punctuation, or empty) finds nothing.
 */
export async function searchSite(db: DbOrTx, input: SearchInput): Promise<SearchResults> {
  const terms = parseQuery(input.query);
  const perPage = input.perPage ?? SEARCH_PER_PAGE;
  const page = Math.min(Math.max(1, Math.trunc(input.page) || 1), MAX_SEARCH_PAGE);
  const { rows, total } = await rankDocuments(
    db,
    terms,
    { agencyId: input.agencyId, kinds: input.kinds ?? ['post', 'page', 'service'] },
    perPage,
    (page - 1) * perPage,
  );
  const idsOf = (kind: DocumentKind) => rows.filter((r) => r.kind === kind).map((r) => r.refId);
  const [posts, pages, services] = await Promise.all([
    publishedPostsByIds(db, idsOf('post')),
    pagesByIds(db, idsOf('page')),
    publishedServicesByIds(db, idsOf('service')),
  ]);
  const found = new Map<string, SearchHit>([
    ...posts.map((p) => [`post:${p.id}`, postHit(p, terms)] as const),
    ...pages.map((p) => [`page:${p.id}`, pageHit(p, terms)] as const),
    ...services.map((s) => [`service:${s.id}`, serviceHit(s, terms)] as const),
  ]);
  // In the ranked order; a document removed between the two queries is simply left out.
  const hits = rows.flatMap((r) => found.get(`${r.kind}:${r.refId}`) ?? []);
  return { terms, hits, total, page, perPage };
}
