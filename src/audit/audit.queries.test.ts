import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, dialects } from '../test/app.js';
import { listAuditEvents, type AuditCursor } from './audit.queries.js';

for (const dialect of dialects()) {
  describe(`listAuditEvents: keyset paging (${dialect})`, () => {
    it('walks events that share one instant page by page, each exactly once', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const at = '2026-11-28T03:00:00.000Z';
      const ids = Array.from({ length: 7 }, (_, n) => `00000000-0000-4000-8000-00000000000${n}`);
      for (const id of ids)
        await app.db
          .insertInto('auditEvents')
          .values({
            id,
            actorId: null,
            agencyId: null,
            action: 'test.tie',
            subjectType: 'test',
            subjectId: id,
            details: '{}',
            ip: '',
            userAgent: '',
            requestId: '',
            createdAt: at,
          })
          .execute();
      const seen: string[] = [];
      let after: AuditCursor | undefined;
      for (let pages = 0; pages < 5; pages++) {
        const page = await listAuditEvents(app.db, { scope: 'all', action: 'test.tie' }, { after, limit: 3 });
        seen.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      assert.deepEqual(seen, [...ids].reverse());
    });
  });
}
