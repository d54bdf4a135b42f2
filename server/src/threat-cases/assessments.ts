import { suggestLevel, type ThreatAssessmentValues } from '@varn/domain';
import { sql } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../platform/database.ts';
import type { JobQueue } from '../platform/jobs.ts';
import { getAuthorizedCase } from './case-access.ts';
import { scheduleReviewReminder } from './review-reminders.ts';

/**
 * Records a new version of the case's assessment; earlier versions are never changed. The tool's
 * suggestion is stored beside the assessor's level so that a reader sees where they differ.
 */
export async function assessThreatCase(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  id: string,
  assessment: ThreatAssessmentValues,
): Promise<void> {
  await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  // Taking the next version number under a row lock keeps two assessors from colliding.
  const { assessmentCount } = await db
    .selectFrom('threatCases')
    .select('assessmentCount')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const version = assessmentCount + 1;
  const suggestion = suggestLevel(assessment.ratings);
  await db
    .insertInto('threatAssessments')
    .values({
      tenantId: actor.tenantId,
      caseId: id,
      version,
      templateVersion: assessment.templateVersion,
      ratings: JSON.stringify(assessment.ratings),
      suggestedLevel: suggestion.level,
      level: assessment.level,
      justification: assessment.justification,
      recommendedMeasures: assessment.recommendedMeasures,
      nextReviewOn: assessment.nextReviewOn,
      assessedByPersonId: actor.personId,
    })
    .execute();
  await db
    .updateTable('threatCases')
    .set({
      currentLevel: assessment.level,
      assessmentCount: version,
      updatedAt: sql<Date>`now()`,
      // A reassessment is the review; the next one is the date it names.
      nextReviewOn: assessment.nextReviewOn,
      reviewRemindedOn: null,
    })
    .where('id', '=', id)
    .execute();
  if (assessment.nextReviewOn) {
    await scheduleReviewReminder(db, jobs, { tenantId: actor.tenantId, caseId: id, reviewOn: assessment.nextReviewOn });
  }
  await recordAudit(db, context, {
    action: 'threat_case.assess',
    resourceType: 'threat_case',
    resourceId: id,
    details: { version, level: assessment.level, suggestedLevel: suggestion.level },
  });
}

/** Sets (or clears) the date of the next review, with its reminder. */
export async function setReviewDate(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  context: AuditContext,
  id: string,
  nextReviewOn: string | null,
): Promise<void> {
  await getAuthorizedCase(db, actor, 'threat_cases.manage', id);
  await db
    .updateTable('threatCases')
    .set({ nextReviewOn, reviewRemindedOn: null, updatedAt: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
  if (nextReviewOn)
    await scheduleReviewReminder(db, jobs, { tenantId: actor.tenantId, caseId: id, reviewOn: nextReviewOn });
  await recordAudit(db, context, {
    action: 'threat_case.review_date.set',
    resourceType: 'threat_case',
    resourceId: id,
    details: { nextReviewOn },
  });
}
