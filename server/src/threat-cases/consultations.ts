import type { ConsultationValues } from '@varn/domain';
import { sql } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../platform/database.ts';
import { getAuthorizedCase } from './case-access.ts';

/** Logs a consultation (referring district, BOPS, police, occupational health) with date and outcome. */
export async function addConsultation(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  consultation: ConsultationValues,
): Promise<void> {
  await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  const { id: consultationId } = await db
    .insertInto('threatCaseConsultations')
    .values({ tenantId: actor.tenantId, caseId: id, ...consultation, recordedByPersonId: actor.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('threatCases').set({ updatedAt: sql<Date>`now()` }).where('id', '=', id).execute();
  await recordAudit(db, context, {
    action: 'threat_case.consultation.add',
    resourceType: 'threat_case',
    resourceId: id,
    details: { consultationId, party: consultation.party },
  });
}
