// Loaded by bench/memory.ts through NODE_OPTIONS=--import: every second, this process's
// process.memoryUsage() and V8 heap spaces go to $MEMORY_PROBE_DIR/<pid>.json, so the bench can read
// them for the process that listens, without --inspect. Does nothing when MEMORY_PROBE_DIR is unset.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { setInterval } from 'node:timers';
import v8 from 'node:v8';

const dir = process.env.MEMORY_PROBE_DIR;
if (dir) {
  const file = path.join(dir, `${process.pid}.json`);
  const write = () => {
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]),
    );
    try {
      writeFileSync(
        file,
        JSON.stringify({ ...process.memoryUsage(), spaces, heap: v8.getHeapStatistics(), at: Date.now() }),
      );
    } catch {
      // the bench has ended and removed its folder
    }
  };
  setInterval(write, 1000).unref();
}
