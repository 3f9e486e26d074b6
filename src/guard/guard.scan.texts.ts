import { socialLinksOf } from '../agencies/agencies.service.js';
import type { Db } from '../db/database.js';
import { componentTexts } from '../standards/standards.completeness.js';
import { parseComponents } from '../standards/standards.components.js';
import { flaggedFields, type Texts } from './guard.fields.js';
import type { Finding } from './guard.scan.js';

/*
 * The scan of the short texts (guard.fields.ts) as they stand: written before that check existed,
 * or behind its back (a direct database write, a restore). They are listed, never held: there is no
 * earlier version to fall back to, so the admin page where each is fixed is what is printed.
 */

const BATCH = 200;

function finding(
  kind: Finding['kind'],
  agencySlug: string,
  title: string,
  path: string,
  texts: Texts,
): Finding[] {
  const flagged = flaggedFields(texts);
  if (!flagged.length) return [];
  const reasons = [...new Set(flagged.flatMap(([field, v]) => v.reasons.map((r) => `${field}: ${r}`)))];
  return [{ kind, agencySlug, title, path, score: Math.max(...flagged.map(([, v]) => v.score)), reasons }];
}

/** Agency profiles, published services and maklumat, and photo texts that the guard flags. */
export async function scanTexts(db: Db, agencyId: string | undefined): Promise<Finding[]> {
  const found: Finding[] = [];
  let agencies = db.selectFrom('agencies').selectAll();
  if (agencyId) agencies = agencies.where('id', '=', agencyId);
  const slugs = new Map<string, string>();
  for (const a of await agencies.orderBy('slug').execute()) {
    slugs.set(a.id, a.slug);
    const texts = { name: a.name, short_name: a.shortName, description: a.description, address: a.address };
    found.push(
      ...finding('profile', a.slug, a.name, `/admin/opd/${a.slug}`, {
        ...texts,
        service_hours: a.serviceHours,
        ...socialLinksOf(a),
      }),
    );
  }
  let services = db.selectFrom('services').selectAll().where('status', '=', 'published');
  if (agencyId) services = services.where('agencyId', '=', agencyId);
  for (const s of await services.orderBy('agencyId').orderBy('name').execute()) {
    const slug = slugs.get(s.agencyId) ?? '';
    const texts = { name: s.name, summary: s.summary, ...componentTexts(parseComponents(s.components)) };
    found.push(...finding('service', slug, s.name, `/admin/opd/${slug}/layanan/${s.slug}`, texts));
  }
  let pledges = db.selectFrom('servicePledges').selectAll().where('publishedAt', 'is not', null);
  if (agencyId) pledges = pledges.where('agencyId', '=', agencyId);
  for (const p of await pledges.execute()) {
    const slug = slugs.get(p.agencyId) ?? '';
    const texts = { body: p.body, signed_by: p.signedBy, signer_position: p.signerPosition };
    found.push(...finding('pledge', slug, p.signedBy, `/admin/opd/${slug}/layanan/maklumat`, texts));
  }
  // Photos, a batch at a time: a city's library can hold tens of thousands.
  for (let after = ''; ;) {
    let q = db.selectFrom('media').select(['id', 'agencyId', 'originalName', 'alt', 'caption', 'credit']);
    if (agencyId) q = q.where('agencyId', '=', agencyId);
    const rows = await q.where('id', '>', after).orderBy('id').limit(BATCH).execute();
    for (const p of rows) {
      const slug = slugs.get(p.agencyId) ?? '';
      const texts = { alt: p.alt, caption: p.caption, credit: p.credit };
      found.push(...finding('photo', slug, p.originalName, `/admin/opd/${slug}/media/${p.id}`, texts));
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }
  return found;
}
