import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { buildTestApp, dialects } from '../test/app.js';
import { makeMember } from '../test/factories.js';
import { recordAudit } from './audit.repository.js';

for (const dialect of dialects()) {
  describe(`audit_events is append-only (${dialect})`, () => {
    it('refuses to change or delete a recorded event, even in raw SQL', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      await recordAudit(app.db, { actorId: null, action: 'test.kept', subjectType: 'test', subjectId: 'x' });
      const kept = app.db.selectFrom('auditEvents').where('action', '=', 'test.kept');
      await assert.rejects(
        app.db
          .updateTable('auditEvents')
          .set({ action: 'test.forged' })
          .where('action', '=', 'test.kept')
          .execute(),
        /append-only/,
      );
      await assert.rejects(
        app.db.updateTable('auditEvents').set({ ip: '10.0.0.1' }).where('action', '=', 'test.kept').execute(),
        /append-only/,
      );
      await assert.rejects(
        app.db.deleteFrom('auditEvents').where('action', '=', 'test.kept').execute(),
        /append-only/,
      );
      await assert.rejects(sql`delete from audit_events`.execute(app.db), /append-only/);
      if (dialect === 'postgres')
        await assert.rejects(sql`truncate audit_events`.execute(app.db), /append-only/);
      const row = await kept.selectAll().executeTakeFirstOrThrow();
      assert.equal(row.ip, '');
    });

    it('keeps the events of a removed account, with the person left blank', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const member = await makeMember(app, 'dinkes', 'editor');
      await recordAudit(app.db, {
        actorId: member.user.id,
        agencyId: member.agency.id,
        action: 'test.by_member',
        subjectType: 'test',
        subjectId: 'x',
      });
      await app.db.deleteFrom('users').where('id', '=', member.user.id).execute();
      const row = await app.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('action', '=', 'test.by_member')
        .executeTakeFirstOrThrow();
      assert.equal(row.actorId, null);
      assert.equal(row.agencyId, member.agency.id);
    });
  });
}
