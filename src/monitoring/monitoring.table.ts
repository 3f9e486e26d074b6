export const ALERT_KINDS = ['admins', 'stale'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An open alert about an OPD (see the 2026_11_29_1000 migration). */
export interface MonitoringAlertTable {
  agencyId: string;
  kind: AlertKind;
  raisedAt: string;
}

export interface MonitoringTables {
  monitoringAlerts: MonitoringAlertTable;
}
