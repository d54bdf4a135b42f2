import closeWithGrace from 'close-with-grace';
import { loadConfig } from './platform/config.ts';
import { startServer } from './platform/server.ts';

const startedAt = performance.now();
const config = loadConfig();
const server = await startServer(config);

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) server.app.log.error({ err }, 'shutting down after an error');
  else server.app.log.info({ signal }, 'shutting down');
  await server.stop();
});

const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
const database = config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
console.log(`\nVärn is running at ${server.url} (${database}, ready in ${seconds} s)`);
if (server.demoLogins.length > 0) {
  console.log('\nDemo tenant "Demo kommun" was created. Log-ins (all with the same password):');
  for (const login of server.demoLogins) {
    console.log(
      `  ${login.role.padEnd(24)} ${login.email.padEnd(28)} ${login.password}${login.totpSecret ? '  + TOTP' : ''}`,
    );
  }
  const totp = server.demoLogins.find((login) => login.totpSecret)?.totpSecret;
  if (totp) console.log(`\nRoles marked + TOTP also ask for a code: add the secret ${totp} to an authenticator app.`);
}
