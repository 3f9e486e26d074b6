import { getInstallation } from '../agencies/agencies.repository.js';
import type { DbOrTx } from '../db/database.js';
import { loadCalendar } from '../time/calendar.repository.js';
import { now } from '../time/clock.js';
import { workingDaysBetween, type Calendar } from '../time/working-days.js';
import { zonedToUtc } from '../time/zone.js';
import { listPublicComplaints, type PublicComplaintRow } from './complaints.public.js';

/*
 * The public figures per OPD (/aduan/kinerja and the summary on /aduan), measured on the complaints
 * assigned to it as the lead OPD:
 * - received: complaints assigned to it (received in the period);
 * - answered within the deadline: first answer at or before the first follow-up deadline; the
 *   percentage is of the complaints whose deadline has come (answered, or past the deadline
 *   unanswered), so a complaint assigned this morning does not count against the OPD yet;
 * - median working days to answer: from assignment to the first answer, counted on the OPD's own
 *   calendar (src/time/working-days.ts), the same rule its deadline was set by;
 * - reopened: complaints the citizen reopened at least once;
 * - satisfaction: the average of the citizens' ratings and how many rated.
 *
 * Rahasia complaints are counted. The figures are numbers, not content: nothing of a rahasia
 * complaint can be read from them, and leaving them out would let the figures look better than the
 * work was (and would change them whenever the coordinator changes a privacy flag).
 */

export interface Figures {
  received: number;
  /** answered, or unanswered past the first-answer deadline */
  due: number;
  answered: number;
  answeredInTime: number;
  /** answeredInTime / due, 0–100; null when nothing is due yet */
  inTimePercent: number | null;
  /** median working days from assignment to the first answer; null when none was answered */
  medianDays: number | null;
  reopened: number;
  ratings: number;
  /** 1–5; null when nobody rated */
  averageRating: number | null;
}

export interface AgencyFigures extends Figures {
  agencyId: string;
  slug: string;
  name: string;
}

export interface FiguresReport {
  /** the OPDs with at least one complaint in the period, by name */
  agencies: AgencyFigures[];
  /** all OPDs together */
  total: Figures;
}

export interface FiguresFilter {
  /** a calendar year in the installation's zone; all time when absent */
  year?: number;
  agencyId?: string;
  /** the instant "past the deadline" is measured at; now by default */
  at?: string;
}

const num = (value: unknown): number => Number(value ?? 0);

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Counts {
  received: number;
  due: number;
  answered: number;
  answeredInTime: number;
  reopened: number;
  ratings: number;
  ratingSum: number;
}

function figuresOf(counts: Counts, days: readonly number[]): Figures {
  return {
    received: counts.received,
    due: counts.due,
    answered: counts.answered,
    answeredInTime: counts.answeredInTime,
    inTimePercent: counts.due ? Math.round((counts.answeredInTime / counts.due) * 1000) / 10 : null,
    medianDays: median(days),
    reopened: counts.reopened,
    ratings: counts.ratings,
    averageRating: counts.ratings ? Math.round((counts.ratingSum / counts.ratings) * 10) / 10 : null,
  };
}

async function periodOf(db: DbOrTx, year: number | undefined) {
  if (!year) return undefined;
  const { timeZone } = await getInstallation(db);
  return { from: zonedToUtc(year, 1, 1, timeZone), to: zonedToUtc(year + 1, 1, 1, timeZone) };
}

/** One grouped query for the counts, one for the answered rows (the medians are computed here). */
export async function loadFigures(db: DbOrTx, filter: FiguresFilter = {}): Promise<FiguresReport> {
  const at = filter.at ?? now();
  const period = await periodOf(db, filter.year);
  let counts = db
    .selectFrom('complaints as c')
    .innerJoin('agencies as a', 'a.id', 'c.agencyId')
    .select((eb) => {
      const count = (condition: Parameters<typeof eb.case>[0]) =>
        eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        'a.id as agencyId',
        'a.slug',
        'a.name',
        eb.fn.countAll<number>().as('received'),
        count(eb.or([eb('c.firstAnsweredAt', 'is not', null), eb('c.firstAnswerDueAt', '<', at)])).as('due'),
        count(eb('c.firstAnsweredAt', 'is not', null)).as('answered'),
        count(
          eb.and([
            eb('c.firstAnsweredAt', 'is not', null),
            eb('c.firstAnsweredAt', '<=', eb.ref('c.firstAnswerDueAt')),
          ]),
        ).as('answeredInTime'),
        count(eb('c.reopened', '>', 0)).as('reopened'),
        eb.fn.count<number>('c.rating').as('ratings'),
        eb.fn.sum<number>('c.rating').as('ratingSum'),
      ];
    })
    .groupBy(['a.id', 'a.slug', 'a.name']);
  let answered = db
    .selectFrom('complaints as c')
    .select(['c.agencyId', 'c.assignedAt', 'c.firstAnsweredAt'])
    .where('c.agencyId', 'is not', null)
    .where('c.firstAnsweredAt', 'is not', null);
  if (period) {
    counts = counts.where('c.receivedAt', '>=', period.from).where('c.receivedAt', '<', period.to);
    answered = answered.where('c.receivedAt', '>=', period.from).where('c.receivedAt', '<', period.to);
  }
  if (filter.agencyId) {
    counts = counts.where('c.agencyId', '=', filter.agencyId);
    answered = answered.where('c.agencyId', '=', filter.agencyId);
  }
  const [rows, answers] = await Promise.all([counts.execute(), answered.execute()]);

  const days = new Map<string, number[]>();
  const calendars = new Map<string, Calendar>();
  for (const row of answers) {
    const agencyId = row.agencyId!;
    let calendar = calendars.get(agencyId);
    if (!calendar) calendars.set(agencyId, (calendar = await loadCalendar(db, agencyId)));
    // A complaint routed again after its answer has a later assignment: it was answered at once.
    const from =
      row.assignedAt && row.assignedAt < row.firstAnsweredAt! ? row.assignedAt : row.firstAnsweredAt!;
    const list = days.get(agencyId) ?? [];
    list.push(workingDaysBetween(calendar, from, row.firstAnsweredAt!));
    days.set(agencyId, list);
  }

  const total: Counts = {
    received: 0,
    due: 0,
    answered: 0,
    answeredInTime: 0,
    reopened: 0,
    ratings: 0,
    ratingSum: 0,
  };
  const agencies = rows
    .map((row) => {
      const c: Counts = {
        received: num(row.received),
        due: num(row.due),
        answered: num(row.answered),
        answeredInTime: num(row.answeredInTime),
        reopened: num(row.reopened),
        ratings: num(row.ratings),
        ratingSum: num(row.ratingSum),
      };
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += c[key];
      return {
        agencyId: row.agencyId,
        slug: row.slug,
        name: row.name,
        ...figuresOf(c, days.get(row.agencyId) ?? []),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return { agencies, total: figuresOf(total, [...days.values()].flat()) };
}

/** How long public pages reuse figures: a busy /aduan should not aggregate every complaint per view. */
export const FIGURES_CACHE_MS = 60_000;
const cache = new WeakMap<object, Map<string, { expires: number; report: Promise<FiguresReport> }>>();

/**
 * loadFigures for public pages, remembered for a minute per database and filter (at most a few
 * thousand keys: years × OPDs). Figures a minute old are fine for accountability; a page that
 * aggregates a million rows on every request is not.
 */
export function cachedFigures(db: DbOrTx, filter: Omit<FiguresFilter, 'at'> = {}): Promise<FiguresReport> {
  const key = `${filter.year ?? ''}|${filter.agencyId ?? ''}`;
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.expires > Date.now()) return hit.report;
  const report = loadFigures(db, filter);
  entries.set(key, { expires: Date.now() + FIGURES_CACHE_MS, report });
  // A failed load is not remembered: the next request tries again.
  report.catch(() => entries.delete(key));
  return report;
}

/** What the public complaint page shows under the form: recent public complaints and per-OPD figures. */
export interface PublicOverview {
  /** the five newest public complaints (complaints.public.ts decides what is public) */
  recent: PublicComplaintRow[];
  /** all OPDs together, all time */
  figures: Figures;
  /** how many OPDs the figures cover */
  agencies: number;
}

export async function loadPublicOverview(db: DbOrTx): Promise<PublicOverview> {
  const [list, report] = await Promise.all([listPublicComplaints(db, { perPage: 5 }), cachedFigures(db)]);
  return { recent: list.rows, figures: report.total, agencies: report.agencies.length };
}
