import type { Generated } from 'kysely';
import { tagColumns } from '../platform/sensitivity.ts';

export interface AccountTable {
  id: Generated<string>;
  tenantId: string;
  personId: string;
  email: string;
  passwordHash: string | null;
  totpSecretEncrypted: string | null;
  totpEnabledAt: Date | null;
  totpLastTimeStep: number | null;
  failedSignIns: Generated<number>;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  oidcSubject: string | null;
  createdAt: Generated<Date>;
}
export const accountColumns = tagColumns<AccountTable>('accounts', {
  id: 'internal',
  tenantId: 'internal',
  personId: 'internal',
  email: 'personal',
  passwordHash: 'sensitive',
  totpSecretEncrypted: 'sensitive',
  totpEnabledAt: 'internal',
  totpLastTimeStep: 'internal',
  failedSignIns: 'internal',
  lockedUntil: 'internal',
  lastSignInAt: 'internal',
  oidcSubject: 'personal',
  createdAt: 'internal',
});

export interface SessionTable {
  tokenHash: string;
  tenantId: string;
  accountId: string;
  personId: string;
  csrfToken: string;
  isSecondFactorVerified: Generated<boolean>;
  createdAt: Generated<Date>;
  lastSeenAt: Generated<Date>;
  expiresAt: Date;
}
export const sessionColumns = tagColumns<SessionTable>('sessions', {
  tokenHash: 'sensitive',
  tenantId: 'internal',
  accountId: 'internal',
  personId: 'internal',
  csrfToken: 'sensitive',
  isSecondFactorVerified: 'internal',
  createdAt: 'internal',
  lastSeenAt: 'internal',
  expiresAt: 'internal',
});
