import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from './database.js';
import { migrateDownAll, migrateToLatest } from './migrate.js';
import { dialects, freshPostgresSchema } from '../test/app.js';

async function openFresh(t: TestContext, dialect: 'sqlite' | 'postgres'): Promise<DatabaseHandle> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-migrate-'));
  if (dialect === 'sqlite') {
    const handle = createDatabase({ dataDir });
    t.after(() => handle.close());
    return handle;
  }
  const schema = await freshPostgresSchema(t, 'm');
  const handle = createDatabase({ url: process.env.TEST_DATABASE_URL!, schema, dataDir });
  t.after(() => handle.close());
  return handle;
}

for (const dialect of dialects()) {
  describe(`migrations (${dialect})`, () => {
    it('run up, down and up again on an empty database', async (t) => {
      const handle = await openFresh(t, dialect);
      const { db } = handle;
      await migrateToLatest(handle);
      // Only this test's schema, asked directly: listing every schema would race with other test
      // files creating and dropping theirs in the same database.
      const tables = async () => {
        const query =
          dialect === 'postgres'
            ? sql<{
                name: string;
              }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`
            : sql<{
                name: string;
              }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
        return (await query.execute(db)).rows
          .map((r) => r.name)
          .filter((n) => !n.startsWith('kysely_'))
          .sort();
      };
      assert.ok((await tables()).includes('agencies'));
      await migrateDownAll(handle);
      assert.deepEqual(await tables(), []);
      await migrateToLatest(handle);
      assert.ok((await tables()).includes('users'));
    });

    it('store and return timestamps as ISO-8601 UTC text on both databases', async (t) => {
      const handle = await openFresh(t, dialect);
      const { db } = handle;
      await migrateToLatest(handle);
      const at = '2026-11-28T09:00:00.123Z';
      await db
        .insertInto('installation')
        .values({
          id: 'x',
          name: 'N',
          shortName: 'N',
          kind: 'kota',
          mainHost: 'n.go.id',
          address: '',
          phone: '',
          email: '',
          timeZone: 'Asia/Pontianak',
          logoPath: null,
          settings: '{}',
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      const row = await db.selectFrom('installation').select(['createdAt']).executeTakeFirstOrThrow();
      assert.equal(row.createdAt, at);
      const later = await db
        .selectFrom('installation')
        .select('id')
        .where('createdAt', '<', '2026-11-28T09:00:01.000Z')
        .execute();
      assert.equal(later.length, 1, 'comparisons on ISO strings agree with time order');
      const count = await sql<{ n: number }>`select count(*) as n from installation`.execute(db);
      assert.equal(count.rows[0]?.n, 1, 'counts come back as numbers');
    });
  });
}
