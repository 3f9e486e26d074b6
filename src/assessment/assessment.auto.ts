import { loadFigures } from '../complaints/complaints.stats.js';
import { listCategories } from '../complaints/complaints.repository.js';
import type { DbOrTx } from '../db/database.js';
import { checkCompleteness, type Completeness } from '../standards/standards.completeness.js';
import { findPledge, listServices, type Service } from '../standards/standards.repository.js';
import { now } from '../time/clock.js';
import type { AutoSource } from './assessment.instrument.js';
import { inTimeScore, shareScore } from './assessment.scoring.js';
import { m } from './messages.js';

/*
 * The items Balairung can fill in from its own data: the service standards and maklumat (src/standards),
 * whether the complaint centre takes complaints for the OPD and how many it answered in time
 * (src/complaints). Read fresh whenever an open assessment is shown.
 */

export interface AutoValue {
  /** 0–3; null when there is nothing to judge yet (no complaint due in the year) */
  score: number | null;
  /** the figure behind the score, in words */
  detail: string;
}

export type AutoValues = Record<AutoSource, AutoValue>;

/** The instant the standards are judged at: now, or the last moment of a past year. */
function judgedAt(year: number): string {
  const current = now();
  const yearEnd = `${year}-12-31T23:59:59.999Z`;
  return yearEnd < current ? yearEnd : current;
}

function standardsValues(
  services: readonly Service[],
  checks: readonly Completeness[],
): Pick<AutoValues, 'public_components' | 'decree' | 'reviewed'> {
  const total = services.length;
  const share = (met: number, words: string): AutoValue => ({
    score: shareScore(met, total),
    detail: total ? m.auto.share(met, total, words) : m.auto.noServices,
  });
  if (total === 1) {
    // One service (a per-service assessment, or an OPD with one): say it of the service itself.
    const [check] = checks;
    return {
      public_components: share(check!.publicPublished ? 1 : 0, m.auto.publicWords),
      decree: share(check!.hasDecree ? 1 : 0, m.auto.decreeWords),
      reviewed: share(check!.reviewedWithinYear ? 1 : 0, m.auto.reviewedWords),
    };
  }
  return {
    public_components: share(checks.filter((c) => c.publicPublished).length, m.auto.publicWords),
    decree: share(checks.filter((c) => c.hasDecree).length, m.auto.decreeWords),
    reviewed: share(checks.filter((c) => c.reviewedWithinYear).length, m.auto.reviewedWords),
  };
}

async function complaintValues(
  db: DbOrTx,
  agencyId: string,
  year: number,
): Promise<Pick<AutoValues, 'complaint_channel' | 'complaints_in_time'>> {
  const [categories, assigned, inYear] = await Promise.all([
    listCategories(db),
    // Whether any complaint was ever routed here: one indexed row, not all-time figures (the city
    // overview asks this for every OPD).
    db.selectFrom('complaints').select('id').where('agencyId', '=', agencyId).limit(1).executeTakeFirst(),
    loadFigures(db, { agencyId, year }),
  ]);
  const usualOpd = categories.some((c) => c.defaultAgencyId === agencyId);
  const channel: AutoValue = usualOpd
    ? { score: 3, detail: m.auto.channelCategory }
    : assigned
      ? { score: 3, detail: m.auto.channelAssigned }
      : { score: 0, detail: m.auto.channelNone };
  const figures = inYear.total;
  const inTime: AutoValue =
    figures.inTimePercent === null
      ? { score: null, detail: m.auto.nothingDue(year) }
      : {
          score: inTimeScore(figures.inTimePercent),
          detail: m.auto.inTime(figures.answeredInTime, figures.due, figures.inTimePercent),
        };
  return { complaint_channel: channel, complaints_in_time: inTime };
}

/** Every automatic value for an assessment of the agency (or of one of its services) in `year`. */
export async function readAutoValues(
  db: DbOrTx,
  agencyId: string,
  year: number,
  service?: Service,
): Promise<AutoValues> {
  const at = judgedAt(year);
  const services = service ? [service] : await listServices(db, agencyId);
  const checks = services.map((s) => checkCompleteness(s, at));
  const [pledge, complaints] = await Promise.all([
    findPledge(db, agencyId),
    complaintValues(db, agencyId, year),
  ]);
  const published = Boolean(pledge?.publishedAt);
  return {
    ...standardsValues(services, checks),
    pledge: { score: published ? 3 : 0, detail: published ? m.auto.pledgeYes : m.auto.pledgeNo },
    ...complaints,
  };
}
