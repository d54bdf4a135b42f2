import { type ChecklistTemplate, type ChecklistTemplateInput, defaultChecklistTemplates } from '@varn/domain';
import type { Selectable } from 'kysely';
import type { Actor } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import type { ChecklistTemplateVersionTable } from './tables.ts';

type VersionRow = Selectable<ChecklistTemplateVersionTable>;

export function presentTemplateVersion(row: VersionRow): ChecklistTemplate {
  return {
    id: row.templateId,
    versionId: row.id,
    version: row.version,
    name: row.name,
    description: row.description,
    sections: row.sections,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The current version of each of the tenant's templates: checklists are the tenant's, not a unit's. */
function selectCurrentVersions(db: Db, tenantId: string) {
  return db
    .selectFrom('checklistTemplates as template')
    .innerJoin('checklistTemplateVersions as version', (join) =>
      join.onRef('version.templateId', '=', 'template.id').onRef('version.version', '=', 'template.currentVersion'),
    )
    .selectAll('version')
    .where('template.tenantId', '=', tenantId);
}

export async function findChecklistTemplates(db: Db, actor: Actor) {
  const rows = await selectCurrentVersions(db, actor.tenantId).orderBy('version.name').execute();
  return {
    items: rows.map((row) => ({
      id: row.templateId,
      name: row.name,
      version: row.version,
      updatedAt: new Date(row.createdAt).toISOString(),
    })),
  };
}

/** A template's current version, or not_found (also for another tenant's). */
export async function getCurrentTemplateVersion(db: Db, tenantId: string, templateId: string): Promise<VersionRow> {
  const row = await selectCurrentVersions(db, tenantId).where('template.id', '=', templateId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getChecklistTemplate(db: Db, actor: Actor, id: string): Promise<ChecklistTemplate> {
  return presentTemplateVersion(await getCurrentTemplateVersion(db, actor.tenantId, id));
}

async function insertVersion(
  db: Db,
  tenantId: string,
  templateId: string,
  version: number,
  input: ChecklistTemplateInput,
  createdByPersonId: string | null,
): Promise<VersionRow> {
  return db
    .insertInto('checklistTemplateVersions')
    .values({
      tenantId,
      templateId,
      version,
      name: input.name,
      description: input.description,
      sections: JSON.stringify(input.sections),
      createdByPersonId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createChecklistTemplate(
  db: Db,
  actor: Actor,
  context: AuditContext,
  input: ChecklistTemplateInput,
): Promise<ChecklistTemplate> {
  const template = await db
    .insertInto('checklistTemplates')
    .values({ tenantId: actor.tenantId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await insertVersion(db, actor.tenantId, template.id, 1, input, actor.personId);
  await recordAudit(db, context, {
    action: 'checklist_template.create',
    resourceType: 'checklist_template',
    resourceId: template.id,
  });
  return presentTemplateVersion(row);
}

/**
 * Saves a template as its next version. Earlier versions are never changed: the walks that used
 * them keep showing the questions they were walked with.
 */
export async function reviseChecklistTemplate(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  input: ChecklistTemplateInput,
): Promise<ChecklistTemplate> {
  // The row lock makes two simultaneous revisions take consecutive numbers.
  const template = await db
    .selectFrom('checklistTemplates')
    .select(['id', 'currentVersion'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!template) throw new AppError('not_found');
  const version = template.currentVersion + 1;
  const row = await insertVersion(db, actor.tenantId, id, version, input, actor.personId);
  await db
    .updateTable('checklistTemplates')
    .set({ currentVersion: version, updatedAt: new Date() })
    .where('id', '=', id)
    .execute();
  await recordAudit(db, context, {
    action: 'checklist_template.revise',
    resourceType: 'checklist_template',
    resourceId: id,
    details: { version },
  });
  return presentTemplateVersion(row);
}

/** Gives a new tenant the default office and school checklists (version 1 of each). */
export async function seedDefaultChecklistTemplates(db: Db, tenantId: string): Promise<void> {
  for (const input of defaultChecklistTemplates) {
    const template = await db
      .insertInto('checklistTemplates')
      .values({ tenantId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersion(db, tenantId, template.id, 1, input, null);
  }
}
