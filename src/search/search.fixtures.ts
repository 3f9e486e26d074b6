// Test data for the search suites: posts published at fixed times, agency pages.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { actorFor } from '../accounts/sessions.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { createPost } from '../news/news.service.js';
import { sanitizePostHtml } from '../news/sanitize.js';
import type { Post } from '../news/news.table.js';

interface PostText {
  title: string;
  summary?: string;
  body_html?: string;
  cover_media_id?: string;
}

async function superAdmin(app: FastifyInstance) {
  const user = await app.db
    .selectFrom('users')
    .selectAll()
    .where('installationRole', '=', 'super_admin')
    .orderBy('createdAt')
    .executeTakeFirstOrThrow();
  return actorFor(app.db, user);
}

/** A post saved as a draft, or published and dated `publishedAt` (so the order by date is known). */
export async function makePost(
  app: FastifyInstance,
  agencySlug: string,
  text: PostText,
  publishedAt: string | null,
): Promise<Post> {
  const agency = await getAgencyBySlug(app.db, agencySlug);
  const actor = await superAdmin(app);
  const post = await createPost(app.db, actor, agency, text, publishedAt ? { action: 'publish' } : undefined);
  if (!publishedAt) return post;
  await app.db.updateTable('posts').set({ publishedAt }).where('id', '=', post.id).execute();
  return { ...post, publishedAt };
}

/** An agency page (Profil, Kontak…), written the way the page editor will: sanitised. */
export async function makePage(
  app: FastifyInstance,
  agencySlug: string,
  page: { slug: string; title: string; body_html: string },
): Promise<string> {
  const agency = await getAgencyBySlug(app.db, agencySlug);
  const id = randomUUID();
  await app.db
    .insertInto('agencyPages')
    .values({
      id,
      agencyId: agency.id,
      slug: page.slug,
      title: page.title,
      bodyHtml: sanitizePostHtml(page.body_html),
      position: 0,
      updatedAt: '2026-01-05T03:00:00.000Z',
    })
    .execute();
  return id;
}

/** `n` days after 1 Jan 2026 at 09:00 WIB, for published dates whose order is plain to read. */
export const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 2)).toISOString();

/**
 * The ranking fixture run on both databases: which post is which is known by its key, so the two
 * runs (with different ids) can be compared.
 */
export const RANKING_POSTS: readonly { key: string; agency: string; at: number; text: PostText }[] = [
  {
    key: 'title-old',
    agency: 'bpbd',
    at: 1,
    text: {
      title: 'Banjir Rob Merendam Jalan Tanjung Raya',
      summary: 'Air pasang setinggi lutut.',
      body_html: '<p>Petugas siaga di lokasi genangan.</p>',
    },
  },
  {
    key: 'summary-mid',
    agency: 'bpbd',
    at: 5,
    text: {
      title: 'Siaga Musim Hujan',
      summary: 'Warga diminta waspada banjir kiriman.',
      body_html: '<p>Posko dibuka di setiap kecamatan.</p>',
    },
  },
  {
    key: 'body-new',
    agency: 'pupr',
    at: 9,
    text: {
      title: 'Normalisasi Parit Sungai Jawi',
      summary: 'Pengerukan sedimen sepanjang dua kilometer.',
      body_html: '<p>Pekerjaan ini mengurangi risiko <strong>banjir</strong> di permukiman.</p>',
    },
  },
  {
    key: 'title-new',
    agency: 'pupr',
    at: 8,
    text: {
      title: 'Pompa Banjir Baru di Pasar Flamboyan',
      summary: 'Kapasitas dua ratus liter per detik.',
      body_html: '<p>Dipasang oleh tim drainase kota.</p>',
    },
  },
  {
    key: 'two-words',
    agency: 'dinkes',
    at: 3,
    text: {
      title: 'Layanan Kesehatan Korban Banjir',
      summary: 'Puskesmas keliling menjangkau pengungsi.',
      body_html: '<p>Vaksinasi dan pemeriksaan gratis untuk warga terdampak.</p>',
    },
  },
  {
    key: 'vaccine',
    agency: 'dinkes',
    at: 6,
    text: {
      title: 'Vaksinasi Campak untuk Anak Sekolah',
      summary: 'Jadwal di setiap sekolah dasar.',
      body_html: '<p>Orang tua diminta membawa kartu imunisasi.</p>',
    },
  },
];

/** Queries whose results the two databases must agree on, in order. */
export const RANKING_QUERIES = [
  'banjir',
  'BANJIR!',
  'banj',
  'vaksin',
  'banjir kesehatan',
  'pompa banjir',
  'siaga',
  'kiriman',
  'tidak-ada-di-mana-mana',
] as const;

/** Queries a person may type, by accident or not; none may make the database fail. */
export const HOSTILE_QUERIES: readonly string[] = [
  '"',
  '""',
  '"banjir',
  'banjir*',
  '* *',
  'NEAR(banjir jalan)',
  'banjir NEAR/2 jalan',
  '-banjir',
  ':',
  'title:banjir',
  '{title summary}: banjir',
  'AND OR NOT',
  'banjir AND',
  '^banjir',
  '()',
  "'",
  "banjir'; drop table posts; --",
  '\\',
  '&|!<->:*AB',
  'banjir:*A',
  '\u0000',
  'banjir\u0000jalan',
  '🏥',
  'Dinas 🏥 Kesehatan',
  'x'.repeat(1000),
  'banjir '.repeat(140),
  '<script>alert(1)</script>',
  'ꭰ 𞤀 ǅ',
  '\u0301',
  '%_',
  '۱۲۳ ไทย',
];
