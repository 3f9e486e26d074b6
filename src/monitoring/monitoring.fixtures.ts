import type { FastifyInstance } from 'fastify';
import { agencyWithOneAdmin } from '../agencies/seed/pontianak.js';
import { now } from '../time/clock.js';
import { seedDemoActivity } from './demo.seed.js';

/**
 * The demo's recent posts and sign-ins, which `npm start` seeds but test apps leave out (other
 * suites count the demo's posts): for the suites that judge the demo as a visitor to it would.
 */
export async function withDemoActivity(app: FastifyInstance, at = now()): Promise<void> {
  const { timeZone } = await app.db.selectFrom('installation').select('timeZone').executeTakeFirstOrThrow();
  await app.db
    .transaction()
    .execute((tx) => seedDemoActivity(tx, { at, timeZone, staleSlug: agencyWithOneAdmin }));
}
