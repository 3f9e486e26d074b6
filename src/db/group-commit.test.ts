import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, dialects } from '../test/app.js';
import { now } from '../time/clock.js';
import type { Tx } from './database.js';
import { inGroupCommit } from './group-commit.js';

/** A piece of grouped work: one outbox row with this id (a second with the same id conflicts). */
const write = (id: string) => async (tx: Tx) => {
  const at = now();
  await tx
    .insertInto('mailOutbox')
    .values({
      id,
      recipient: `${id}@example.com`,
      subject: 'uji',
      body: 'uji',
      attempts: 0,
      nextAttemptAt: at,
      sentAt: null,
      lastError: '',
      createdAt: at,
    })
    .execute();
  return id;
};

const stored = async (app: FastifyInstance, ids: string[]) =>
  (await app.db.selectFrom('mailOutbox').select('id').where('id', 'in', ids).execute())
    .map((r) => r.id)
    .sort();

for (const dialect of dialects()) {
  describe(`group commit (${dialect})`, () => {
    it('runs work that arrives together in one transaction, and settles each only once it is committed', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const ids = Array.from({ length: 20 }, () => randomUUID());
      const transactions = new Set<Tx>();
      const settled = ids.map((id) =>
        inGroupCommit(app.db, async (tx) => {
          transactions.add(tx);
          return write(id)(tx);
        }).then(async (value) => {
          // Seen from outside the transaction the moment it settles: committed, not merely written.
          assert.deepEqual(await stored(app, [id]), [id]);
          return value;
        }),
      );
      assert.deepEqual(await Promise.all(settled), ids);
      assert.equal(transactions.size, 1, 'one shared transaction');
      assert.deepEqual(await stored(app, ids), [...ids].sort());
    });

    it('rejects only the work that fails, and commits the rest of its batch', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const taken = randomUUID();
      await inGroupCommit(app.db, write(taken));
      const ids = Array.from({ length: 6 }, () => randomUUID());
      const results = await Promise.allSettled([
        ...ids.slice(0, 3).map((id) => inGroupCommit(app.db, write(id))),
        inGroupCommit(app.db, write(taken)),
        ...ids.slice(3).map((id) => inGroupCommit(app.db, write(id))),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'],
      );
      assert.deepEqual(await stored(app, [...ids, taken]), [...ids, taken].sort());
    });

    it('stores nothing of a lone piece of work that fails half way', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const id = randomUUID();
      await assert.rejects(
        inGroupCommit(app.db, async (tx) => {
          await write(id)(tx);
          throw new Error('gagal');
        }),
        /gagal/,
      );
      assert.deepEqual(await stored(app, [id]), []);
    });
  });
}
