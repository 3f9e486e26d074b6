import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { findSession, createSession } from '../accounts/sessions.js';
import { membershipsOf } from '../accounts/accounts.repository.js';
import { findCategoryByCode, findComplaintByCode } from '../complaints/complaints.repository.js';
import { buildTestApp, dialects } from '../test/app.js';
import { makeComplaint, makeMember } from '../test/factories.js';
import { now } from '../time/clock.js';
import { insertRow, prepared, type ValueOf } from './prepared.js';

const outboxRow = (id: string, subject: string) => {
  const at = now();
  return {
    id,
    recipient: `${id}@example.com`,
    subject,
    body: 'isi',
    attempts: 0,
    nextAttemptAt: at,
    sentAt: null,
    lastError: '',
    createdAt: at,
  };
};

const byRecipient = prepared((db, value: ValueOf<{ recipient: string; attempts: number }>) =>
  db
    .selectFrom('mailOutbox')
    .select(['id', 'subject', 'nextAttemptAt'])
    .where('recipient', '=', value('recipient'))
    .where('attempts', '<=', value('attempts')),
);

for (const dialect of dialects()) {
  describe(`prepared queries (${dialect})`, () => {
    it('runs the one compiled query with each call’s values, camelCased rows, in a transaction too', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const [a, b] = [randomUUID(), randomUUID()];
      await insertRow(app.db, 'mailOutbox', outboxRow(a, 'pertama'));
      await app.db.transaction().execute((tx) => insertRow(tx, 'mailOutbox', outboxRow(b, 'kedua')));

      assert.deepEqual(
        (await byRecipient(app.db, { recipient: `${a}@example.com`, attempts: 0 })).map((r) => r.subject),
        ['pertama'],
      );
      const inTx = await app.db
        .transaction()
        .execute((tx) => byRecipient(tx, { recipient: `${b}@example.com`, attempts: 5 }));
      assert.deepEqual(
        inTx.map((r) => [r.id, r.subject]),
        [[b, 'kedua']],
      );
      assert.ok('nextAttemptAt' in inTx[0]!, 'columns come back camelCased, as from any query');
      assert.deepEqual(await byRecipient(app.db, { recipient: `${a}@example.com`, attempts: -1 }), []);
    });

    it('keeps a transaction’s writes inside it: seen within, gone on rollback, refused once it ended', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const id = randomUUID();
      const mine = { recipient: `${id}@example.com`, attempts: 0 };
      const tx = await app.db.startTransaction().execute();
      await insertRow(tx, 'mailOutbox', outboxRow(id, 'belum tetap'));
      assert.deepEqual(
        (await byRecipient(tx, mine)).map((r) => r.subject),
        ['belum tetap'],
      );
      // Outside, the row is not there yet (PostgreSQL answers at once; SQLite's one connection waits
      // for the transaction to end, so that query is asked only after the rollback).
      const outside = byRecipient(app.db, mine);
      await tx.rollback().execute();
      assert.deepEqual(await outside, []);
      assert.deepEqual(await byRecipient(app.db, mine), [], 'the rollback took the row back');
      await assert.rejects(byRecipient(tx, mine), /rolled back/, 'an ended transaction runs nothing');
    });

    it('inserts rows whose columns differ, leaving out undefined ones as Kysely does', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const [a, b] = [randomUUID(), randomUUID()];
      await insertRow(app.db, 'mailOutbox', outboxRow(a, 'lengkap'));
      // lastError left undefined (the type says string; optional fields of other tables may be): the
      // column's default applies, as with .values()
      const withoutError = { ...outboxRow(b, 'tanpa galat'), lastError: undefined as unknown as string };
      await insertRow(app.db, 'mailOutbox', withoutError);
      const rows = await app.db
        .selectFrom('mailOutbox')
        .select(['id', 'subject', 'lastError'])
        .where('id', 'in', [a, b])
        .orderBy('subject')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.subject, r.lastError]),
        [
          [a, 'lengkap', ''],
          [b, 'tanpa galat', ''],
        ],
      );
    });

    if (dialect === 'postgres') {
      it('runs as a statement PostgreSQL keeps prepared on the connection; other SQL stays unnamed', async (t) => {
        const { app } = await buildTestApp(t, dialect);
        const named = await app.db.transaction().execute(async (tx) => {
          await byRecipient(tx, { recipient: 'x@example.com', attempts: 0 });
          await tx.selectFrom('mailOutbox').select('id').where('recipient', '=', 'y@example.com').execute();
          return sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx);
        });
        const statements = named.rows.map((r) => r.statement);
        assert.ok(
          statements.some((s) => s.includes('"next_attempt_at"') && s.includes('"recipient" = $1')),
          'the prepared query is kept, parsed and planned once for the connection',
        );
        assert.ok(!statements.some((s) => s.startsWith('select "id" from')), 'a one-off query is not kept');
      });

      it('keeps answering on its connection after a migration adds columns to what it reads', async (t) => {
        // A rolling restart: the first new process migrates while the old ones keep serving.
        const { app } = await buildTestApp(t, dialect);
        const member = await makeMember(app, 'dinkes', 'editor');
        const token = await createSession(app.db, member.user.id, 'active', {
          ip: '127.0.0.1',
          userAgent: 'uji',
        });
        const { complaint } = await makeComplaint(app);
        const read = async () => ({
          session: (await findSession(app.db, token))?.user.email,
          memberships: (await membershipsOf(app.db, member.user.id)).map((m) => m.role),
          complaint: (await findComplaintByCode(app.db, complaint.trackingCode))?.title,
          category: (await findCategoryByCode(app.db, 'jalan-jembatan'))?.code,
        });
        const before = await read();
        for (const table of ['users', 'memberships', 'complaints', 'complaint_categories']) {
          await sql`alter table ${sql.table(table)} add column added_later text`.execute(app.db);
        }
        assert.deepEqual(await read(), before);
        assert.deepEqual(before, {
          session: member.email,
          memberships: ['editor'],
          complaint: complaint.title,
          category: 'jalan-jembatan',
        });
      });
    }

    it('refuses a run that lacks a value, before anything reaches the database', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await assert.rejects(
        byRecipient(app.db, { recipient: 'x@example.com' } as never),
        /no value for attempts/,
      );
    });
  });
}
