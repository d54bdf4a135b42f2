import type { Db } from '../platform/database.ts';
import { genesisHash, linkHash } from './chain.ts';

export type ChainReport =
  | { isIntact: true; tenants: number; sealedEntries: number; unsealedEntries: number }
  | { isIntact: false; tenantId: string; sequence: number; entryId: number | null; problem: string };

/**
 * Walks every tenant's chain from the start and reports the first broken link: a changed entry,
 * a missing or reordered one, or a seal that does not follow its predecessor.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  const tenants = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  let sealedEntries = 0;
  for (const { id: tenantId } of tenants) {
    let expectedSequence = 1;
    let previousHash = genesisHash;
    for (;;) {
      const rows = await db
        .selectFrom('auditSeals as seal')
        .leftJoin('auditEntries as entry', 'entry.id', 'seal.entryId')
        .select(['seal.sequence', 'seal.previousHash', 'seal.hash', 'seal.entryId'])
        .selectAll('entry')
        .where('seal.tenantId', '=', tenantId)
        .where('seal.sequence', '>=', expectedSequence)
        .orderBy('seal.sequence')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const broken = (problem: string): ChainReport => ({
          isIntact: false,
          tenantId,
          sequence: expectedSequence,
          entryId: row.entryId,
          problem,
        });
        if (row.sequence !== expectedSequence) return broken(`sequence ${expectedSequence} is missing`);
        if (row.previousHash !== previousHash) return broken('the seal does not follow its predecessor');
        if (row.id === null || row.id === undefined) return broken('the sealed entry is missing');
        const entry = { ...row, id: row.entryId };
        if (linkHash(previousHash, row.sequence, entry as never) !== row.hash) {
          return broken('the entry was changed after it was sealed');
        }
        previousHash = row.hash;
        expectedSequence += 1;
        sealedEntries += 1;
      }
    }
  }
  const unsealed = await db
    .selectFrom('auditUnsealed')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { isIntact: true, tenants: tenants.length, sealedEntries, unsealedEntries: Number(unsealed.count) };
}
