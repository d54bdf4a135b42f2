import { type CurrentUser, permissionsOfRoles, type Role, requiresSecondFactor, type SignInResult } from '@varn/domain';
import { auditContextOf, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/database.ts';
import { decryptField, encryptField } from '../platform/field-encryption.ts';
import { verifyAgainstDecoy, verifyPassword } from './password.ts';
import { createSession, type SessionRecord } from './sessions.ts';
import { acceptedTimeStep, createTotpSecret, totpEnrolment } from './totp.ts';

type NewSession = { token: string; csrfToken: string };
type Step = { result: SignInResult; session: NewSession };

const accountFields = [
  'id',
  'tenantId',
  'personId',
  'email',
  'passwordHash',
  'totpSecretEncrypted',
  'totpEnabledAt',
  'totpLastTimeStep',
  'failedSignIns',
  'lockedUntil',
] as const;

/**
 * First step: e-mail and password. Failures count towards a lockout; a success starts a new
 * session (never reusing one from before sign-in), which is complete unless a role asks for TOTP.
 */
export async function signInWithPassword(
  db: Db,
  config: Config,
  input: { email: string; password: string },
  requestId: string,
): Promise<Step> {
  // A deactivated person (left the city, lost the assignment) is answered like an unknown account.
  const account = await db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.personId')
    .select(accountFields.map((field) => `accounts.${field}` as const))
    .where('accounts.email', '=', input.email)
    .where('people.isActive', '=', true)
    .executeTakeFirst();
  if (!account?.passwordHash) {
    await verifyAgainstDecoy(input.password);
    throw new AppError('invalid_credentials');
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) throw new AppError('account_locked');
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await registerFailure(db, config, account, requestId, 'password');
    throw new AppError('invalid_credentials');
  }
  const roles = await rolesOf(db, account.personId);
  if (!requiresSecondFactor(roles)) {
    return completeSignIn(db, config, account, requestId, 'password');
  }
  const session = await createSession(db, account, false, config);
  if (account.totpEnabledAt && account.totpSecretEncrypted) {
    return { result: { status: 'second_factor_required' }, session };
  }
  const secret = createTotpSecret();
  await db
    .updateTable('accounts')
    .set({ totpSecretEncrypted: encryptField(config.secretKey, secret) })
    .where('id', '=', account.id)
    .execute();
  return {
    result: {
      status: 'second_factor_enrolment_required',
      enrolment: await totpEnrolment(secret, account.email, 'Värn'),
    },
    session,
  };
}

/** Second step: the TOTP code, which also confirms a first-time enrolment. Rotates the session. */
export async function verifySecondFactor(
  db: Db,
  config: Config,
  pending: SessionRecord,
  code: string,
  requestId: string,
): Promise<Step> {
  const account = await db
    .selectFrom('accounts')
    .select(accountFields)
    .where('id', '=', pending.accountId)
    .executeTakeFirstOrThrow();
  if (account.lockedUntil && account.lockedUntil > new Date()) throw new AppError('account_locked');
  if (!account.totpSecretEncrypted) throw new AppError('unauthenticated');
  const secret = decryptField(config.secretKey, account.totpSecretEncrypted);
  const timeStep = await acceptedTimeStep(secret, code, account.totpLastTimeStep);
  // The conditional update makes two concurrent uses of one code race for a single success.
  const claimed =
    timeStep !== null &&
    (await db
      .updateTable('accounts')
      .set({ totpLastTimeStep: timeStep })
      .where('id', '=', account.id)
      .where((builder) =>
        builder.or([builder('totpLastTimeStep', 'is', null), builder('totpLastTimeStep', '<', timeStep)]),
      )
      .executeTakeFirst()
      .then((result) => result.numUpdatedRows > 0n));
  if (!claimed) {
    await registerFailure(db, config, account, requestId, 'second_factor');
    throw new AppError('invalid_second_factor');
  }
  if (!account.totpEnabledAt) {
    await db.updateTable('accounts').set({ totpEnabledAt: new Date() }).where('id', '=', account.id).execute();
  }
  await db.deleteFrom('sessions').where('tokenHash', '=', pending.tokenHash).execute();
  return completeSignIn(db, config, account, requestId, 'totp');
}

/** Starts a complete session for an account whose identity is proven (password, TOTP or OIDC). */
export async function completeSignIn(
  db: Db,
  config: Config,
  account: { id: string; tenantId: string; personId: string },
  requestId: string,
  method: 'password' | 'totp' | 'oidc',
): Promise<Step> {
  const session = await db.transaction().execute(async (transaction) => {
    await transaction
      .updateTable('accounts')
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
      .where('id', '=', account.id)
      .execute();
    await recordAudit(
      transaction,
      { tenantId: account.tenantId, actorPersonId: account.personId, requestId },
      { action: 'session.sign_in', resourceType: 'account', resourceId: account.id, details: { method } },
    );
    return createSession(transaction, account, true, config);
  });
  const user = await currentUserOf(db, { ...account, accountId: account.id });
  return { result: { status: 'signed_in', user }, session };
}

async function registerFailure(
  db: Db,
  config: Config,
  account: { id: string; tenantId: string; personId: string; failedSignIns: number },
  requestId: string,
  step: 'password' | 'second_factor',
): Promise<void> {
  const failures = account.failedSignIns + 1;
  const isLocking = failures >= config.signIn.maxFailures;
  await db.transaction().execute(async (transaction) => {
    await transaction
      .updateTable('accounts')
      .set({
        failedSignIns: isLocking ? 0 : failures,
        lockedUntil: isLocking ? new Date(Date.now() + config.signIn.lockoutMinutes * 60_000) : null,
      })
      .where('id', '=', account.id)
      .execute();
    await recordAudit(
      transaction,
      { tenantId: account.tenantId, actorPersonId: null, requestId },
      {
        action: isLocking ? 'account.lock' : 'session.sign_in_failed',
        resourceType: 'account',
        resourceId: account.id,
        details: { step },
      },
    );
  });
}

async function rolesOf(db: Db, personId: string): Promise<Role[]> {
  const grants = await db.selectFrom('roleGrants').select('role').where('personId', '=', personId).execute();
  return grants.map((grant) => grant.role as Role);
}

export async function currentUserOf(
  db: Db,
  session: { tenantId: string; personId: string; accountId: string },
): Promise<CurrentUser> {
  const row = await db
    .selectFrom('people as person')
    .innerJoin('tenants as tenant', 'tenant.id', 'person.tenantId')
    .innerJoin('accounts as account', 'account.personId', 'person.id')
    .select([
      'person.givenName',
      'person.familyName',
      'tenant.name as tenantName',
      'account.email',
      'account.totpEnabledAt',
    ])
    .where('person.id', '=', session.personId)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('roleGrants as grant')
    .leftJoin('orgUnits as unit', 'unit.id', 'grant.orgUnitId')
    .leftJoin('parties as party', 'party.id', 'grant.partyId')
    .select(['grant.role', 'grant.scopeKind', 'unit.name as unitName', 'party.name as partyName'])
    .where('grant.personId', '=', session.personId)
    .orderBy('grant.role')
    .execute();
  return {
    personId: session.personId,
    tenantName: row.tenantName,
    displayName: `${row.givenName} ${row.familyName}`,
    email: row.email,
    grants: grants.map((grant) => ({
      role: grant.role as Role,
      scopeKind: grant.scopeKind,
      scopeName: grant.unitName ?? grant.partyName ?? null,
    })),
    permissions: permissionsOfRoles(grants.map((grant) => grant.role as Role)),
    hasSecondFactor: row.totpEnabledAt !== null,
  };
}

export async function signOut(db: Db, session: SessionRecord, requestId: string): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await transaction.deleteFrom('sessions').where('tokenHash', '=', session.tokenHash).execute();
    await recordAudit(
      transaction,
      auditContextOf(
        { tenantId: session.tenantId, personId: session.personId, accountId: session.accountId, grants: [] },
        requestId,
      ),
      { action: 'session.sign_out', resourceType: 'account', resourceId: session.accountId },
    );
  });
}
