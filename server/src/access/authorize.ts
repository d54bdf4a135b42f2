import { type Permission, type Role, rolePermissions, type ScopeKind } from '@varn/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { AppError } from '../platform/app-error.ts';

/** One grant as the signed-in person holds it: a role, and where it applies. */
export interface ActorGrant {
  role: Role;
  scopeKind: ScopeKind;
  /** The materialised path of the scoped org unit ('/a/b/'), for `org_unit` grants. */
  orgUnitPath: string | null;
  partyId: string | null;
}

/** Who is acting. Every service call that touches data receives one. */
export interface Actor {
  tenantId: string;
  personId: string;
  accountId: string;
  grants: readonly ActorGrant[];
}

/** Where one permission reaches for an actor: the union of the scopes of the grants carrying it. */
export interface Scope {
  isTenantWide: boolean;
  orgUnitPaths: readonly string[];
  partyIds: readonly string[];
  includesSelf: boolean;
}

/** What a record offers to scope checks; leave out what the record has not. */
export interface ScopedResource {
  orgUnitPath?: string | null;
  partyId?: string | null;
  personId?: string | null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((grant) => rolePermissions[grant.role].includes(permission));
}

export function scopeOf(actor: Actor, permission: Permission): Scope {
  const carrying = actor.grants.filter((grant) => rolePermissions[grant.role].includes(permission));
  return {
    isTenantWide: carrying.some((grant) => grant.scopeKind === 'tenant'),
    orgUnitPaths: carrying.flatMap((grant) => (grant.orgUnitPath ? [grant.orgUnitPath] : [])),
    partyIds: carrying.flatMap((grant) => (grant.scopeKind === 'party' && grant.partyId ? [grant.partyId] : [])),
    includesSelf: carrying.some((grant) => grant.scopeKind === 'self'),
  };
}

export function isInScope(actor: Actor, scope: Scope, resource: ScopedResource): boolean {
  if (scope.isTenantWide) return true;
  const { orgUnitPath, partyId, personId } = resource;
  if (orgUnitPath && scope.orgUnitPaths.some((path) => orgUnitPath.startsWith(path))) return true;
  if (partyId && scope.partyIds.includes(partyId)) return true;
  return scope.includesSelf && personId === actor.personId;
}

/**
 * True when `outer` reaches everything `inner` reaches (e.g. need-to-know over the whole of a
 * statistics scope). Org subtrees are compared by path prefix; a self scope only within a self scope.
 */
export function isScopeWithin(inner: Scope, outer: Scope): boolean {
  if (outer.isTenantWide) return true;
  if (inner.isTenantWide) return false;
  return (
    inner.orgUnitPaths.every((path) => outer.orgUnitPaths.some((outerPath) => path.startsWith(outerPath))) &&
    inner.partyIds.every((partyId) => outer.partyIds.includes(partyId)) &&
    (!inner.includesSelf || outer.includesSelf)
  );
}

/**
 * Throws not_found unless the record is in the actor's scope for the permission. Out-of-scope
 * records answer 404, exactly as missing ones: nobody learns what exists outside their part.
 */
export function authorize(actor: Actor, permission: Permission, resource: ScopedResource): void {
  if (!isInScope(actor, scopeOf(actor, permission), resource)) throw new AppError('not_found');
}

/**
 * Need-to-know on top of scope, for records with an access list (threat cases): the actor's grant
 * must reach the record *and* the actor must be on its list. A tenant-wide grant of the permission
 * (the security department) reaches every such record without being listed: see
 * docs/decisions/2026-11-23-threat-case-need-to-know.md. Throws not_found otherwise.
 */
export function authorizeNeedToKnow(
  actor: Actor,
  permission: Permission,
  resource: ScopedResource & { isListed: boolean },
): void {
  const scope = scopeOf(actor, permission);
  if (!isInScope(actor, scope, resource) || !(scope.isTenantWide || resource.isListed)) {
    throw new AppError('not_found');
  }
}

type ScopeColumns = {
  orgUnitPath?: Expression<string | null>;
  partyId?: Expression<string | null>;
  personId?: Expression<string | null>;
};

/**
 * The same decision as `isInScope`, as a SQL condition for list queries, so lists and single reads
 * can never disagree. Pass the columns (or joined expressions) that the listed table offers.
 */
export function scopeCondition<DB, Table extends keyof DB>(
  actor: Actor,
  permission: Permission,
  builder: ExpressionBuilder<DB, Table>,
  columns: ScopeColumns,
): Expression<SqlBool> {
  return scopeConditionOf(actor, scopeOf(actor, permission), builder, columns);
}

/** `scopeCondition` for a scope already worked out, e.g. one part of `scopeParts`. */
export function scopeConditionOf<DB, Table extends keyof DB>(
  actor: Actor,
  scope: Scope,
  builder: ExpressionBuilder<DB, Table>,
  columns: ScopeColumns,
): Expression<SqlBool> {
  if (scope.isTenantWide) return builder.lit(true);
  const alternatives: Expression<SqlBool>[] = [];
  if (columns.orgUnitPath) {
    for (const path of scope.orgUnitPaths) {
      alternatives.push(builder(columns.orgUnitPath, 'like', `${escapeLike(path)}%`));
    }
  }
  if (columns.partyId && scope.partyIds.length > 0) {
    alternatives.push(builder(columns.partyId, 'in', scope.partyIds));
  }
  if (columns.personId && scope.includesSelf) {
    alternatives.push(builder(columns.personId, '=', actor.personId));
  }
  return alternatives.length > 0 ? builder.or(alternatives) : builder.lit(false);
}

/**
 * A scope cut into the parts that `scopeConditionOf` would OR together: each subtree, the parties,
 * oneself. A large list can query each part on its own index and merge them (a UNION), where one
 * query with the OR would scan the whole table. Together the parts are exactly the scope.
 */
export function scopeParts(scope: Scope): Scope[] {
  if (scope.isTenantWide) return [scope];
  const none: Scope = { isTenantWide: false, orgUnitPaths: [], partyIds: [], includesSelf: false };
  return [
    ...scope.orgUnitPaths.map((path) => ({ ...none, orgUnitPaths: [path] })),
    ...(scope.partyIds.length > 0 ? [{ ...none, partyIds: scope.partyIds }] : []),
    ...(scope.includesSelf ? [{ ...none, includesSelf: true }] : []),
  ];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The same decision as `authorizeNeedToKnow` for list queries: in scope and on the access list
 * (`isListed`, an expression such as an EXISTS over the list), or tenant-wide.
 */
export function needToKnowCondition<DB, Table extends keyof DB>(
  actor: Actor,
  permission: Permission,
  builder: ExpressionBuilder<DB, Table>,
  columns: ScopeColumns & { isListed: Expression<SqlBool> },
): Expression<SqlBool> {
  if (scopeOf(actor, permission).isTenantWide) return builder.lit(true);
  return builder.and([scopeCondition(actor, permission, builder, columns), columns.isListed]);
}
