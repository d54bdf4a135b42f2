import type { PreIntakeAssessmentValues } from '@varn/domain';
import { sql } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../platform/database.ts';
import { getAuthorizedCase } from './case-access.ts';

/**
 * Records a pre-intake assessment on the case of the individual to be taken in: the dialogue with
 * the referring district and BOPS, the decision, and the safety arrangements for the meetings.
 */
export async function addPreIntakeAssessment(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  assessment: PreIntakeAssessmentValues,
): Promise<void> {
  await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  const { id: assessmentId } = await db
    .insertInto('threatCasePreIntakeAssessments')
    .values({ tenantId: actor.tenantId, caseId: id, ...assessment, decidedByPersonId: actor.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('threatCases').set({ updatedAt: sql<Date>`now()` }).where('id', '=', id).execute();
  await recordAudit(db, context, {
    action: 'threat_case.pre_intake.add',
    resourceType: 'threat_case',
    resourceId: id,
    details: { preIntakeAssessmentId: assessmentId, decision: assessment.decision },
  });
}
