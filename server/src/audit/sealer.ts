import { sql } from 'kysely';
import type { Db } from '../platform/database.ts';
import { genesisHash, linkHash } from './chain.ts';

/**
 * Seals committed, unsealed entries into each tenant's chain. Writers only append entries; one
 * sealer at a time per tenant (an advisory lock, so several app servers may run it) extends the chain.
 * Returns how many entries it sealed.
 */
export async function sealPendingEntries(db: Db, batchSize = 1000): Promise<number> {
  const tenants = await db.selectFrom('auditUnsealed').select('tenantId').distinct().execute();
  let sealed = 0;
  for (const { tenantId } of tenants) {
    sealed += await sealTenantBatch(db, tenantId, batchSize);
  }
  return sealed;
}

async function sealTenantBatch(db: Db, tenantId: string, batchSize: number): Promise<number> {
  return db.transaction().execute(async (transaction) => {
    const lock = await sql<{ locked: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext(${`audit-seal:${tenantId}`})) AS locked`.execute(transaction);
    if (!lock.rows[0]?.locked) return 0;
    const head = await transaction
      .selectFrom('auditSeals')
      .select(['sequence', 'hash'])
      .where('tenantId', '=', tenantId)
      .orderBy('sequence', 'desc')
      .limit(1)
      .executeTakeFirst();
    const pending = await transaction
      .selectFrom('auditUnsealed as unsealed')
      .innerJoin('auditEntries as entry', 'entry.id', 'unsealed.entryId')
      .selectAll('entry')
      .where('unsealed.tenantId', '=', tenantId)
      .orderBy('unsealed.entryId')
      .limit(batchSize)
      .execute();
    if (pending.length === 0) return 0;
    let sequence = head?.sequence ?? 0;
    let previousHash = head?.hash ?? genesisHash;
    const seals = pending.map((entry) => {
      sequence += 1;
      const hash = linkHash(previousHash, sequence, entry);
      const seal = { entryId: entry.id, tenantId, sequence, previousHash, hash };
      previousHash = hash;
      return seal;
    });
    await transaction.insertInto('auditSeals').values(seals).execute();
    await transaction
      .deleteFrom('auditUnsealed')
      .where(
        'entryId',
        'in',
        pending.map((entry) => entry.id),
      )
      .execute();
    return seals.length;
  });
}

/** Runs the sealer every `intervalMs` until stopped; stopping seals what is left. */
export function startSealer(db: Db, onError: (error: unknown) => void, intervalMs = 1000) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sealPendingEntries(db)).catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sealPendingEntries(db).catch(onError);
    },
  };
}
