import type { PageQuery, ThreatAssessment, ThreatCase, ThreatCaseSummary } from '@varn/domain';
import type { Selectable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { type Actor, needToKnowCondition } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { decodeCursor, toPage } from '../platform/cursor.ts';
import type { Db } from '../platform/database.ts';
import { decryptField } from '../platform/field-encryption.ts';
import { authorizeCase, caseQuery, getAuthorizedCase } from './case-access.ts';
import type { ThreatAssessmentTable, ThreatCaseTable } from './tables.ts';

const fullName = (person: { givenName: string | null; familyName: string | null }) =>
  person.givenName ? `${person.givenName} ${person.familyName}` : '';

/**
 * A `date` column as 'YYYY-MM-DD'. PostgreSQL's driver hands it over as text; PGlite, despite its
 * parser option, sometimes as a Date at UTC midnight.
 */
function dateText(value: string | Date | null): string | null {
  if (value === null || typeof value === 'string') return value;
  return value.toISOString().slice(0, 10);
}

function presentSummary(row: Selectable<ThreatCaseTable> & { unitName: string }): ThreatCaseSummary {
  return {
    id: row.id,
    title: row.title,
    unitId: row.unitId,
    unitName: row.unitName,
    currentLevel: row.currentLevel,
    assessmentCount: row.assessmentCount,
    nextReviewOn: dateText(row.nextReviewOn),
    // The review reminder job marks the date it fired for; a new date or assessment clears it.
    isReviewDue: row.reviewRemindedOn !== null && dateText(row.reviewRemindedOn) === dateText(row.nextReviewOn),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The cases the actor may read (in scope and on the access list), most recently changed first. */
export async function findThreatCases(db: Db, actor: Actor, page: PageQuery) {
  let query = db
    .selectFrom('threatCases as threatCase')
    .innerJoin('orgUnits as unit', 'unit.id', 'threatCase.unitId')
    .selectAll('threatCase')
    .select('unit.name as unitName')
    .where('threatCase.tenantId', '=', actor.tenantId)
    .where((builder) =>
      needToKnowCondition(actor, 'threat_cases.read', builder, {
        orgUnitPath: builder.ref('unit.path'),
        isListed: builder.exists(
          builder
            .selectFrom('threatCaseAccess as access')
            .select('access.personId')
            .whereRef('access.caseId', '=', 'threatCase.id')
            .where('access.personId', '=', actor.personId),
        ),
      }),
    );
  if (page.after) {
    const [updatedAt, id] = decodeCursor(page.after, 2) as [string, string];
    query = query.where((builder) =>
      builder(builder.refTuple('threatCase.updatedAt', 'threatCase.id'), '<', builder.tuple(new Date(updatedAt), id)),
    );
  }
  const rows = await query
    .orderBy('threatCase.updatedAt', 'desc')
    .orderBy('threatCase.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, presentSummary, (row) => [new Date(row.updatedAt).toISOString(), row.id]);
}

async function findAssessments(db: Db, caseId: string): Promise<ThreatAssessment[]> {
  const rows = await db
    .selectFrom('threatAssessments as assessment')
    .innerJoin('people as assessor', 'assessor.id', 'assessment.assessedByPersonId')
    .selectAll('assessment')
    .select(['assessor.givenName', 'assessor.familyName'])
    .where('assessment.caseId', '=', caseId)
    .orderBy('assessment.version')
    .execute();
  return rows.map((row) => presentAssessment(row, fullName(row)));
}

/** A stored version, as a row or as an element of a JSON aggregate (timestamps as text). */
type AssessmentRow = Omit<Selectable<ThreatAssessmentTable>, 'assessedAt'> & { assessedAt: Date | string };

function presentAssessment(row: AssessmentRow, assessorName: string): ThreatAssessment {
  return {
    version: row.version,
    templateVersion: row.templateVersion,
    ratings: row.ratings,
    suggestedLevel: row.suggestedLevel,
    level: row.level,
    justification: row.justification,
    recommendedMeasures: row.recommendedMeasures,
    nextReviewOn: dateText(row.nextReviewOn),
    assessedAt: new Date(row.assessedAt).toISOString(),
    assessorName,
  };
}

/** Every version of a case's assessment, oldest first; the read is audited like the case's. */
export async function listAssessments(db: Db, actor: Actor, context: AuditContext, id: string) {
  await getAuthorizedCase(db, actor, 'threat_cases.read', id);
  await recordAudit(db, context, {
    action: 'threat_case.assessments.read',
    resourceType: 'threat_case',
    resourceId: id,
  });
  return { items: await findAssessments(db, id) };
}

/**
 * The case row of `caseQuery` with everything the case page shows, each part as a JSON aggregate
 * subquery: one statement instead of a query per part. Timestamps inside the aggregates are text.
 */
function caseWithParts(db: Db, actor: Actor, id: string) {
  return caseQuery(db, actor, id).select((builder) => [
    jsonObjectFrom(
      builder
        .selectFrom('people as creator')
        .select(['creator.givenName', 'creator.familyName'])
        .whereRef('creator.id', '=', 'threatCase.createdByPersonId'),
    ).as('creator'),
    jsonObjectFrom(
      builder
        .selectFrom('sites as site')
        .select(['site.name', 'site.streetAddress'])
        .whereRef('site.id', '=', 'threatCase.siteId'),
    ).as('site'),
    jsonObjectFrom(
      builder
        .selectFrom('people as official')
        .select(['official.givenName', 'official.familyName'])
        .whereRef('official.id', '=', 'threatCase.officialPersonId'),
    ).as('official'),
    jsonArrayFrom(
      builder
        .selectFrom('threatCaseProtectedPersons as person')
        .select(['person.id', 'person.name', 'person.description', 'person.homeAddressEncrypted'])
        .whereRef('person.caseId', '=', 'threatCase.id')
        .orderBy('person.position'),
    ).as('protectedPersons'),
    jsonArrayFrom(
      builder
        .selectFrom('threatCasePersonsOfConcern as person')
        .select([
          'person.id',
          'person.name',
          'person.relation',
          'person.gangCrimeLink',
          'person.violentExtremismLink',
          'person.description',
          'person.homeAddressEncrypted',
        ])
        .whereRef('person.caseId', '=', 'threatCase.id')
        .orderBy('person.position'),
    ).as('personsOfConcern'),
    jsonArrayFrom(
      builder
        .selectFrom('threatCaseIncidents as link')
        .innerJoin('incidents as incident', 'incident.id', 'link.incidentId')
        .select(['incident.id', 'incident.occurredAt', 'incident.types', 'incident.status'])
        .whereRef('link.caseId', '=', 'threatCase.id')
        .orderBy('incident.occurredAt', 'desc'),
    ).as('incidents'),
    jsonArrayFrom(
      builder
        .selectFrom('threatAssessments as assessment')
        .innerJoin('people as assessor', 'assessor.id', 'assessment.assessedByPersonId')
        .selectAll('assessment')
        .select(['assessor.givenName', 'assessor.familyName'])
        .whereRef('assessment.caseId', '=', 'threatCase.id')
        .orderBy('assessment.version'),
    ).as('assessments'),
    jsonArrayFrom(
      builder
        .selectFrom('threatCaseConsultations as consultation')
        .innerJoin('people as recorder', 'recorder.id', 'consultation.recordedByPersonId')
        .select([
          'consultation.id',
          'consultation.party',
          'consultation.consultedOn',
          'consultation.outcome',
          'recorder.givenName',
          'recorder.familyName',
        ])
        .whereRef('consultation.caseId', '=', 'threatCase.id')
        .orderBy('consultation.consultedOn', 'desc')
        .orderBy('consultation.recordedAt', 'desc'),
    ).as('consultations'),
    jsonArrayFrom(
      builder
        .selectFrom('threatCaseAccess as access')
        .innerJoin('people as person', 'person.id', 'access.personId')
        .leftJoin('people as adder', 'adder.id', 'access.addedByPersonId')
        .select([
          'access.personId',
          'access.reason',
          'access.addedAt',
          'person.givenName',
          'person.familyName',
          'adder.givenName as adderGivenName',
          'adder.familyName as adderFamilyName',
        ])
        .whereRef('access.caseId', '=', 'threatCase.id')
        .orderBy('access.addedAt'),
    ).as('accessList'),
    jsonArrayFrom(
      builder
        .selectFrom('threatCasePreIntakeAssessments as assessment')
        .innerJoin('people as decider', 'decider.id', 'assessment.decidedByPersonId')
        .selectAll('assessment')
        .select(['decider.givenName', 'decider.familyName'])
        .whereRef('assessment.caseId', '=', 'threatCase.id')
        .orderBy('assessment.decidedAt', 'desc'),
    ).as('preIntake'),
  ]);
}

/**
 * One case with its persons, linked incidents, assessment versions, consultations and access list.
 * It names persons of concern and protected persons, so every read is audited. Home addresses are
 * decrypted with `addressKey`; with null they are withheld (null), as in the answers to writes:
 * those are stored as idempotent replays, and the database must never hold an address in plaintext.
 */
export async function getThreatCase(
  db: Db,
  addressKey: Buffer | null,
  actor: Actor,
  context: AuditContext,
  id: string,
): Promise<ThreatCase> {
  // One statement for the case and everything it shows (an aggregate per part), then the audit entry
  // (one statement too): two round trips, no transaction needed, and the answer leaves only once the
  // read is audited. See docs/performance.md, "Threat cases (issue 4)".
  const row = authorizeCase(actor, 'threat_cases.read', await caseWithParts(db, actor, id).executeTakeFirst());
  await recordAudit(db, context, { action: 'threat_case.read', resourceType: 'threat_case', resourceId: id });
  const decrypt = (stored: string | null) =>
    stored === null || addressKey === null ? null : decryptField(addressKey, stored);
  const { creator, protectedPersons, personsOfConcern, incidents, consultations, accessList, preIntake } = row;
  const assessments = row.assessments.map((assessment) => presentAssessment(assessment, fullName(assessment)));
  return {
    ...presentSummary(row),
    protects: row.protects,
    siteId: row.siteId,
    siteName: row.site ? `${row.site.name}, ${row.site.streetAddress}` : null,
    officialPersonId: row.officialPersonId,
    officialName: row.official ? fullName(row.official) : null,
    summary: row.summary,
    createdAt: new Date(row.createdAt).toISOString(),
    createdByName: creator ? fullName(creator) : '',
    protectedPersons: protectedPersons.map((person) => ({
      id: person.id,
      name: person.name,
      description: person.description,
      homeAddress: decrypt(person.homeAddressEncrypted),
    })),
    personsOfConcern: personsOfConcern.map((person) => ({
      id: person.id,
      name: person.name,
      relation: person.relation as ThreatCase['personsOfConcern'][number]['relation'],
      gangCrimeLink: person.gangCrimeLink,
      violentExtremismLink: person.violentExtremismLink,
      description: person.description,
      homeAddress: decrypt(person.homeAddressEncrypted),
    })),
    incidents: incidents.map((incident) => ({
      id: incident.id,
      occurredAt: new Date(incident.occurredAt).toISOString(),
      types: incident.types as ThreatCase['incidents'][number]['types'],
      status: incident.status,
    })),
    assessments,
    consultations: consultations.map((consultation) => ({
      id: consultation.id,
      party: consultation.party,
      consultedOn: dateText(consultation.consultedOn) as string,
      outcome: consultation.outcome,
      recordedByName: fullName(consultation),
    })),
    preIntakeAssessments: preIntake.map((assessment) => ({
      id: assessment.id,
      referringDistrictDialogueOn: dateText(assessment.referringDistrictDialogueOn),
      referringDistrictOutcome: assessment.referringDistrictOutcome,
      bopsDialogueOn: dateText(assessment.bopsDialogueOn),
      bopsOutcome: assessment.bopsOutcome,
      decision: assessment.decision,
      safetyArrangements: assessment.safetyArrangements,
      decidedAt: new Date(assessment.decidedAt).toISOString(),
      decidedByName: fullName(assessment),
    })),
    accessList: accessList.map((entry) => ({
      personId: entry.personId,
      name: fullName(entry),
      reason: entry.reason,
      isCreator: entry.personId === row.createdByPersonId && entry.reason === '',
      addedAt: new Date(entry.addedAt).toISOString(),
      addedByName: entry.adderGivenName ? `${entry.adderGivenName} ${entry.adderFamilyName}` : null,
    })),
  };
}
