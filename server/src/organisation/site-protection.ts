import type { Permission } from '@varn/domain';
import {
  emptyProtectionElements,
  type ProtectionElements,
  protectionChanges,
  type SiteProtection,
  type SiteProtectionInput,
  type SiteProtectionProfile,
} from '@varn/domain';
import { type Actor, authorize } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';

// A site's profile is read with its history; a site has a handful of versions a year, so all of them.
const historyLimit = 200;

/**
 * The site, when the actor holds the permission over its unit. The profile is what a security walk
 * checks and changes, so it follows the walks' permissions: whoever walks the site edits it, the
 * safety representative reads it; out of scope the site does not exist (404).
 */
async function findScopedSite(db: Db, actor: Actor, siteId: string, permission: Permission, lock = false) {
  let query = db
    .selectFrom('sites as site')
    .innerJoin('orgUnits as unit', 'unit.id', 'site.unitId')
    .select(['site.id', 'unit.path as unitPath'])
    .where('site.tenantId', '=', actor.tenantId)
    .where('site.id', '=', siteId);
  // The site row's lock makes two saves of one profile take turns (and consecutive versions).
  if (lock) query = query.forUpdate('site');
  const site = await query.executeTakeFirst();
  if (!site) throw new AppError('not_found');
  authorize(actor, permission, { orgUnitPath: site.unitPath });
  return site;
}

async function loadVersions(db: Db, tenantId: string, siteId: string) {
  return db
    .selectFrom('siteProtectionProfiles as profile')
    .innerJoin('people as person', 'person.id', 'profile.changedByPersonId')
    .select([
      'profile.version',
      'profile.elements',
      'profile.alarmCentre',
      'profile.note',
      'profile.createdAt',
      'person.id as personId',
      'person.givenName',
      'person.familyName',
    ])
    .where('profile.tenantId', '=', tenantId)
    .where('profile.siteId', '=', siteId)
    .orderBy('profile.version', 'desc')
    .limit(historyLimit + 1)
    .execute();
}

type VersionRow = Awaited<ReturnType<typeof loadVersions>>[number];

const noProfile = { version: 0, elements: emptyProtectionElements(), alarmCentre: '', note: '' };

/** Elements saved before an element was added to the model read as unassessed. */
function completeElements(elements: Partial<ProtectionElements>): ProtectionElements {
  return { ...emptyProtectionElements(), ...elements };
}

function present(siteId: string, rows: VersionRow[]): SiteProtection {
  const versions = rows.map((row) => ({
    version: row.version,
    elements: completeElements(row.elements),
    alarmCentre: row.alarmCentre,
    note: row.note,
    changedAt: new Date(row.createdAt).toISOString(),
    changedBy: { id: row.personId, name: `${row.givenName} ${row.familyName}`.trim() },
  }));
  const current = versions[0];
  const profile: SiteProtectionProfile = current
    ? { siteId, ...current }
    : { siteId, ...noProfile, changedAt: null, changedBy: null };
  const history = versions.slice(0, historyLimit).map((version, index) => ({
    version: version.version,
    changedAt: version.changedAt,
    changedBy: version.changedBy,
    changes: protectionChanges(versions[index + 1] ?? noProfile, version),
  }));
  return { profile, history };
}

/** The site's protection profile and its history. Reading it is audited: it says where an address is weak. */
export async function getSiteProtection(
  db: Db,
  actor: Actor,
  context: AuditContext,
  siteId: string,
): Promise<SiteProtection> {
  await findScopedSite(db, actor, siteId, 'security_walks.read');
  const rows = await loadVersions(db, actor.tenantId, siteId);
  await recordAudit(db, context, { action: 'site_protection.read', resourceType: 'site', resourceId: siteId });
  return present(siteId, rows);
}

/**
 * Saves the profile as its next version. A save based on an older version than the newest is
 * refused (409): it would silently undo what someone else recorded. A save that changes nothing
 * stores nothing.
 */
export async function saveSiteProtection(
  db: Db,
  actor: Actor,
  context: AuditContext,
  siteId: string,
  input: SiteProtectionInput,
): Promise<SiteProtection> {
  await findScopedSite(db, actor, siteId, 'security_walks.manage', true);
  const current = await db
    .selectFrom('siteProtectionProfiles')
    .select(['version', 'elements', 'alarmCentre', 'note'])
    .where('tenantId', '=', actor.tenantId)
    .where('siteId', '=', siteId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const currentVersion = current?.version ?? 0;
  if (input.baseVersion !== currentVersion) throw new AppError('site_protection_changed');
  const before = current ? { ...current, elements: completeElements(current.elements) } : noProfile;
  const changes = protectionChanges(before, input);
  if (changes.length > 0) {
    await db
      .insertInto('siteProtectionProfiles')
      .values({
        tenantId: actor.tenantId,
        siteId,
        version: currentVersion + 1,
        elements: JSON.stringify(input.elements),
        alarmCentre: input.alarmCentre,
        note: input.note,
        changedByPersonId: actor.personId,
      })
      .execute();
    await recordAudit(db, context, {
      action: 'site_protection.update',
      resourceType: 'site',
      resourceId: siteId,
      // Field names only: the values are sensitive.
      details: { version: currentVersion + 1, fields: changes.map((change) => change.field) },
    });
  }
  return present(siteId, await loadVersions(db, actor.tenantId, siteId));
}
