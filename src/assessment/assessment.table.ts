import type { Selectable } from 'kysely';

export interface AssessmentTable {
  id: string;
  agencyId: string;
  year: number;
  /** '' for the OPD as a whole, else one of its services */
  serviceId: string;
  /** set when the year is closed: automatic items stop refreshing, nothing can be changed */
  finalizedAt: string | null;
  finalizedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ScoreSource = 'auto' | 'opd';

export interface AssessmentScoreTable {
  assessmentId: string;
  agencyId: string;
  itemKey: string;
  /** 0–3; null when not filled in (or no data for an automatic item) */
  score: number | null;
  source: ScoreSource;
  note: string;
  /** what an automatic score was read from, in words ("8 dari 9 aduan …") */
  detail: string;
  evidenceMediaId: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface AssessmentTables {
  assessments: AssessmentTable;
  assessmentScores: AssessmentScoreTable;
}

export type Assessment = Selectable<AssessmentTable>;
export type AssessmentScore = Selectable<AssessmentScoreTable>;
