import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

/** Only listens, logs and closes gracefully; everything else is in buildApp. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { app, seed } = await buildApp(config);
  if (seed.generatedPassword) {
    // Printed once, at the start that created the demo city; it is not stored anywhere in clear.
    console.log(
      `\nKota demo dibuat. Kata sandi semua akun demo: ${seed.generatedPassword}\n` +
        `Masuk sebagai admin@pontianak.go.id di ${config.baseUrl}/masuk\n`,
    );
  }
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

await main();
