import { isSuperAdmin, type Actor } from '../accounts/accounts.policy.js';
import type { DbOrTx } from '../db/database.js';
import { loadHealth, monitoringScope } from './monitoring.service.js';
import { homeMonitoringOf, type HomeMonitoring } from './views/home.js';

/** The admin home's monitoring card for the actor; undefined for someone who administers no OPD. */
export async function homeMonitoring(db: DbOrTx, actor: Actor): Promise<HomeMonitoring | undefined> {
  const scope = monitoringScope(actor);
  if (scope !== 'all' && !scope.length) return undefined;
  return homeMonitoringOf(isSuperAdmin(actor), await loadHealth(db, scope));
}
