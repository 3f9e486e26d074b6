// The coordinator's queue with many complaints (issue 4: ≤ 100 ms with 1,000,000 in the database).
//   npx tsx bench/queue.bench.ts --data DIR     (DIR seeded by bench/seed-complaints.ts)
// Times, in process, what /admin/aduan and GET /api/v1/complaints run: the tab counts and the first
// page of each tab, for the coordinator (every complaint) and for one OPD; 30 rounds after 3 warm-up
// rounds; prints the median and the slowest round in milliseconds.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../src/db/database.js';
import { loadClocks, dueSoonBefore } from '../src/complaints/complaints.deadlines.js';
import { listQueue, queueCounts, QUEUE_TABS } from '../src/complaints/complaints.queries.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, rounds: { type: 'string', default: '30' } },
});
if (!values.data) throw new Error('usage: queue.bench.ts --data DIR');
const handle = createDatabase({ dataDir: values.data });
const { db } = handle;
const total = await db
  .selectFrom('complaints')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const agency = await db
  .selectFrom('agencies')
  .select('id')
  .where('slug', '=', 'pupr')
  .executeTakeFirstOrThrow();
const rounds = Number(values.rounds);

async function time(label: string, work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(
    `${label.padEnd(34)} median ${median.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`,
  );
}

console.log(`complaints in the database: ${Number(total.n)}`);
for (const [who, scope] of [
  ['coordinator', 'all'],
  ['OPD (pupr)', [agency.id]],
] as const) {
  // What one request of the queue page does: the clocks, the tab counts and one page.
  for (const tab of QUEUE_TABS) {
    await time(`${who}: ${tab} (counts + page 1)`, async () => {
      const clocks = await loadClocks(db);
      const at = new Date().toISOString();
      const soon = dueSoonBefore(clocks, at);
      await queueCounts(db, scope, at, soon);
      await listQueue(db, scope, { tab, at, dueSoonBefore: soon });
    });
  }
}
await time('coordinator: search "lampu"', async () => {
  const at = new Date().toISOString();
  await listQueue(db, 'all', { tab: 'all', q: 'lampu', at, dueSoonBefore: at });
});
await handle.close();
