import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildTestApp, dialects } from '../test/app.js';
import { claimLease, leaseHolder, releaseLease } from './leases.js';
import { startRunner, type RunnerLog } from './scheduler.js';

const MINUTE = 60_000;
const quiet: RunnerLog = { error: () => undefined };

for (const dialect of dialects()) {
  describe(`job leases (${dialect})`, () => {
    it('lets one holder at a time run a job, until it releases or its lease runs out', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const [a, b] = [leaseHolder(), leaseHolder()];
      const at = new Date('2026-12-01T03:00:00Z');
      assert.equal(await claimLease(app.db, 'publish-due-posts', a, MINUTE, at), true);
      assert.equal(await claimLease(app.db, 'publish-due-posts', b, MINUTE, at), false, 'held by a');
      assert.equal(await claimLease(app.db, 'deliver-mail', b, MINUTE, at), true, 'another job is free');
      const later = new Date(at.getTime() + 30_000);
      assert.equal(await claimLease(app.db, 'publish-due-posts', a, MINUTE, later), true, 'a renews');
      const afterFirstLease = new Date(at.getTime() + 70_000);
      assert.equal(
        await claimLease(app.db, 'publish-due-posts', b, MINUTE, afterFirstLease),
        false,
        'the renewal counts from when it was made',
      );
      await releaseLease(app.db, 'publish-due-posts', a);
      assert.equal(
        await claimLease(app.db, 'publish-due-posts', b, MINUTE, later),
        true,
        'free once released',
      );
      const muchLater = new Date(at.getTime() + 10 * MINUTE);
      assert.equal(
        await claimLease(app.db, 'publish-due-posts', a, MINUTE, muchLater),
        true,
        'b stopped renewing: a takes over once its lease expired',
      );
    });

    it('runs a job in one of two runners only, and the other takes over when that one stops', async (t) => {
      const { app } = await buildTestApp(t, dialect);
      const ran = new Set<string>();
      const nobodyRan = () => ran.size === 0;
      const runner = (holder: string) =>
        startRunner({
          name: 'count',
          intervalMs: 5,
          log: quiet,
          lease: {
            claim: () => claimLease(app.db, 'count', holder, MINUTE),
            release: () => releaseLease(app.db, 'count', holder),
          },
          job: async () => void ran.add(holder),
        });
      const [a, b] = [leaseHolder(), leaseHolder()];
      const first = runner(a);
      const second = runner(b);
      while (nobodyRan()) await sleep(5);
      await sleep(100);
      assert.equal(ran.size, 1, 'only the lease holder ran');
      const [winner] = [...ran];
      await (winner === a ? first : second).stop();
      ran.clear();
      while (nobodyRan()) await sleep(5);
      assert.deepEqual([...ran], [winner === a ? b : a], 'the other runner took over');
      await (winner === a ? second : first).stop();
    });
  });
}
