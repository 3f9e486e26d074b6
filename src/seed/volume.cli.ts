import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { withInstallation } from './installation.js';
import { DEFAULT_AGENCY_COUNT, seedVolume, VolumeSeedError, type VolumeOptions } from './volume.js';

/*
 * `npm run balairung -- seed-volume --posts N --complaints N [--agency-count N] [--manifest FILE]`,
 * called by src/cli.ts: fills the demo city with volume for benchmarks, on the configured database
 * (SQLite in BALAIRUNG_DATA_DIR or DATABASE_URL). Progress on stderr, the summary on stdout.
 * Exit code 0 when seeded, 1 when refused (a second run, not a demo), 2 on misuse.
 */

export const SEED_VOLUME_USAGE = `  seed-volume [--posts 2000] [--complaints 0] [--agency-count ${DEFAULT_AGENCY_COUNT}] [--manifest BERKAS]
      Mengisi kota demo dengan banyak berita terbit dan aduan untuk uji beban (sekali saja per
      basis data). --manifest menulis ringkasan JSON (artikel, kata cari) untuk bench/run.sh.
`;

type Output = { out: (line: string) => void; err: (line: string) => void };

const MAX = 10_000_000;

function count(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  return /^\d+$/.test(value) && n <= MAX ? n : undefined;
}

/** The options, or the message that says what is wrong with them. */
function parseOptions(args: string[], config: Config): Parsed | string {
  const { values } = parseArgs({
    args,
    options: {
      posts: { type: 'string' },
      complaints: { type: 'string' },
      'agency-count': { type: 'string' },
      manifest: { type: 'string' },
    },
    strict: true,
  });
  const posts = count(values.posts, 2000);
  const complaints = count(values.complaints, 0);
  const agencyCount = count(values['agency-count'], 0);
  if (posts === undefined || complaints === undefined || agencyCount === undefined)
    return `--posts, --complaints dan --agency-count harus bilangan bulat 0 sampai ${MAX.toLocaleString('id-ID')}.`;
  if (values['agency-count'] !== undefined && agencyCount < 1) return '--agency-count paling sedikit 1.';
  if (posts === 0 && complaints === 0) return 'Tidak ada yang diisi: --posts dan --complaints keduanya 0.';
  return {
    options: { posts, complaints, agencyCount: agencyCount || undefined, dataDir: config.dataDir },
    manifest: values.manifest,
  };
}

interface Parsed {
  options: VolumeOptions;
  manifest: string | undefined;
}

export async function seedVolumeCommand(args: string[], config: Config, io: Output): Promise<number> {
  let parsed: Parsed | string;
  try {
    parsed = parseOptions(args, config);
  } catch (err) {
    // parseArgs: an unknown option or one without its value
    if (!(err instanceof TypeError)) throw err;
    parsed = `${err.message}\n\nPemakaian:\n${SEED_VOLUME_USAGE}`;
  }
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  const { options, manifest } = parsed;
  try {
    return await withInstallation(config, async (handle, installed) => {
      if (installed.generatedPassword)
        io.out(`Kata sandi akun demo (ditampilkan sekali ini saja): ${installed.generatedPassword}`);
      io.err(`seed-volume ke ${handle.dialect === 'postgres' ? 'PostgreSQL' : config.dataDir}:`);
      const result = await seedVolume(handle, options, io.err);
      io.out(
        `Selesai dalam ${result.seconds.toLocaleString('id-ID')} detik: ${result.posts} berita di ` +
          `${result.agencies} OPD, ${result.complaints} aduan` +
          (result.articlePath
            ? `; cari "${result.searchWord}": ${result.searchHits}; artikel ${result.articlePath}`
            : '.'),
      );
      if (manifest)
        writeFileSync(
          manifest,
          `${JSON.stringify({ ...result, seededAt: new Date().toISOString() }, null, 2)}\n`,
        );
      return 0;
    });
  } catch (err) {
    if (!(err instanceof VolumeSeedError)) throw err;
    io.err(err.message);
    return 1;
  }
}
