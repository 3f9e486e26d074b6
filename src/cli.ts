import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createAccount, validateNewPassword } from './accounts/accounts.service.js';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './backup/backup.cli.js';
import { SCAN_USAGE, scanContentCommand } from './guard/guard.cli.js';
import { assertStrongPassword } from './accounts/password-strength.js';
import { AppError } from './errors.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { withInstallation } from './seed/installation.js';
import { SEED_VOLUME_USAGE, seedVolumeCommand } from './seed/volume.cli.js';
import { IMPORT_USAGE, importWordPressCommand } from './imports/imports.cli.js';

const USAGE = `Pemakaian: npm run balairung -- <perintah> [pilihan]

Perintah:
  create-admin --email EMAIL [--name NAMA] [--password SANDI]
      Membuat super admin. Tanpa --password, kata sandi dibuat acak dan ditampilkan sekali.
  migrate
      Menjalankan migrasi basis data.
${BACKUP_USAGE}${SCAN_USAGE}${SEED_VOLUME_USAGE}${IMPORT_USAGE}`;

type Output = { out: (line: string) => void; err: (line: string) => void };

/** Runs one command; returns the exit code. Separate from process handling so tests can call it. */
export async function runCli(argv: string[], config: Config, io: Output): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'backup') return backupCommand(rest, config, io);
  if (command === 'restore') return restoreCommand(rest, config, io);
  if (command === 'scan-content') return scanContentCommand(rest, config, io);
  if (command === 'seed-volume') return seedVolumeCommand(rest, config, io);
  if (command === 'import-wordpress') return importWordPressCommand(rest, config, io);
  if (command === 'migrate') {
    await withInstallation(config, async () => undefined);
    io.out('Migrasi selesai.');
    return 0;
  }
  if (command !== 'create-admin') {
    io.err(command ? `Perintah tidak dikenal: ${command}\n\n${USAGE}` : USAGE);
    return command ? 2 : 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    io.err('--email wajib diisi dengan alamat email yang benar.');
    return 2;
  }
  const generated = values.password ? undefined : randomBytes(12).toString('base64url');
  const password = values.password ?? generated!;
  try {
    const { user } = await withInstallation(config, async ({ db }) => {
      const person = { email: values.email!, name: values.name ?? 'Super Admin' };
      // A typed password must be strong; a generated one is 96 random bits.
      if (!generated) {
        validateNewPassword(password, person.email, 'password');
        await assertStrongPassword(db, password, person, 'password');
      }
      return createAccount(db, null, {
        ...person,
        password,
        installationRole: 'super_admin',
        memberships: [],
      });
    });
    io.out(`Super admin ${user.email} dibuat.`);
    if (generated) io.out(`Kata sandi (ditampilkan sekali ini saja): ${generated}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      io.err(err.readable());
      return 1;
    }
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const code = await runCli(process.argv.slice(2), loadConfig(), { out: console.log, err: console.error });
    process.exit(code);
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof TypeError ? err.message : err);
    process.exit(1);
  }
}
