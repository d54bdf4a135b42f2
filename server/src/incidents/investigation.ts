import {
  type CorrectableField,
  type IncidentNotice,
  type InvestigationField,
  type InvestigationUpdate,
  investigationFields,
} from '@varn/domain';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../platform/database.ts';
import { appendIncidentEvent } from './events.ts';
import { getIncidentRow } from './read.ts';

/** The incident, when the actor may handle it (incidents.handle in its scope); else not_found. */
async function incidentToHandle(db: Db, actor: Actor, id: string) {
  const row = await getIncidentRow(db, actor, id);
  authorize(actor, 'incidents.handle', { orgUnitPath: row.unitPath, partyId: row.partyId });
  return row;
}

/**
 * The incident, when the actor takes part in it: its reporter or a handler in scope. Others who
 * may read it (the safety representative) follow it but do not write in it: not_found, as ever.
 */
async function incidentToTakePartIn(db: Db, actor: Actor, id: string) {
  const row = await getIncidentRow(db, actor, id);
  if (row.reporterPersonId !== actor.personId) {
    authorize(actor, 'incidents.handle', { orgUnitPath: row.unitPath, partyId: row.partyId });
  }
  return row;
}

/**
 * Saves the handler's investigation. Only the fields whose text changed are written and named in
 * the timeline; a save that changes nothing records nothing.
 */
export async function updateInvestigation(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  update: InvestigationUpdate,
): Promise<void> {
  await incidentToHandle(db, actor, id);
  const current = await db
    .selectFrom('incidentInvestigations')
    .select(['causes', 'courseAfter', 'lessonsLearned'])
    .where('incidentId', '=', id)
    .executeTakeFirst();
  const changed = investigationFields.filter(
    (field) => update[field] !== undefined && update[field] !== (current?.[field] ?? ''),
  );
  if (changed.length === 0) return;
  const values = Object.fromEntries(changed.map((field) => [field, update[field]])) as Partial<
    Record<InvestigationField, string>
  >;
  await db
    .insertInto('incidentInvestigations')
    .values({ incidentId: id, tenantId: actor.tenantId, ...values })
    .onConflict((conflict) => conflict.column('incidentId').doUpdateSet({ ...values, updatedAt: new Date() }))
    .execute();
  await appendIncidentEvent(db, actor, id, { kind: 'investigation_updated', fields: changed });
  await recordAudit(db, context, {
    action: 'incident.investigation.update',
    resourceType: 'incident',
    resourceId: id,
    details: { fields: changed },
  });
}

/** A comment in the timeline, from the reporter or a handler. */
export async function commentOnIncident(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  text: string,
): Promise<void> {
  await incidentToTakePartIn(db, actor, id);
  await appendIncidentEvent(db, actor, id, { kind: 'comment', text });
  await recordAudit(db, context, { action: 'incident.comment', resourceType: 'incident', resourceId: id });
}

/**
 * Appends a correction to a named field of the report. The report's own columns are never
 * updated: the original stays as the reporter wrote it, the correction is shown beside it.
 */
export async function correctIncident(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  correction: { field: CorrectableField; text: string },
): Promise<void> {
  await incidentToTakePartIn(db, actor, id);
  await db
    .insertInto('incidentCorrections')
    .values({
      tenantId: actor.tenantId,
      incidentId: id,
      field: correction.field,
      text: correction.text,
      authorPersonId: actor.personId,
    })
    .execute();
  await appendIncidentEvent(db, actor, id, { kind: 'correction', fields: [correction.field], text: correction.text });
  await recordAudit(db, context, {
    action: 'incident.correct',
    resourceType: 'incident',
    resourceId: id,
    details: { field: correction.field },
  });
}

/**
 * Records that Arbetsmiljöverket was notified, or the work-injury report to Försäkringskassan made:
 * when, by whom (the actor) and the authority's reference. Recording again replaces the date, and
 * the timeline keeps every recording.
 */
export async function recordNotice(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  notice: IncidentNotice,
): Promise<void> {
  await incidentToHandle(db, actor, id);
  const values =
    notice.kind === 'authority_notice'
      ? {
          authorityNotifiedOn: notice.doneOn,
          authorityNotifiedByPersonId: actor.personId,
          authorityNoticeReference: notice.reference,
        }
      : {
          workInjuryReportedOn: notice.doneOn,
          workInjuryReportedByPersonId: actor.personId,
          workInjuryReportReference: notice.reference,
        };
  await db
    .insertInto('incidentInvestigations')
    .values({ incidentId: id, tenantId: actor.tenantId, ...values })
    .onConflict((conflict) => conflict.column('incidentId').doUpdateSet({ ...values, updatedAt: new Date() }))
    .execute();
  await appendIncidentEvent(db, actor, id, {
    kind: notice.kind === 'authority_notice' ? 'authority_notified' : 'work_injury_reported',
    text: notice.doneOn,
  });
  await recordAudit(db, context, {
    action: `incident.${notice.kind}.record`,
    resourceType: 'incident',
    resourceId: id,
  });
}

/** Employer and workplace for the printable summary; for handlers, who fill in the authorities' forms. */
export async function getSummarySheet(db: Db, actor: Actor, id: string) {
  const row = await incidentToHandle(db, actor, id);
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  const unit = row.unitId
    ? await db.selectFrom('orgUnits').select('name').where('id', '=', row.unitId).executeTakeFirst()
    : undefined;
  const site = row.siteId
    ? await db
        .selectFrom('sites')
        .select(['name', 'streetAddress', 'postalCode', 'city'])
        .where('id', '=', row.siteId)
        .executeTakeFirst()
    : undefined;
  return { employerName: tenant.name, unitName: unit?.name ?? null, site: site ?? null };
}
