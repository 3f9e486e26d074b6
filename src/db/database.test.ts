import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDatabase } from './database.js';

describe(
  'the PostgreSQL pool in production mode',
  { skip: !process.env.TEST_DATABASE_URL && 'no PostgreSQL' },
  () => {
    it('cancels a statement that runs past the timeout with a clean error, and keeps serving', async (t) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'balairung-db-'));
      const handle = createDatabase({
        url: process.env.TEST_DATABASE_URL!,
        dataDir,
        statementTimeoutMs: 300,
      });
      t.after(async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
      await assert.rejects(sql`select pg_sleep(30)`.execute(handle.db), (err: Error & { code?: string }) => {
        assert.equal(err.code, '57014', 'query_canceled');
        assert.match(err.message, /statement timeout/);
        return true;
      });
      const { rows } = await sql<{ name: string; timeout: string }>`
      select current_setting('application_name') as name,
             current_setting('statement_timeout') as timeout`.execute(handle.db);
      assert.deepEqual(rows[0], { name: 'balairung', timeout: '300ms' });
    });
  },
);
