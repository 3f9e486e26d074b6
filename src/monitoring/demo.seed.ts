import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/database.js';
import { localClock } from '../jobs/job-runs.js';
import { DEFAULT_CATEGORIES } from '../news/news.repository.js';
import type { Post } from '../news/news.table.js';
import { slugify } from '../news/slug.js';

/*
 * Life for the demo city, so the monitoring dashboard has something to judge on the first start:
 * every OPD has published a few activity posts in the last two weeks and its admins signed in
 * recently, except `staleSlug` (disperpusip, which also has a single admin), whose last post is more
 * than a month old: it shows in the red zone until someone adds an admin and posts.
 *
 * Written as plain rows in the seeding transaction (a few hundred, in a handful of statements: the
 * first `npm start` stays fast). They are real published posts: the search index and the page cache
 * follow the posts table by trigger, as for posts written through the editor. No photos: processing
 * images would slow the first start for little.
 */

const DAY_MS = 86_400_000;

const RECENT = [
  { daysAgo: 1, title: (s: string) => `Rapat koordinasi program kerja ${s}` },
  { daysAgo: 4, title: (s: string) => `Sosialisasi layanan ${s} kepada warga` },
  { daysAgo: 12, title: (s: string) => `Apel pagi dan pembinaan pegawai ${s}` },
];
const OLD = [
  { daysAgo: 45, title: (s: string) => `Pameran buku dan lomba membaca ${s}` },
  { daysAgo: 75, title: (s: string) => `Kunjungan pelajar ke ${s}` },
];

const body = (title: string, shortName: string) =>
  `<p>${title}. Kegiatan ini diikuti pegawai ${shortName} dan warga Kota Pontianak.</p>` +
  '<p>Tulisan ini contoh dari data demo Balairung.</p>';

export async function seedDemoActivity(
  tx: Tx,
  options: { at: string; timeZone: string; staleSlug: string },
): Promise<void> {
  const agencies = await tx.selectFrom('agencies').select(['id', 'slug', 'shortName']).execute();
  const categories = agencies.flatMap((a) =>
    DEFAULT_CATEGORIES.map((c, position) => ({
      id: randomUUID(),
      agencyId: a.id,
      slug: c.slug,
      name: c.name,
      position,
    })),
  );
  await tx
    .insertInto('categories')
    .values(categories)
    .onConflict((oc) => oc.columns(['agencyId', 'slug']).doNothing())
    .execute();
  const kegiatan = new Map(
    (
      await tx.selectFrom('categories').select(['id', 'agencyId']).where('slug', '=', 'kegiatan').execute()
    ).map((c) => [c.agencyId, c.id]),
  );
  const posts: Post[] = agencies.flatMap((a) =>
    (a.slug === options.staleSlug ? OLD : RECENT).map(({ daysAgo, title }) => {
      const published = new Date(Date.parse(options.at) - daysAgo * DAY_MS).toISOString();
      const text = title(a.shortName);
      return {
        id: randomUUID(),
        agencyId: a.id,
        slug: slugify(text),
        title: text,
        summary: `${text}. Kegiatan ini diikuti pegawai ${a.shortName} dan warga Kota Pontianak.`,
        bodyHtml: body(text, a.shortName),
        status: 'published',
        categoryId: kegiatan.get(a.id) ?? null,
        authorId: null,
        byline: `Admin ${a.shortName}`,
        coverMediaId: null,
        activityDate: localClock(options.timeZone, published).date,
        regionId: null,
        reviewNote: '',
        publishAt: null,
        publishedAt: published,
        createdAt: published,
        updatedAt: published,
      };
    }),
  );
  await tx.insertInto('posts').values(posts).execute();
  await tx
    .insertInto('postRevisions')
    .values(
      posts.map((p) => ({
        id: randomUUID(),
        postId: p.id,
        title: p.title,
        summary: p.summary,
        bodyHtml: p.bodyHtml,
        authorId: null,
        createdAt: p.createdAt,
      })),
    )
    .execute();
  // Every demo admin signed in three days ago: active, by the default rule of 90 days.
  await tx
    .updateTable('users')
    .set({ lastLoginAt: new Date(Date.parse(options.at) - 3 * DAY_MS).toISOString() })
    .where('id', 'in', (eb) => eb.selectFrom('memberships').select('userId').where('role', '=', 'admin'))
    .execute();
}
