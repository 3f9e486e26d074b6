import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { getAgencyBySlug, listAgencies } from '../agencies/agencies.repository.js';
import { SlugParams } from '../agencies/agencies.schemas.js';
import type { Agency } from '../agencies/agencies.table.js';
import { ogImageUrl } from '../media/media.presenter.js';
import { listPublishedServiceAddresses } from '../standards/standards.repository.js';
import { latestPublished, mediaByIds, postPath } from './news.queries.js';

const FEED_ITEMS = 30;
/** One sitemap file holds at most 50,000 addresses (sitemaps.org). */
const SITEMAP_LIMIT = 50_000;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RSS 2.0 for the city and for each agency, and the sitemap. Caches may keep them a few minutes. */
export default async function feedRoutes(app: FastifyInstance) {
  const base = app.config.baseUrl;

  async function rss(request: FastifyRequest, reply: FastifyReply, agency: Agency | null) {
    const inst = request.installation;
    const rows = await latestPublished(app.db, { agencyId: agency?.id }, FEED_ITEMS);
    const covers = await mediaByIds(
      app.db,
      rows.map((r) => r.coverMediaId),
    );
    const home = agency ? `${base}/opd/${agency.slug}` : base;
    const feed = new Feed({
      id: home,
      link: home,
      title: agency ? `${agency.name} — ${inst.name}` : inst.name,
      description: agency
        ? `Berita dan kegiatan ${agency.name}`
        : `Berita dan kegiatan perangkat daerah ${inst.name}`,
      language: 'id',
      copyright: inst.name,
      updated: rows[0] ? new Date(rows[0].publishedAt) : new Date(inst.updatedAt),
      generator: 'Balairung',
      feed: `${home}/feed.xml`,
    });
    for (const post of rows) {
      const cover = post.coverMediaId ? covers.get(post.coverMediaId) : undefined;
      feed.addItem({
        title: post.title,
        id: `${base}${postPath(post)}`,
        link: `${base}${postPath(post)}`,
        description: post.summary,
        content: post.bodyHtml,
        date: new Date(post.publishedAt),
        author: [{ name: post.byline || post.agencyName }],
        ...(post.categoryName ? { category: [{ name: post.categoryName }] } : {}),
        ...(cover ? { image: { url: `${base}${ogImageUrl(cover)}`, type: 'image/jpeg' } } : {}),
      });
    }
    return reply
      .type('application/rss+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(feed.rss2());
  }

  /** The portal's or one agency's addresses: home pages, the published service standards, then the news. */
  async function sitemap(request: FastifyRequest, reply: FastifyReply, agency: Agency | null) {
    const [agencies, services] = await Promise.all([
      agency ? [agency] : listAgencies(app.db),
      listPublishedServiceAddresses(app.db, agency?.id),
    ]);
    const fixed = agencies.length + services.length + 3;
    const rows = await latestPublished(app.db, { agencyId: agency?.id }, Math.max(0, SITEMAP_LIMIT - fixed));
    const url = (loc: string, lastmod?: string) =>
      `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    const entries = [
      ...(agency
        ? []
        : [
            url(`${base}/`, rows[0]?.publishedAt),
            url(`${base}/berita`, rows[0]?.publishedAt),
            url(`${base}/layanan`),
          ]),
      ...agencies.map((a) => url(`${base}/opd/${a.slug}`, a.updatedAt)),
      ...services.map((s) => url(`${base}/opd/${s.agencySlug}/layanan/${s.slug}`, s.updatedAt)),
      ...rows.map((p) =>
        url(`${base}${postPath(p)}`, p.updatedAt > p.publishedAt ? p.updatedAt : p.publishedAt),
      ),
    ];
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</urlset>\n`,
      );
  }

  const siteAgency = (request: FastifyRequest) =>
    request.site.kind === 'agency' ? request.site.agency : null;
  app.get('/feed.xml', { schema: { hide: true } }, async (request, reply) =>
    rss(request, reply, siteAgency(request)),
  );
  app.get('/opd/:slug/feed.xml', { schema: { params: SlugParams, hide: true } }, async (request, reply) =>
    rss(request, reply, await getAgencyBySlug(app.db, (request.params as { slug: string }).slug)),
  );
  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) =>
    sitemap(request, reply, siteAgency(request)),
  );
}
