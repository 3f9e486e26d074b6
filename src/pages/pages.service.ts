import { randomUUID } from 'node:crypto';
import type { Actor } from '../accounts/accounts.policy.js';
import type { Agency } from '../agencies/agencies.table.js';
import { changedFields, recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx, Tx } from '../db/database.js';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.js';
import { holdPageIfFlagged } from '../guard/guard.service.js';
import type { AgencyPage } from '../news/news.table.js';
import { htmlToText, sanitizePostHtml } from '../news/sanitize.js';
import { slugify } from '../news/slug.js';
import { now } from '../time/clock.js';
import { m } from './messages.js';
import { canEditPages } from './pages.policy.js';
import {
  deletePageRow,
  insertPagesIfMissing,
  listPages,
  setPosition,
  updatePageContent,
} from './pages.repository.js';
import type { Direction, NewPageInput, PageInput } from './pages.schemas.js';

/** The pages every agency has, in menu order; created the first time they are needed. */
export const DEFAULT_PAGES = [
  { slug: 'profil', title: 'Profil' },
  { slug: 'visi-misi', title: 'Visi dan Misi' },
  { slug: 'struktur-organisasi', title: 'Struktur Organisasi' },
  { slug: 'tugas-fungsi', title: 'Tugas dan Fungsi' },
  { slug: 'kontak', title: 'Kontak' },
] as const;
export const CONTACT_PAGE = 'kontak';
const DEFAULT_SLUGS: ReadonlySet<string> = new Set(DEFAULT_PAGES.map((p) => p.slug));

/**
 * Addresses a page may not take. On an agency's own host a page lives at `/{slug}`, beside the
 * site's own paths, and under `/opd/{slug}/` beside `berita`: the router prefers a fixed path, so a
 * page with one of these addresses could never be reached. Also reserved: paths planned but not
 * yet built (aduan, layanan…), and `baru`, the admin's "new page" address. pages.service.test.ts
 * checks that every fixed path the app answers is listed here.
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'aduan',
  'akun',
  'api',
  'aset',
  'atur-kata-sandi',
  'baru',
  'berita',
  'cari',
  'dasbor',
  'favicon',
  'feed',
  'galeri',
  'halaman',
  'healthz',
  'identitas',
  'kegiatan',
  'keluar',
  'layanan',
  'lupa-kata-sandi',
  'masuk',
  'media',
  'metrics',
  'monitoring',
  'opd',
  'open311',
  'pengguna',
  'pengumuman',
  'robots',
  'rss',
  'sitemap',
  'standar-pelayanan',
]);

export const isDefaultPage = (page: Pick<AgencyPage, 'slug'>): boolean => DEFAULT_SLUGS.has(page.slug);

/** In the public menu: a page with something in it (text, a picture, a table), and Kontak always. */
export const isInMenu = (page: AgencyPage): boolean =>
  page.slug === CONTACT_PAGE || hasContent(page.bodyHtml);

export const hasContent = (html: string): boolean =>
  htmlToText(html) !== '' || /<(img|table|hr)\b/i.test(html);

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The agency's description (plain text) as the first body of Tugas dan Fungsi: paragraphs and line breaks. */
export function descriptionHtml(description: string): string {
  const paragraphs = description
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br />')}</p>`);
  return sanitizePostHtml(paragraphs.join(''));
}

/** The agency's pages in menu order, creating the default ones that are not there yet. */
export async function pagesOf(db: DbOrTx, agency: Agency): Promise<AgencyPage[]> {
  const pages = await listPages(db, agency.id);
  const present = new Set(pages.map((p) => p.slug));
  const missing = DEFAULT_PAGES.map((p, position) => ({ ...p, position })).filter(
    (p) => !present.has(p.slug),
  );
  if (!missing.length) return pages;
  const at = now();
  await insertPagesIfMissing(
    db,
    agency.id,
    missing.map((p) => ({
      id: randomUUID(),
      slug: p.slug,
      title: p.title,
      bodyHtml: p.slug === 'tugas-fungsi' ? descriptionHtml(agency.description) : '',
      position: p.position,
      updatedAt: at,
    })),
  );
  return listPages(db, agency.id);
}

/** One page of the agency by its address (defaults included), or undefined. */
export async function pageOf(db: DbOrTx, agency: Agency, slug: string): Promise<AgencyPage | undefined> {
  return (await pagesOf(db, agency)).find((p) => p.slug === slug);
}

function mayEdit(actor: Actor, agency: Agency): void {
  if (!canEditPages(actor, agency.id)) throw new ForbiddenError();
}

const audit = (tx: Tx, actor: Actor, page: AgencyPage, action: string, details: Record<string, unknown>) =>
  recordAudit(tx, {
    actorId: actor.userId,
    agencyId: page.agencyId,
    action: `page.${action}`,
    subjectType: 'agency_page',
    subjectId: page.id,
    details: { slug: page.slug, ...details },
  });

/** Saves a page's title and body; the body is sanitised here, whoever calls. */
export async function savePage(
  db: Db,
  actor: Actor,
  agency: Agency,
  page: AgencyPage,
  input: PageInput,
): Promise<AgencyPage & { heldReasons?: string[] }> {
  mayEdit(actor, agency);
  const changes = {
    title: input.title.trim(),
    bodyHtml: sanitizePostHtml(input.body_html ?? ''),
    updatedAt: now(),
  };
  return db.transaction().execute(async (tx) => {
    // Judi-online spam stays off the live page, held for the super admin (src/guard).
    const heldReasons = await holdPageIfFlagged(tx, actor.userId, page, changes);
    if (heldReasons) return { ...page, heldReasons };
    await updatePageContent(tx, agency.id, page.id, changes);
    await audit(tx, actor, page, 'updated', { title: changes.title, changed: changedFields(page, changes) });
    return { ...page, ...changes };
  });
}

/** Adds a page at the end of the menu; its address comes from the title unless one is given. */
export async function addPage(
  db: Db,
  actor: Actor,
  agency: Agency,
  input: NewPageInput,
): Promise<AgencyPage> {
  mayEdit(actor, agency);
  const title = input.title.trim();
  const given = (input.slug ?? '').trim();
  const field = given ? 'slug' : 'title';
  if (!given && !/[a-z0-9]/.test(title.normalize('NFKD').toLowerCase()))
    throw new ValidationError({ title: m.slugEmpty });
  const slug = given || slugify(title, 60);
  if (RESERVED_PAGE_SLUGS.has(slug)) throw new ValidationError({ [field]: m.slugReserved(slug) });
  return db.transaction().execute(async (tx) => {
    const pages = await pagesOf(tx, agency);
    const page: AgencyPage = {
      id: randomUUID(),
      agencyId: agency.id,
      slug,
      title,
      bodyHtml: '',
      position: Math.max(-1, ...pages.map((p) => p.position)) + 1,
      updatedAt: now(),
    };
    const inserted = await insertPagesIfMissing(tx, agency.id, [page]);
    if (!inserted) throw new ValidationError({ [field]: m.slugTaken(slug) });
    await audit(tx, actor, page, 'created', { title });
    return page;
  });
}

/** Moves a page one place up or down the menu; at either end it stays where it is. */
export async function movePage(
  db: Db,
  actor: Actor,
  agency: Agency,
  page: AgencyPage,
  direction: Direction,
): Promise<void> {
  mayEdit(actor, agency);
  await db.transaction().execute(async (tx) => {
    const order = await pagesOf(tx, agency);
    const from = order.findIndex((p) => p.id === page.id);
    const to = direction === 'naik' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Renumbered from 0, so equal positions (pages added elsewhere) cannot keep two pages stuck.
    for (const [position, p] of order.entries())
      if (p.position !== position) await setPosition(tx, agency.id, p.id, position);
    await audit(tx, actor, page, 'moved', { direction });
  });
}

/** Deletes a page an admin added; the default pages stay (an empty one is simply not in the menu). */
export async function removePage(db: Db, actor: Actor, agency: Agency, page: AgencyPage): Promise<void> {
  mayEdit(actor, agency);
  if (isDefaultPage(page)) throw new ConflictError(m.defaultNotDeletable);
  await db.transaction().execute(async (tx) => {
    await deletePageRow(tx, agency.id, page.id);
    await audit(tx, actor, page, 'deleted', { title: page.title });
  });
}

/** What the public menu needs of a page. */
export interface MenuItem {
  slug: string;
  title: string;
}

/** The public menu: the pages with something in them (and Kontak), in position order. */
export const menuOf = (pages: readonly AgencyPage[]): MenuItem[] =>
  pages.filter(isInMenu).map(({ slug, title }) => ({ slug, title }));
