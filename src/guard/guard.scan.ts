import type { Db } from '../db/database.js';
import { postPath } from '../news/news.queries.js';
import type { AgencyPage, Post } from '../news/news.table.js';
import { detect } from './guard.detect.js';
import { ownHosts } from './guard.repository.js';
import { holdPostIfFlagged, takeDownPage } from './guard.service.js';
import type { HoldSubject } from './guard.table.js';
import { scanTexts } from './guard.scan.texts.js';

/** Live content the detector flags: published posts, agency pages, then the short texts. */
export interface Finding {
  /** posts and pages can be held; the short texts (guard.scan.texts.ts) are listed only */
  kind: HoldSubject | 'profile' | 'service' | 'pledge' | 'photo';
  agencySlug: string;
  title: string;
  path: string;
  score: number;
  reasons: string[];
}

const BATCH = 200;

/** Published posts, a batch at a time (a city's archive does not fit in memory at once). */
async function* publishedPosts(db: Db, agencyId: string | undefined): AsyncGenerator<Post> {
  let after = '';
  for (;;) {
    let q = db.selectFrom('posts').selectAll().where('status', '=', 'published').where('id', '>', after);
    if (agencyId) q = q.where('agencyId', '=', agencyId);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    yield* rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Checks what is live now; with `hold`, flagged posts are taken back to review and flagged pages
 * emptied, each held for the super admin exactly as if it had just been written. Flagged profiles,
 * services, maklumat and photo texts are listed with the admin page that fixes them.
 */
export async function scanContent(
  db: Db,
  options: { agencyId?: string | undefined; hold: boolean },
): Promise<Finding[]> {
  const hosts = await ownHosts(db);
  const slugs = new Map(
    (await db.selectFrom('agencies').select(['id', 'slug']).execute()).map((a) => [a.id, a.slug]),
  );
  const findings: Finding[] = [];
  for await (const post of publishedPosts(db, options.agencyId)) {
    const verdict = detect(post, hosts);
    if (!verdict.flagged) continue;
    const agencySlug = slugs.get(post.agencyId) ?? '';
    findings.push({
      kind: 'post',
      agencySlug,
      title: post.title,
      path: postPath({ agencySlug, slug: post.slug }),
      ...verdict,
    });
    if (options.hold) await db.transaction().execute((tx) => holdPostIfFlagged(tx, null, post));
  }
  let pages = db.selectFrom('agencyPages').selectAll().where('bodyHtml', '!=', '');
  if (options.agencyId) pages = pages.where('agencyId', '=', options.agencyId);
  for (const page of (await pages.orderBy('agencyId').orderBy('position').execute()) as AgencyPage[]) {
    const verdict = detect(page, hosts);
    if (!verdict.flagged) continue;
    const agencySlug = slugs.get(page.agencyId) ?? '';
    findings.push({
      kind: 'page',
      agencySlug,
      title: page.title,
      path: `/opd/${agencySlug}/${page.slug}`,
      ...verdict,
    });
    if (options.hold) await db.transaction().execute((tx) => takeDownPage(tx, page, verdict));
  }
  findings.push(...(await scanTexts(db, options.agencyId)));
  return findings;
}
