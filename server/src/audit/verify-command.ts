import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/database.ts';
import { migrate } from '../platform/migrate.ts';
import { verifyAuditChain } from './verify.ts';

// `npm run audit:verify`: walks every tenant's chain and names the first broken link.
const db = openDatabase(loadConfig().database);
try {
  await migrate(db);
  const report = await verifyAuditChain(db);
  if (report.isIntact) {
    console.log(
      `Audit log intact: ${report.sealedEntries} sealed entries in ${report.tenants} tenants, ${report.unsealedEntries} awaiting sealing.`,
    );
  } else {
    console.error(
      `Audit log BROKEN in tenant ${report.tenantId} at sequence ${report.sequence} (entry ${report.entryId ?? 'missing'}): ${report.problem}`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
