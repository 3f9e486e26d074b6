/** Once-a-period jobs that ran (src/jobs/job-runs.ts): one row per job and period. */
export interface JobRunTable {
  name: string;
  /** the period the run covers, e.g. the local date '2026-12-01' for a daily job */
  period: string;
  ranAt: string;
}

/** Which app process runs a scheduled job (src/jobs/leases.ts): one row per job. */
export interface JobLeaseTable {
  name: string;
  /** the scheduler holding it: host, pid and a random part, unique per running app */
  holder: string;
  expiresAt: string;
}

export interface JobTables {
  jobRuns: JobRunTable;
  jobLeases: JobLeaseTable;
}
