import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@varn/domain';
import type { FastifyReply } from 'fastify';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { LRUCache } from 'lru-cache';
import type { Actor, ActorGrant } from '../access/authorize.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/database.ts';

export const sessionCookie = 'varn_session';
/** Readable by the page, which echoes it in `x-csrf-token` (double submit against forgery). */
export const csrfCookie = 'varn_csrf';

export interface SessionRecord {
  tokenHash: string;
  tenantId: string;
  accountId: string;
  personId: string;
  csrfToken: string;
  isSecondFactorVerified: boolean;
  lastSeenAt: Date;
}

export interface AuthenticatedSession extends SessionRecord {
  grants: ActorGrant[];
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  account: { id: string; tenantId: string; personId: string },
  isSecondFactorVerified: boolean,
  config: Config,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      tenantId: account.tenantId,
      accountId: account.id,
      personId: account.personId,
      csrfToken,
      isSecondFactorVerified,
      expiresAt: new Date(Date.now() + config.session.absoluteHours * 3_600_000),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * The live session behind a cookie token (not past its absolute end, nor idle too long), with its
 * person's grants: one round trip, since every authenticated request asks it.
 */
export async function findSession(db: Db, token: string, config: Config): Promise<AuthenticatedSession | null> {
  const idleSince = new Date(Date.now() - config.session.idleMinutes * 60_000);
  const row = await db
    .selectFrom('sessions as session')
    .select(['tokenHash', 'tenantId', 'accountId', 'personId', 'csrfToken', 'isSecondFactorVerified', 'lastSeenAt'])
    .select((builder) =>
      jsonArrayFrom(
        builder
          .selectFrom('roleGrants as grant')
          .leftJoin('orgUnits as unit', 'unit.id', 'grant.orgUnitId')
          .select(['grant.role', 'grant.scopeKind', 'grant.partyId', 'unit.path as orgUnitPath'])
          .whereRef('grant.personId', '=', 'session.personId')
          .whereRef('grant.tenantId', '=', 'session.tenantId'),
      ).as('grants'),
    )
    .where('session.tokenHash', '=', hashToken(token))
    .where('session.expiresAt', '>', new Date())
    .where('session.lastSeenAt', '>', idleSince)
    .executeTakeFirst();
  if (!row) return null;
  const { grants, ...session } = row;
  return {
    ...session,
    lastSeenAt: new Date(session.lastSeenAt),
    grants: grants.map((grant) => ({ ...grant, role: grant.role as Role })),
  };
}

// Writing last_seen_at on every request would turn every read into a write; once a minute is
// precise enough for an idle timeout counted in tens of minutes.
const touchIntervalMs = 60_000;

export async function touchSession(db: Db, session: SessionRecord): Promise<void> {
  if (Date.now() - new Date(session.lastSeenAt).getTime() < touchIntervalMs) return;
  session.lastSeenAt = new Date();
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: session.lastSeenAt })
    .where('tokenHash', '=', session.tokenHash)
    .execute();
}

/**
 * Authenticated sessions of this app server, reused for a few seconds so that a burst of requests
 * asks the database once. Sign-out and a new sign-in forget the token here at once.
 */
export function createSessionCache(db: Db, config: Config) {
  const cache = new LRUCache<string, AuthenticatedSession>({
    max: 10_000,
    ttl: Math.max(1, config.session.cacheSeconds * 1000),
  });
  return {
    async find(token: string): Promise<AuthenticatedSession | null> {
      const cached = config.session.cacheSeconds > 0 ? cache.get(token) : undefined;
      if (cached) return cached;
      const session = await findSession(db, token, config);
      if (session?.isSecondFactorVerified && config.session.cacheSeconds > 0) cache.set(token, session);
      return session;
    },
    forget(token: string): void {
      cache.delete(token);
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', hashToken(token)).execute();
}

export function actorOf(session: AuthenticatedSession): Actor {
  return {
    tenantId: session.tenantId,
    personId: session.personId,
    accountId: session.accountId,
    grants: session.grants,
  };
}

export function setSessionCookies(reply: FastifyReply, session: { token: string; csrfToken: string }, config: Config) {
  const secure = config.publicUrl.startsWith('https://');
  const maxAge = config.session.absoluteHours * 3600;
  reply.setCookie(sessionCookie, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
  reply.setCookie(csrfCookie, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(sessionCookie, { path: '/' });
  reply.clearCookie(csrfCookie, { path: '/' });
}
