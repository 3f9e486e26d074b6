import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';

// For the backup and crash suites: a whole PostgreSQL database of their own (pg_restore and a server
// started as a child process use the default schema of a database, so a fresh schema is not enough).

/** A database of its own, dropped afterwards, after `closing` (t.after hooks run in the order added). */
export async function freshDatabase(
  t: TestContext,
  url: string,
  closing: () => Promise<unknown>,
  prefix = 'restore',
): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  t.after(async () => {
    await closing();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.href;
}
