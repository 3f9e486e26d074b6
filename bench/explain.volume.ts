// Volume for bench/explain.ts on PostgreSQL, where bench/seed-content.ts cannot write: the demo's
// published posts copied N times by SQL (jsonb_populate_record keeps every column, whatever later
// migrations add) and N complaints made whole, with fresh ids, slugs, codes and times. Then VACUUM
// ANALYZE, so the planner sees the volume as it would in production.
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';

export async function fillPostgres(db: Db, posts: number, complaints: number): Promise<string> {
  await sql`with src as (
      select p, row_number() over (order by id) - 1 as n, count(*) over () as k
      from posts p where status = 'published')
    insert into posts
    select (jsonb_populate_record(src.p, jsonb_build_object(
      'id', 'v-' || g, 'slug', (src.p).slug || '-v' || g, 'cover_media_id', null,
      'published_at', now() - g * interval '10 minutes'))).*
    from generate_series(1, ${posts}::int) g join src on src.n = g % src.k`.execute(db);
  // The demo has no complaints: these are made whole. One in a hundred is open (deadlines around
  // now), the rest closed: the queue's real shape. Spread over the agencies, newest first.
  await sql`with a as (select id, row_number() over (order by id) - 1 as n, count(*) over () as k from agencies)
    insert into complaints (id, tracking_code, access_key_hash, class, channel, title, description, status,
      agency_id, deadline_at, resolution_due_at, received_at, created_at, updated_at)
    select 'v-' || g, 'V' || lpad(g::text, 9, '0'), 'x', 'pengaduan', 'web', 'Jalan berlubang', 'Uji volume',
      case when g % 100 = 0 then 'assigned' else 'closed' end, a.id,
      now() + (g % 1000 - 500) * interval '1 hour', now() + interval '14 days',
      now() - g * interval '1 minute', now() - g * interval '1 minute', now()
    from generate_series(1, ${complaints}::int) g join a on a.n = g % a.k`.execute(db);
  // VACUUM sets the visibility map, as autovacuum would have by then: index-only scans count.
  await sql`vacuum analyze`.execute(db);
  const count = async (table: 'posts' | 'complaints') =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return `${await count('posts')} posts, ${await count('complaints')} complaints`;
}
