import type { DbOrTx } from '../db/database.js';
import { localClock } from '../jobs/job-runs.js';
import { zonedToUtc } from '../time/zone.js';

/*
 * The drill-down's charts: per month over the last 12 (installation zone), the OPD's published
 * posts, the complaints it received as lead OPD, and the share of those due that it answered in
 * time (the /aduan/kinerja rule, month by month). Rows are bucketed here: one OPD's year is small.
 */

export interface MonthPoint {
  /** 'YYYY-MM' */
  month: string;
  posts: number;
  complaints: number;
  /** null when nothing received that month was due yet */
  onTimePercent: number | null;
}

export function lastMonths(at: string, timeZone: string, count = 12): string[] {
  const [y, m] = localClock(timeZone, at).date.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export async function loadTrends(
  db: DbOrTx,
  agencyId: string,
  at: string,
  timeZone: string,
): Promise<MonthPoint[]> {
  const months = lastMonths(at, timeZone);
  const [fy, fm] = months[0]!.split('-').map(Number) as [number, number];
  const from = zonedToUtc(fy, fm, 1, timeZone);
  const [posts, complaints] = await Promise.all([
    db
      .selectFrom('posts')
      .select('publishedAt')
      .where('agencyId', '=', agencyId)
      .where('status', '=', 'published')
      .where('publishedAt', '>=', from)
      .where('publishedAt', '<=', at)
      .execute(),
    db
      .selectFrom('complaints')
      .select(['receivedAt', 'firstAnsweredAt', 'firstAnswerDueAt'])
      .where('agencyId', '=', agencyId)
      .where('receivedAt', '>=', from)
      .execute(),
  ]);
  const monthOf = (iso: string) => localClock(timeZone, iso).date.slice(0, 7);
  const points = new Map(
    months.map((month) => [month, { month, posts: 0, complaints: 0, due: 0, inTime: 0 }]),
  );
  for (const p of posts) {
    const point = p.publishedAt ? points.get(monthOf(p.publishedAt)) : undefined;
    if (point) point.posts++;
  }
  for (const c of complaints) {
    const point = points.get(monthOf(c.receivedAt));
    if (!point) continue;
    point.complaints++;
    const answered = c.firstAnsweredAt !== null;
    if (answered || (c.firstAnswerDueAt !== null && c.firstAnswerDueAt < at)) point.due++;
    if (answered && c.firstAnswerDueAt !== null && c.firstAnsweredAt! <= c.firstAnswerDueAt) point.inTime++;
  }
  return [...points.values()].map(({ month, posts: n, complaints: received, due, inTime }) => ({
    month,
    posts: n,
    complaints: received,
    onTimePercent: due ? Math.round((inTime / due) * 1000) / 10 : null,
  }));
}
