import type { DbOrTx } from '../db/database.js';

/** What the public complaint page shows under the form: recent public complaints and per-OPD figures. */
export interface PublicOverview {
  recent: {
    trackingCode: string;
    title: string;
    status: string;
    agencyName: string | null;
    receivedAt: string;
  }[];
}

export async function loadPublicOverview(db: DbOrTx): Promise<PublicOverview> {
  void db;
  return { recent: [] };
}
