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

export interface Open311ClientListing extends Open311Client {
  createdAt: string;
  revokedAt: string | null;
}

/** Every client ever issued a key, newest first, revoked ones included (never the key or its hash). */
export async function listOpen311Clients(db: DbOrTx): Promise<Open311ClientListing[]> {
  return db
    .selectFrom('open311Clients')
    .select(['id', 'name', 'createdAt', 'revokedAt'])
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Revokes a client's key: from now on it files nothing. Revoking a revoked key changes nothing and
 * records nothing; undefined for an unknown client.
 */
export async function revokeOpen311Client(
  db: Db,
  actor: Actor,
  id: string,
  ip = '',
): Promise<Open311ClientListing | undefined> {
  return db.transaction().execute(async (tx) => {
    const client = await tx
      .selectFrom('open311Clients')
      .select(['id', 'name', 'createdAt', 'revokedAt'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!client || client.revokedAt) return client;
    const revokedAt = now();
    await tx.updateTable('open311Clients').set({ revokedAt }).where('id', '=', id).execute();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'open311_client.revoked',
      subjectType: 'open311_client',
      subjectId: id,
      details: { name: client.name },
      ip,
    });
    return { ...client, revokedAt };
  });
}

/** The rate limiter's name for a key: its hash, so the key itself never sits in Redis or a table. */
export const open311KeyBucket = (apiKey: string): string => `open311:${hashKey(apiKey)}`;
