// The hot queries bench/explain.ts explains: each runs the app's own functions the way its page does.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { listAgencies } from '../src/agencies/agencies.repository.js';
import { findSession } from '../src/accounts/sessions.js';
import {
  findPublished,
  galleryOf,
  latestPublished,
  listPublished,
  mediaByIds,
} from '../src/news/news.queries.js';
import { tagsOf } from '../src/news/news.repository.js';
import { searchSite } from '../src/search/search.service.js';
import { listQueue, queueCounts } from '../src/complaints/complaints.queries.js';
import { listPublicComplaints } from '../src/complaints/complaints.public.js';
import { attachmentsOf, eventsOf, findComplaintByCode } from '../src/complaints/complaints.repository.js';
import { loadMetrics } from '../src/monitoring/monitoring.metrics.js';
import { DEFAULT_RULES } from '../src/monitoring/rules.js';

/** What the pages need to name: an agency with posts, one of its articles, a tracking code. */
export interface HotContext {
  agencyId: string;
  slug: string;
  categorySlug: string | undefined;
  trackingCode: string;
  at: string;
  dueSoonBefore: string;
}

interface HotQuery {
  name: string;
  /** totals over a period (this year): reading that period's rows whole is expected */
  aggregate?: boolean;
  run(db: Db, ctx: HotContext): Promise<unknown>;
}

const PER_PAGE = 12; // src/news/news.routes.tsx
const DAY = 86_400_000;

async function context(db: Db): Promise<HotContext> {
  const post = await sql<{ agencyId: string; slug: string; category: string | null }>`
    select p.agency_id, p.slug, c.slug as category from posts p left join categories c on c.id = p.category_id
    where p.status = 'published' order by p.published_at desc limit 1`.execute(db);
  const complaint = await sql<{ trackingCode: string }>`
    select tracking_code from complaints order by received_at desc limit 1`.execute(db);
  // Raw rows come back through the CamelCasePlugin too.
  const row = post.rows[0];
  if (!row) throw new Error('no published post to explain: seed the database first');
  const now = Date.now();
  return {
    agencyId: row.agencyId,
    slug: row.slug,
    categorySlug: row.category ?? undefined,
    trackingCode: complaint.rows[0]?.trackingCode ?? 'XXXX-XXXX',
    at: new Date(now).toISOString(),
    dueSoonBefore: new Date(now + 3 * DAY).toISOString(),
  };
}

const list: HotQuery[] = [
  {
    name: 'portal home: the newest posts',
    run: async (db) => {
      const [, latest] = await Promise.all([listAgencies(db), latestPublished(db, {}, 6)]);
      return mediaByIds(
        db,
        latest.map((r) => r.coverMediaId),
      );
    },
  },
  { name: 'agency home: its newest posts', run: (db, c) => latestPublished(db, { agencyId: c.agencyId }, 6) },
  {
    name: 'article by slug, with gallery, tags and related posts',
    run: async (db, c) => {
      const post = await findPublished(db, c.agencyId, c.slug);
      if (!post) throw new Error(`article ${c.slug} not found`);
      return Promise.all([
        galleryOf(db, post.id),
        tagsOf(db, post.id),
        latestPublished(db, { agencyId: c.agencyId, excludeId: post.id, categorySlug: c.categorySlug }, 3),
      ]);
    },
  },
  { name: '/berita page 1', run: (db) => listPublished(db, {}, 1, PER_PAGE) },
  { name: '/berita page 50', run: (db) => listPublished(db, {}, 50, PER_PAGE) },
  {
    name: '/berita page 8,000 (the last pages at 100,000 posts)',
    run: (db) => listPublished(db, {}, 8000, PER_PAGE),
  },
  {
    name: 'agency /berita page 50',
    run: (db, c) => listPublished(db, { agencyId: c.agencyId }, 50, PER_PAGE),
  },
  {
    name: '/berita?kategori page 50',
    run: (db, c) => listPublished(db, { categorySlug: c.categorySlug ?? 'berita' }, 50, PER_PAGE),
  },
  { name: 'feed.xml', run: (db) => latestPublished(db, {}, 30) },
  { name: 'search "banjir"', run: (db) => searchSite(db, { query: 'banjir', page: 1 }) },
  { name: 'search "rapat" page 5', run: (db) => searchSite(db, { query: 'rapat', page: 5 }) },
  {
    name: 'coordinator queue: open tab, counts',
    run: (db, c) =>
      Promise.all([
        listQueue(db, 'all', { tab: 'open', at: c.at, dueSoonBefore: c.dueSoonBefore }),
        queueCounts(db, 'all', c.at, c.dueSoonBefore),
      ]),
  },
  {
    name: 'coordinator queue: overdue tab',
    run: (db, c) => listQueue(db, 'all', { tab: 'overdue', at: c.at, dueSoonBefore: c.dueSoonBefore }),
  },
  {
    name: 'coordinator queue: closed tab page 50',
    run: (db, c) =>
      listQueue(db, 'all', { tab: 'closed', page: 50, at: c.at, dueSoonBefore: c.dueSoonBefore }),
  },
  {
    name: 'OPD queue: open tab',
    run: (db, c) => listQueue(db, [c.agencyId], { tab: 'open', at: c.at, dueSoonBefore: c.dueSoonBefore }),
  },
  { name: 'public complaints list page 50', run: (db) => listPublicComplaints(db, { page: 50 }) },
  {
    name: 'tracking by code',
    run: async (db, c) => {
      const complaint = await findComplaintByCode(db, c.trackingCode);
      if (!complaint) return undefined;
      return Promise.all([eventsOf(db, complaint.id, false), attachmentsOf(db, complaint.id, false)]);
    },
  },
  {
    name: 'monitoring dashboard: metrics of every OPD',
    aggregate: true,
    run: (db, c) => loadMetrics(db, 'all', DEFAULT_RULES, c.at, 'Asia/Pontianak'),
  },
  { name: 'session lookup', run: (db) => findSession(db, randomBytes(32).toString('base64url')) },
];

export const HOT_QUERIES = { context, list };
