// Frozen: this file never imports app code.
import type { Kysely } from 'kysely';

/*
 * Indexes for the hot queries, as bench/explain.ts found them on both databases (issue 7).
 * - Published lists sort on (published_at desc, id desc). With id in the index the order comes
 *   straight from it (SQLite no longer sorts each run of equal times in a temporary b-tree), and a
 *   deep page skips its offset over the index alone before reading the page's rows (category_id
 *   rides along, so a category's pages are skipped on the index too). The new indexes replace the
 *   two they extend.
 * - A category's list and its count (/berita?kategori=…) find that category's posts by index;
 *   before, both read every published post to look at its category.
 * - The monitoring dashboard counts each OPD's returned complaints this year: without an index on
 *   complaint_events that read every event ever written.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('posts_published_order_idx')
    .on('posts')
    .columns(['status', 'published_at', 'id', 'category_id'])
    .execute();
  await db.schema
    .createIndex('posts_agency_order_idx')
    .on('posts')
    .columns(['agency_id', 'status', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('posts_category_order_idx')
    .on('posts')
    .columns(['status', 'category_id', 'published_at', 'id'])
    .execute();
  await db.schema.dropIndex('posts_published_idx').execute();
  await db.schema.dropIndex('posts_agency_published_idx').execute();
  await db.schema
    .createIndex('complaint_events_action_idx')
    .on('complaint_events')
    .columns(['action', 'created_at', 'agency_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('complaint_events_action_idx').execute();
  await db.schema
    .createIndex('posts_published_idx')
    .on('posts')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('posts_agency_published_idx')
    .on('posts')
    .columns(['agency_id', 'status', 'published_at'])
    .execute();
  await db.schema.dropIndex('posts_category_order_idx').execute();
  await db.schema.dropIndex('posts_published_order_idx').execute();
  await db.schema.dropIndex('posts_agency_order_idx').execute();
}
