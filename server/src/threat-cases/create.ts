import type { ThreatCaseValues } from '@varn/domain';
import { type Actor, isInScope, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { getIncidentRow } from '../incidents/read.ts';
import { checkPersonReference } from '../organisation/people.ts';
import { checkSiteReference } from '../organisation/sites.ts';
import { unknownReference } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { encryptField } from '../platform/field-encryption.ts';

/** Checks what the case refers to: a unit the actor manages cases for, the site, the official, readable incidents. */
async function checkReferences(db: Db, actor: Actor, input: ThreatCaseValues): Promise<void> {
  const unit = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', input.unitId)
    .executeTakeFirst();
  if (!unit || !isInScope(actor, scopeOf(actor, 'threat_cases.manage'), { orgUnitPath: unit.path })) {
    throw unknownReference('unitId');
  }
  if (input.protects === 'site' && input.siteId) {
    await checkSiteReference(db, actor.tenantId, input.siteId, 'siteId');
  }
  if (input.protects === 'official' && input.officialPersonId) {
    await checkPersonReference(db, actor.tenantId, input.officialPersonId, 'officialPersonId', 'elected_official');
  }
  // Only incidents the actor may read can be linked: a case never reveals others' reports.
  for (const [index, incidentId] of input.incidentIds.entries()) {
    try {
      await getIncidentRow(db, actor, incidentId);
    } catch {
      throw unknownReference(`incidentIds.${index}`);
    }
  }
}

/**
 * Opens a threat case. The creator is the first entry of its access list; home addresses are
 * encrypted before they reach the database and are never written to the audit log.
 */
export async function createThreatCase(
  db: Db,
  key: Buffer,
  actor: Actor,
  context: AuditContext,
  input: ThreatCaseValues,
): Promise<string> {
  await checkReferences(db, actor, input);
  const encrypt = (address: string | null) => (address === null ? null : encryptField(key, address));
  const { id } = await db
    .insertInto('threatCases')
    .values({
      tenantId: actor.tenantId,
      unitId: input.unitId,
      title: input.title,
      protects: input.protects,
      siteId: input.protects === 'site' ? input.siteId : null,
      officialPersonId: input.protects === 'official' ? input.officialPersonId : null,
      summary: input.summary,
      createdByPersonId: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const protectedPersons = input.protects === 'persons' ? input.protectedPersons : [];
  if (protectedPersons.length > 0) {
    await db
      .insertInto('threatCaseProtectedPersons')
      .values(
        protectedPersons.map((person, position) => ({
          tenantId: actor.tenantId,
          caseId: id,
          position,
          name: person.name,
          description: person.description,
          homeAddressEncrypted: encrypt(person.homeAddress),
        })),
      )
      .execute();
  }
  if (input.personsOfConcern.length > 0) {
    await db
      .insertInto('threatCasePersonsOfConcern')
      .values(
        input.personsOfConcern.map((person, position) => ({
          tenantId: actor.tenantId,
          caseId: id,
          position,
          name: person.name,
          relation: person.relation,
          gangCrimeLink: person.gangCrimeLink,
          violentExtremismLink: person.violentExtremismLink,
          description: person.description,
          homeAddressEncrypted: encrypt(person.homeAddress),
        })),
      )
      .execute();
  }
  if (input.incidentIds.length > 0) {
    await db
      .insertInto('threatCaseIncidents')
      .values(input.incidentIds.map((incidentId) => ({ caseId: id, incidentId, tenantId: actor.tenantId })))
      .execute();
  }
  // The creator's entry has no reason: creating the case is the reason.
  await db
    .insertInto('threatCaseAccess')
    .values({
      caseId: id,
      personId: actor.personId,
      tenantId: actor.tenantId,
      reason: '',
      addedByPersonId: actor.personId,
    })
    .execute();
  await recordAudit(db, context, {
    action: 'threat_case.create',
    resourceType: 'threat_case',
    resourceId: id,
    details: {
      protects: input.protects,
      protectedPersonCount: protectedPersons.length,
      personOfConcernCount: input.personsOfConcern.length,
      incidentIds: input.incidentIds,
    },
  });
  return id;
}
