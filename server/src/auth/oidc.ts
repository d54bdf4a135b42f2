import { hkdfSync } from 'node:crypto';
import * as client from 'openid-client';
import { recordAudit } from '../audit/audit-log.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/database.ts';
import { decryptField, encryptField } from '../platform/field-encryption.ts';
import { completeSignIn } from './sign-in.ts';

type OidcSettings = NonNullable<Config['oidc']>;
type NewSession = { token: string; csrfToken: string };

export const oidcCallbackPath = '/api/auth/oidc/callback';
/** The cookie that carries one sign-in attempt from the redirect to the callback. */
export const oidcAttemptCookie = 'varn_oidc';
export const oidcAttemptCookiePath = '/api/auth/oidc';
/** Time a person has at the identity provider before the attempt is void. */
export const oidcAttemptMaxAgeSeconds = 10 * 60;

const scope = 'openid email';

/** What the callback needs to check the answer: kept sealed in a cookie, so any instance can finish. */
interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: number;
}

export type OidcRefusal =
  | 'invalid_attempt'
  | 'state_mismatch'
  | 'provider_refused'
  | 'missing_claim'
  | 'unverified_email'
  | 'unknown_person'
  | 'inactive_person'
  | 'subject_mismatch';

export type OidcOutcome = { status: 'signed_in'; session: NewSession } | { status: 'refused'; reason: OidcRefusal };

/**
 * The identity provider's metadata, discovered over the network at first use and then kept for the
 * life of the process: the app starts, and password sign-in works, while the provider is down.
 */
export interface OidcProvider {
  settings: OidcSettings;
  configuration(): Promise<client.Configuration>;
}

export function createOidcProvider(config: Config): OidcProvider | null {
  const settings = config.oidc;
  if (!settings) return null;
  let discovered: Promise<client.Configuration> | null = null;
  const issuer = new URL(settings.issuer);
  // Plain http only for a local test provider; production always demands https.
  const isInsecureAllowed = issuer.protocol === 'http:' && config.environment !== 'production';
  return {
    settings,
    configuration() {
      discovered ??= client
        .discovery(
          issuer,
          settings.clientId,
          undefined,
          // The default of OpenID Connect's client registration, which every provider supports.
          client.ClientSecretBasic(settings.clientSecret),
          isInsecureAllowed ? { execute: [client.allowInsecureRequests] } : {},
        )
        .catch((error: unknown) => {
          discovered = null; // try again on the next sign-in rather than keep a failure
          throw error;
        });
      return discovered;
    },
  };
}

export function redirectUriOf(config: Config): string {
  return `${config.publicUrl}${oidcCallbackPath}`;
}

/** Starts an authorization code flow with PKCE (S256), state and nonce. */
export async function startOidcSignIn(
  provider: OidcProvider,
  config: Config,
): Promise<{ redirectTo: URL; sealedAttempt: string }> {
  const configuration = await provider.configuration();
  const attempt: OidcAttempt = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    expiresAt: Date.now() + oidcAttemptMaxAgeSeconds * 1000,
  };
  const redirectTo = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriOf(config),
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { redirectTo, sealedAttempt: encryptField(attemptKeyOf(config), JSON.stringify(attempt)) };
}

/**
 * Finishes the flow at the callback: checks state, nonce and PKCE through the code exchange, then
 * finds the account by the provider's subject, or on a first sign-in by the person claim, and
 * starts a session. Nothing is ever created for a person Värn does not know.
 */
export async function finishOidcSignIn(
  db: Db,
  config: Config,
  provider: OidcProvider,
  input: { query: string; sealedAttempt: string | undefined; requestId: string },
): Promise<OidcOutcome> {
  const attempt = openAttempt(config, input.sealedAttempt);
  if (!attempt) return { status: 'refused', reason: 'invalid_attempt' };
  const callbackUrl = new URL(redirectUriOf(config));
  callbackUrl.search = input.query;
  // The exchange checks it too; checking first names a forged callback in the log and spares the
  // provider a request.
  if (callbackUrl.searchParams.get('state') !== attempt.state) return { status: 'refused', reason: 'state_mismatch' };
  const configuration = await provider.configuration();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (isProtocolRefusal(error)) return { status: 'refused', reason: 'provider_refused' };
    throw error; // the provider is unreachable or broken: a 500 that is logged, not a refusal
  }
  const idToken = tokens.claims();
  if (!idToken) return { status: 'refused', reason: 'provider_refused' };
  const claims = await identityClaimsOf(configuration, provider.settings, tokens.access_token, idToken);
  const personValue = claims[provider.settings.personClaim];
  if (typeof personValue !== 'string' || personValue.trim() === '') {
    return { status: 'refused', reason: 'missing_claim' };
  }
  // Providers that let people edit their own address say so; such an address proves nothing.
  if (provider.settings.personClaim === 'email' && claims.email_verified === false) {
    return { status: 'refused', reason: 'unverified_email' };
  }
  const match = await findAccountOfIdentity(db, idToken.sub, personValue);
  if (match.status === 'refused') {
    if (match.account) await recordRefusal(db, match.account, match.reason, input.requestId);
    return { status: 'refused', reason: match.reason };
  }
  if (match.account.oidcSubject === null) await linkSubject(db, match.account, idToken.sub, input.requestId);
  // No TOTP step: the municipality's identity provider enforces multi-factor authentication, so an
  // OIDC sign-in counts as second-factor verified (completeSignIn starts a complete session).
  const step = await completeSignIn(db, config, match.account, input.requestId, 'oidc');
  return { status: 'signed_in', session: step.session };
}

/** The ID token's claims, completed from the UserInfo endpoint when the person claim is not in it. */
async function identityClaimsOf(
  configuration: client.Configuration,
  settings: OidcSettings,
  accessToken: string,
  idToken: client.IDToken,
): Promise<Record<string, unknown>> {
  if (idToken[settings.personClaim] !== undefined) return idToken;
  // Many providers put scope claims only in UserInfo; the subject check ties the answer to the ID token.
  const userInfo = await client.fetchUserInfo(configuration, accessToken, idToken.sub);
  return { ...userInfo, ...idToken };
}

type LinkedAccount = {
  id: string;
  tenantId: string;
  personId: string;
  oidcSubject: string | null;
};

type AccountMatch =
  | { status: 'found'; account: LinkedAccount }
  | { status: 'refused'; reason: OidcRefusal; account: LinkedAccount | null };

/**
 * The subject is the provider's stable name for a person and wins once it is stored; the person
 * claim (an e-mail address in the municipality's directory) only finds the account the first time.
 */
async function findAccountOfIdentity(db: Db, subject: string, personValue: string): Promise<AccountMatch> {
  const accounts = db
    .selectFrom('accounts as account')
    .innerJoin('people as person', 'person.id', 'account.personId')
    .select(['account.id', 'account.tenantId', 'account.personId', 'account.oidcSubject', 'person.isActive']);
  const account =
    (await accounts.where('account.oidcSubject', '=', subject).executeTakeFirst()) ??
    (await accounts.where('account.email', '=', personValue.trim().toLowerCase()).executeTakeFirst());
  if (!account) return { status: 'refused', reason: 'unknown_person', account: null };
  const { isActive, ...linked } = account;
  // The address now belongs to someone else at the provider than the one who first signed in with it.
  if (linked.oidcSubject !== null && linked.oidcSubject !== subject) {
    return { status: 'refused', reason: 'subject_mismatch', account: linked };
  }
  if (!isActive) return { status: 'refused', reason: 'inactive_person', account: linked };
  return { status: 'found', account: linked };
}

async function linkSubject(db: Db, account: LinkedAccount, subject: string, requestId: string): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await transaction
      .updateTable('accounts')
      .set({ oidcSubject: subject })
      .where('id', '=', account.id)
      .where('oidcSubject', 'is', null)
      .execute();
    await recordAudit(
      transaction,
      { tenantId: account.tenantId, actorPersonId: account.personId, requestId },
      { action: 'account.oidc_link', resourceType: 'account', resourceId: account.id },
    );
  });
}

async function recordRefusal(db: Db, account: LinkedAccount, reason: OidcRefusal, requestId: string): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await recordAudit(
      transaction,
      { tenantId: account.tenantId, actorPersonId: null, requestId },
      {
        action: 'session.sign_in_failed',
        resourceType: 'account',
        resourceId: account.id,
        details: { step: 'oidc', reason },
      },
    );
  });
}

function isProtocolRefusal(error: unknown): boolean {
  return (
    error instanceof client.ClientError ||
    error instanceof client.AuthorizationResponseError ||
    error instanceof client.ResponseBodyError
  );
}

// A key of its own, derived from the secret key, so an attempt cookie can never be replayed as an
// encrypted column value or the other way round.
function attemptKeyOf(config: Config): Buffer {
  return Buffer.from(hkdfSync('sha256', config.secretKey, Buffer.alloc(0), 'varn oidc attempt cookie', 32));
}

function openAttempt(config: Config, sealed: string | undefined): OidcAttempt | null {
  if (!sealed) return null;
  let attempt: Partial<OidcAttempt>;
  try {
    attempt = JSON.parse(decryptField(attemptKeyOf(config), sealed));
  } catch {
    return null; // tampered, or sealed under another key
  }
  const isComplete =
    typeof attempt.state === 'string' &&
    typeof attempt.nonce === 'string' &&
    typeof attempt.codeVerifier === 'string' &&
    typeof attempt.expiresAt === 'number';
  if (!isComplete || (attempt.expiresAt as number) < Date.now()) return null;
  return attempt as OidcAttempt;
}
