import type { DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';
import { checkCompleteness } from './standards.completeness.js';
import { listAllServices, listPublishedPledgeAgencyIds } from './standards.repository.js';

export interface AgencyStandardsSummary {
  servicesTotal: number;
  servicesComplete: number;
  pledgePublished: boolean;
}

/**
 * Per agency: how many services it lists, how many have a complete standard (checkCompleteness at
 * `at`), and whether its maklumat pelayanan is published. Agencies with neither are absent.
 */
export async function summarizeStandards(
  db: DbOrTx,
  at: string = now(),
): Promise<Map<string, AgencyStandardsSummary>> {
  const summaries = new Map<string, AgencyStandardsSummary>();
  const entry = (agencyId: string) => {
    let summary = summaries.get(agencyId);
    if (!summary) {
      summary = { servicesTotal: 0, servicesComplete: 0, pledgePublished: false };
      summaries.set(agencyId, summary);
    }
    return summary;
  };
  for (const service of await listAllServices(db)) {
    const summary = entry(service.agencyId);
    summary.servicesTotal += 1;
    if (checkCompleteness(service, at).complete) summary.servicesComplete += 1;
  }
  for (const agencyId of await listPublishedPledgeAgencyIds(db)) entry(agencyId).pledgePublished = true;
  return summaries;
}
