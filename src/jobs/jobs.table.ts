/** Once-a-period jobs that ran (src/jobs/job-runs.ts): one row per job and period. */
export interface JobRunTable {
  name: string;
  /** the period the run covers, e.g. the local date '2026-12-01' for a daily job */
  period: string;
  ranAt: string;
}

export interface JobTables {
  jobRuns: JobRunTable;
}
