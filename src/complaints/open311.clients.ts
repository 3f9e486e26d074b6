import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../accounts/accounts.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db, DbOrTx } from '../db/database.js';
import { now } from '../time/clock.js';

/*
 * Open311 clients: apps that file complaints through /open311/v2 with an api_key. The key is shown
 * once, to the super admin who issues it; only its SHA-256 is stored (a 256-bit random key needs no
 * slow hash), so a leaked database does not let anyone file in a client's name.
 */

const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface Open311Client {
  id: string;
  name: string;
}

export async function createOpen311Client(
  db: Db,
  actor: Actor,
  name: string,
  ip = '',
): Promise<{ client: Open311Client; apiKey: string }> {
  const apiKey = `o311_${randomBytes(32).toString('base64url')}`;
  const client = { id: randomUUID(), name: name.trim() };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('open311Clients')
      .values({
        ...client,
        apiKeyHash: hashKey(apiKey),
        createdBy: actor.userId,
        createdAt: now(),
        revokedAt: null,
      })
      .execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'open311_client.created',
      subjectType: 'open311_client',
      subjectId: client.id,
      details: { name: client.name },
      ip,
    });
  });
  return { client, apiKey };
}

/** The client holding this key, unless it was revoked. */
export async function findOpen311Client(db: DbOrTx, apiKey: string): Promise<Open311Client | undefined> {
  if (!apiKey || apiKey.length > 200) return undefined;
  return db
    .selectFrom('open311Clients')
    .select(['id', 'name'])
    .where('apiKeyHash', '=', hashKey(apiKey))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
}
