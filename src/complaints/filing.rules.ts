import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Region } from '../agencies/agencies.table.js';
import { TooManyRequestsError } from '../errors.js';
import type { ComplaintInput } from './complaints.schemas.js';
import { TEXT_FIELDS } from './filing.form.js';
import { errors as e } from './messages.js';
import type { OptionGroup } from './views/filing-fields.js';
import { filingMessages as m } from './views/filing-messages.js';

/*
 * Limits per address (BALAIRUNG_RATE_LIMIT=off turns them all off for load tests):
 * - every POST of the form: 30 an hour, checked before the body is read, so a flood costs little;
 * - complaints actually filed: 10 an hour with a solved proof of work, 3 an hour without one.
 *   Without JavaScript no solution can arrive; refusing those would shut out citizens on old
 *   phones or with scripts off, so they may file, under the stricter limit (docs/decisions.md).
 * Only submissions that pass validation count towards the filing limits: correcting a typo costs
 * nothing. The per-contact limit (5 a day per email or phone) is the service's.
 */
export const POSTS_PER_HOUR = 30;
export const FILED_PER_HOUR_WITH_POW = 10;
export const FILED_PER_HOUR_WITHOUT_POW = 3;

export function filingLimits(app: FastifyInstance) {
  if (!app.config.rateLimit) return { route: { rateLimit: false as const }, address: async () => null };
  const withPow = app.createRateLimit({ max: FILED_PER_HOUR_WITH_POW, timeWindow: '1 hour' });
  const withoutPow = app.createRateLimit({ max: FILED_PER_HOUR_WITHOUT_POW, timeWindow: '1 hour' });
  return {
    route: {
      rateLimit: {
        max: POSTS_PER_HOUR,
        timeWindow: '1 hour',
        errorResponseBuilder: () => new TooManyRequestsError(m.tooManyPosts),
      },
    },
    /** A message when this address has filed too many complaints lately; null when it may file. */
    async address(request: FastifyRequest, solved: boolean): Promise<string | null> {
      const limit = await (solved ? withPow : withoutPow)(request);
      if (limit.isAllowed || !limit.isExceeded) return null;
      const minutes = Math.max(1, Math.ceil(limit.ttl / 60_000));
      return solved ? m.tooManyFromAddress(minutes) : m.tooManyWithoutScript(minutes);
    },
  };
}

/**
 * The service's own rules that need no database, checked with the schema's so a person sees every
 * problem at once; the service still decides (and says the same words).
 */
export function precheck(input: ComplaintInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.reporter.name?.trim()) errors.reporter_name = e.nameMissing;
  if (!input.reporter.email?.trim() && !input.reporter.phone?.trim())
    errors.reporter_email = e.contactMissing;
  if (!input.consent) errors.consent = e.consentMissing;
  return errors;
}

/** What the form shows again: what was typed and ticked, never the one-time or hidden fields. */
export function shownValues(fields: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name of [...TEXT_FIELDS, 'anonymous', 'confidential', 'consent']) {
    const value = fields[name];
    if (value !== undefined) shown[name] = value;
  }
  return shown;
}

/** Kelurahan grouped by kecamatan, for the one place select (public form and staff entry). */
export function placeGroups(rows: readonly Region[]): OptionGroup[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'id');
  return rows
    .filter((r) => r.kind === 'kecamatan')
    .sort(byName)
    .map((k) => ({
      label: `Kecamatan ${k.name}`,
      options: rows
        .filter((r) => r.kind === 'kelurahan' && r.parentId === k.id)
        .sort(byName)
        .map((r) => ({ value: r.slug, label: r.name })),
    }))
    .filter((g) => g.options.length > 0);
}
