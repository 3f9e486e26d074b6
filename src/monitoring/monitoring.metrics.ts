import type { AgencyKind } from '../agencies/agencies.table.js';
import { loadFigures } from '../complaints/complaints.stats.js';
import { OPEN_STATUSES } from '../complaints/complaints.queries.js';
import type { DbOrTx } from '../db/database.js';
import { summarizeStandards } from '../standards/standards.summary.js';
import { localClock } from '../jobs/job-runs.js';
import { zonedToUtc } from '../time/zone.js';
import type { MonitoringRules } from './rules.js';
import type { ScoreInput } from './score.js';

/*
 * The figures per OPD the dashboard shows, read fresh on every request (no cache: an admin who just
 * posted must see it on the next page load). A handful of grouped queries for all OPDs at once,
 * never one query per OPD. Complaint figures count the complaints received in the current year
 * (installation zone), as /aduan/kinerja does; "overdue now" is every open complaint of the OPD
 * past its deadline, whenever it came in.
 */

export interface AgencyMetrics extends ScoreInput {
  agencyId: string;
  slug: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  lastPostAt: string | null;
  posts7d: number;
  posts30d: number;
  /** share of the last 30 days' posts with a photo, 0–100; null without posts */
  photoPercent30d: number | null;
  /** admins (role admin, account not disabled) */
  admins: number;
  /** active admins with two-factor sign-in */
  activeAdminsTwoFactor: number;
  year: number;
  complaintsReceived: number;
  medianDays: number | null;
  reopened: number;
  /** times the OPD handed a complaint back to the coordinator as not its own (misrouted) */
  returned: number;
  /** average rating 1–5; null when nobody rated */
  satisfaction: number | null;
  ratings: number;
}

/** 'all' for every OPD, or the ids of the OPDs the reader may see. */
export type Scope = 'all' | string[];

const DAY_MS = 86_400_000;
const daysBefore = (at: string, days: number) => new Date(Date.parse(at) - days * DAY_MS).toISOString();
const count = (value: unknown) => Number(value ?? 0);

async function agenciesIn(db: DbOrTx, scope: Scope) {
  let q = db.selectFrom('agencies').select(['id', 'slug', 'name', 'shortName', 'kind']).orderBy('name');
  if (scope !== 'all') q = q.where('id', 'in', scope);
  return q.execute();
}

async function postFigures(db: DbOrTx, ids: string[], at: string) {
  const [d7, d30] = [daysBefore(at, 7), daysBefore(at, 30)];
  const rows = await db
    .selectFrom('posts')
    .select((eb) => {
      const when = (from: string, photo = false) =>
        eb.fn.sum<number>(
          eb
            .case()
            .when(
              eb.and([eb('publishedAt', '>=', from), ...(photo ? [eb('coverMediaId', 'is not', null)] : [])]),
            )
            .then(1)
            .else(0)
            .end(),
        );
      return [
        'agencyId',
        eb.fn.max('publishedAt').as('lastPostAt'),
        when(d7).as('posts7d'),
        when(d30).as('posts30d'),
        when(d30, true).as('photos30d'),
      ];
    })
    .where('agencyId', 'in', ids)
    .where('status', '=', 'published')
    .where('publishedAt', '<=', at)
    .groupBy('agencyId')
    .execute();
  return new Map(rows.map((r) => [r.agencyId, r]));
}

async function adminFigures(db: DbOrTx, ids: string[], at: string, rules: MonitoringRules) {
  const since = daysBefore(at, rules.activeWithinDays);
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select((eb) => {
      const active = eb.and([eb('u.lastLoginAt', '>=', since), eb('u.lastLoginAt', '<=', at)]);
      return [
        'm.agencyId',
        eb.fn.countAll<number>().as('admins'),
        eb.fn.sum<number>(eb.case().when(active).then(1).else(0).end()).as('active'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([active, eb('u.totpEnabledAt', 'is not', null)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('twoFactor'),
      ];
    })
    .where('m.agencyId', 'in', ids)
    .where('m.role', '=', 'admin')
    .where('u.disabledAt', 'is', null)
    .groupBy('m.agencyId')
    .execute();
  return new Map(rows.map((r) => [r.agencyId, r]));
}

async function complaintExtras(db: DbOrTx, ids: string[], at: string, yearFrom: string) {
  const [overdue, returned] = await Promise.all([
    db
      .selectFrom('complaints')
      .select(['agencyId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agencyId', 'in', ids)
      .where('status', 'in', [...OPEN_STATUSES])
      .where('deadlineAt', '<', at)
      .groupBy('agencyId')
      .execute(),
    db
      .selectFrom('complaintEvents')
      .select(['agencyId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agencyId', 'in', ids)
      .where('action', '=', 'return')
      .where('createdAt', '>=', yearFrom)
      .groupBy('agencyId')
      .execute(),
  ]);
  const map = (rows: { agencyId: string | null; n: number }[]) =>
    new Map(rows.map((r) => [r.agencyId ?? '', count(r.n)]));
  return { overdue: map(overdue), returned: map(returned) };
}

type PostRow = Awaited<ReturnType<typeof postFigures>> extends Map<string, infer R> ? R : never;

function postsOf(p: PostRow | undefined, at: string) {
  const lastPostAt = (p?.lastPostAt as string | null | undefined) ?? null;
  const posts30d = count(p?.posts30d);
  return {
    lastPostAt,
    daysSincePost: lastPostAt ? Math.floor((Date.parse(at) - Date.parse(lastPostAt)) / DAY_MS) : null,
    posts7d: count(p?.posts7d),
    posts30d,
    photoPercent30d: posts30d ? Math.round((count(p?.photos30d) / posts30d) * 100) : null,
  };
}

/** The metrics of every OPD in scope, by name. */
export async function loadMetrics(
  db: DbOrTx,
  scope: Scope,
  rules: MonitoringRules,
  at: string,
  timeZone: string,
): Promise<AgencyMetrics[]> {
  const agencies = await agenciesIn(db, scope);
  if (!agencies.length) return [];
  const ids = agencies.map((a) => a.id);
  const year = Number(localClock(timeZone, at).date.slice(0, 4));
  const yearFrom = zonedToUtc(year, 1, 1, timeZone);
  const [posts, admins, standards, figures, extras] = await Promise.all([
    postFigures(db, ids, at),
    adminFigures(db, ids, at, rules),
    summarizeStandards(db, at),
    loadFigures(db, { year, at, ...(ids.length === 1 ? { agencyId: ids[0]! } : {}) }),
    complaintExtras(db, ids, at, yearFrom),
  ]);
  const figuresOf = new Map(figures.agencies.map((f) => [f.agencyId, f]));
  return agencies.map((a) => {
    const p = posts.get(a.id);
    const m = admins.get(a.id);
    const s = standards.get(a.id);
    const f = figuresOf.get(a.id);
    return {
      ...a,
      agencyId: a.id,
      ...postsOf(p, at),
      admins: count(m?.admins),
      activeAdmins: count(m?.active),
      activeAdminsTwoFactor: count(m?.twoFactor),
      servicesTotal: s?.servicesTotal ?? 0,
      servicesComplete: s?.servicesComplete ?? 0,
      pledgePublished: s?.pledgePublished ?? false,
      year,
      complaintsReceived: f?.received ?? 0,
      inTimePercent: f?.inTimePercent ?? null,
      medianDays: f?.medianDays ?? null,
      reopened: f?.reopened ?? 0,
      overdue: extras.overdue.get(a.id) ?? 0,
      returned: extras.returned.get(a.id) ?? 0,
      satisfaction: f?.averageRating ?? null,
      ratings: f?.ratings ?? 0,
    };
  });
}
