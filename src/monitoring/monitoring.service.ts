import type { Actor } from '../accounts/accounts.policy.js';
import { isSuperAdmin } from '../accounts/accounts.policy.js';
import { getInstallation } from '../agencies/agencies.repository.js';
import { settingsOf } from '../agencies/settings.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';
import { loadMetrics, type AgencyMetrics, type Scope } from './monitoring.metrics.js';
import { rulesOf, type MonitoringRules } from './rules.js';
import { scoreAgency, type Verdict } from './score.js';

export type HealthRow = AgencyMetrics & Verdict;

/** Who sees which OPDs: the super admin all, an OPD admin the OPDs they administer. */
export function monitoringScope(actor: Actor): Scope {
  if (isSuperAdmin(actor)) return 'all';
  return [...new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.agencyId))];
}

/** Every OPD in scope with its metrics and verdict, by name. */
export async function loadHealth(db: DbOrTx, scope: Scope, at = now()): Promise<HealthRow[]> {
  if (scope !== 'all' && !scope.length) return [];
  const installation = await getInstallation(db);
  const rules = rulesOf(installation);
  const metrics = await loadMetrics(db, scope, rules, at, installation.timeZone);
  return metrics.map((m) => ({ ...m, ...scoreAgency(m, rules) }));
}

/** The super admin's new rules, kept in the installation settings and recorded in the audit log. */
export async function updateRules(db: Db, actor: Actor, rules: MonitoringRules): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const installation = await getInstallation(tx);
    const settings = { ...settingsOf(installation), monitoring: rules };
    await tx
      .updateTable('installation')
      .set({ settings: JSON.stringify(settings), updatedAt: now() })
      .where('id', '=', installation.id)
      .execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'monitoring.rules_updated',
      subjectType: 'installation',
      subjectId: installation.id,
      details: { ...rules },
    });
  });
}

export const SORTS = ['skor', 'nama', 'berita', 'admin', 'aduan'] as const;
export type Sort = (typeof SORTS)[number];

export interface ListParams {
  sort: Sort;
  zone: string;
  kind: string;
}

const byName = (a: HealthRow, b: HealthRow) => a.name.localeCompare(b.name, 'id');
const COMPARE: Record<Sort, (a: HealthRow, b: HealthRow) => number> = {
  // Worst first: the dashboard is for finding who needs help.
  skor: (a, b) => a.score - b.score || byName(a, b),
  nama: byName,
  // Stalest first; never posted before everyone.
  berita: (a, b) => (a.lastPostAt ?? '').localeCompare(b.lastPostAt ?? '') || byName(a, b),
  admin: (a, b) => a.activeAdmins - b.activeAdmins || byName(a, b),
  aduan: (a, b) => b.overdue - a.overdue || byName(a, b),
};

/** The rows the address asks for: filtered by zone and kind, then sorted. */
export function viewOf(rows: readonly HealthRow[], params: ListParams): HealthRow[] {
  return rows
    .filter((r) => (!params.zone || r.zone === params.zone) && (!params.kind || r.kind === params.kind))
    .sort(COMPARE[params.sort]);
}
