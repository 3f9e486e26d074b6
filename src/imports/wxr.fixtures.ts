import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { photoJpeg } from '../media/media.fixtures.js';

/** A small WordPress export written in the test, as Tools › Export would write it. */

export const SITE = 'https://dinkes-lama.example.org';

export interface FixtureItem {
  id: number;
  type: 'post' | 'page' | 'attachment';
  title: string;
  slug: string;
  status?: string;
  content?: string;
  date?: string;
  author?: string;
  categories?: [string, string][];
  tags?: [string, string][];
  thumbnail?: number;
  parent?: number;
  file?: string;
  link?: string;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

function item(i: FixtureItem): string {
  const date = i.date ?? '2021-05-19 02:30:00';
  const link = i.link ?? (i.type === 'post' ? `${SITE}/2021/05/19/${i.slug}/` : `${SITE}/${i.slug}/`);
  const terms = [
    ...(i.categories ?? []).map(
      ([slug, name]) => `<category domain="category" nicename="${slug}">${cdata(name)}</category>`,
    ),
    ...(i.tags ?? []).map(
      ([slug, name]) => `<category domain="post_tag" nicename="${slug}">${cdata(name)}</category>`,
    ),
  ];
  const meta = [
    ...(i.thumbnail ? [['_thumbnail_id', String(i.thumbnail)]] : []),
    ...(i.file
      ? [
          ['_wp_attached_file', i.file],
          ['_wp_attachment_image_alt', `Foto ${i.title}`],
        ]
      : []),
  ].map(
    ([k, v]) =>
      `<wp:postmeta><wp:meta_key>${cdata(k!)}</wp:meta_key><wp:meta_value>${cdata(v!)}</wp:meta_value></wp:postmeta>`,
  );
  return `<item>
<title>${cdata(i.title)}</title>
<link>${link}</link>
<dc:creator>${cdata(i.author ?? 'budi')}</dc:creator>
<guid isPermaLink="false">${SITE}/?p=${i.id}</guid>
<content:encoded>${cdata(i.content ?? '')}</content:encoded>
<excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${i.id}</wp:post_id>
<wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
<wp:post_name>${cdata(i.slug)}</wp:post_name>
<wp:status>${cdata(i.status ?? (i.type === 'attachment' ? 'inherit' : 'publish'))}</wp:status>
<wp:post_parent>${i.parent ?? 0}</wp:post_parent>
<wp:post_type>${cdata(i.type)}</wp:post_type>
${i.file ? `<wp:attachment_url>${cdata(`${SITE}/wp-content/uploads/${i.file}`)}</wp:attachment_url>` : ''}
${terms.join('\n')}
${meta.join('\n')}
</item>`;
}

export function wxr(items: FixtureItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Dinas Kesehatan (lama)</title>
<link>${SITE}</link>
<wp:base_site_url>${SITE}</wp:base_site_url>
<wp:author><wp:author_login>${cdata('budi')}</wp:author_login><wp:author_email>${cdata('editor.dinkes@example.go.id')}</wp:author_email><wp:author_display_name>${cdata('Budi')}</wp:author_display_name></wp:author>
<wp:author><wp:author_login>${cdata('tamu')}</wp:author_login><wp:author_email>${cdata('tamu@example.org')}</wp:author_email><wp:author_display_name>${cdata('Siti Penulis Tamu')}</wp:author_display_name></wp:author>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>${cdata('kesehatan')}</wp:category_nicename><wp:cat_name>${cdata('Kesehatan')}</wp:cat_name></wp:category>
<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug>${cdata('posyandu')}</wp:tag_slug><wp:tag_name>${cdata('Posyandu')}</wp:tag_name></wp:tag>
${items.map(item).join('\n')}
</channel>
</rss>`;
}

const health: [string, string][] = [['kesehatan', 'Kesehatan']];

/** Three posts (one a draft), a page, two photos: every case the importer has to carry. */
export function fixtureItems(): FixtureItem[] {
  return [
    {
      id: 100,
      type: 'attachment',
      title: 'Posyandu',
      slug: 'posyandu-foto',
      file: '2021/05/posyandu.jpg',
      parent: 101,
    },
    {
      id: 102,
      type: 'attachment',
      title: 'Vaksin',
      slug: 'vaksin-foto',
      file: '2021/05/vaksin.jpg',
      parent: 101,
    },
    {
      id: 101,
      type: 'post',
      title: 'Posyandu Balita di Kelurahan Bansir',
      slug: 'posyandu-balita-bansir',
      categories: health,
      tags: [['posyandu', 'Posyandu']],
      thumbnail: 100,
      content:
        'Kegiatan posyandu berjalan lancar.\n\n' +
        `[caption id="attachment_102" width="640"]<img src="${SITE}/wp-content/uploads/2021/05/vaksin-1024x683.jpg" class="wp-image-102" alt="Vaksinasi"> Petugas memberi vaksin[/caption]\n\n` +
        '[gallery ids="100,102"]',
    },
    {
      id: 103,
      type: 'post',
      title: 'Video Sosialisasi Gizi',
      slug: 'video-sosialisasi-gizi',
      author: 'tamu',
      date: '2022-01-10 03:00:00',
      categories: health,
      content:
        '<p>Tonton videonya.</p>\n[embed]https://www.youtube.com/watch?v=abc123[/embed]\n[contact-form-7 id="5" title="Kontak"]',
    },
    {
      id: 104,
      type: 'post',
      title: 'Rancangan Berita',
      slug: 'rancangan-berita',
      status: 'draft',
      content: 'Belum jadi.',
    },
    {
      id: 105,
      type: 'page',
      title: 'Sejarah Dinas',
      slug: 'sejarah',
      content: '<p>Didirikan tahun 1960.</p>',
    },
  ];
}

/** The old site's wp-content/uploads with the two photos (and a resized copy WordPress made). */
export async function uploadsFolder(root: string): Promise<string> {
  const dir = path.join(root, 'uploads');
  mkdirSync(path.join(dir, '2021/05'), { recursive: true });
  writeFileSync(path.join(dir, '2021/05/posyandu.jpg'), await photoJpeg({ width: 1400, height: 900 }));
  writeFileSync(path.join(dir, '2021/05/vaksin.jpg'), await photoJpeg({ width: 1300, height: 866 }));
  return dir;
}
