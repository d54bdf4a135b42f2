import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { attachmentLimits, escalationReminderHoursDefault } from '@varn/domain';
import { z } from 'zod';

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().optional(),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'SECRET_KEY is 32 bytes as 64 hex characters')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(10),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_PERSON_CLAIM: z.string().default('email'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SMTP_URL: z.string().optional(),
  INCIDENT_REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  RISK_ESCALATION_REMINDER_HOURS: z.coerce.number().min(0.1).max(168).default(escalationReminderHoursDefault),
  MAIL_FROM: z.string().default('Värn <varn@localhost>'),
  // The defaults are the domain's, which the web checks chosen files against before sending.
  ATTACHMENT_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(attachmentLimits.maxBytes / (1024 * 1024)),
  ATTACHMENTS_PER_INCIDENT: z.coerce.number().int().min(1).max(200).default(attachmentLimits.maxPerIncident),
  DRILL_INTERVAL_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
});

export type Config = {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };
  dataDir: string;
  /** 32 bytes for AES-256-GCM field encryption (TOTP secrets now, home addresses later). */
  secretKey: Buffer;
  /** `cacheSeconds`: how long one app server may reuse a session and its grants without asking the
   * database; a sign-out elsewhere or a changed grant reaches it at most this late. */
  session: { idleMinutes: number; absoluteHours: number; cacheSeconds: number };
  /** Per account: failures before a lockout. Per client address: sign-in attempts a minute. */
  signIn: { maxFailures: number; lockoutMinutes: number; ratePerMinute: number };
  oidc: { issuer: string; clientId: string; clientSecret: string; personClaim: string } | null;
  /** Without `smtpUrl`, e-mails wait in their queue until one is configured; in-app notifications still work. */
  mail: { smtpUrl: string | null; from: string };
  /** A site's drill of a kind is overdue when none was held within this many months. */
  drillIntervalMonths: number;
  /** Working days after which a manager is reminded of a report nobody has acknowledged. */
  incidentReminderWorkingDays: number;
  /** Hours an escalated risk analysis may wait for the security department's answer before it is
   * escalated further (reminder to the department, notice to the duty officer). */
  riskEscalationReminderHours: number;
  /** Per file, and per incident; the attachment route alone takes bodies this large. */
  attachments: { maxBytes: number; maxPerIncident: number };
  logLevel: string;
  seedDemo: boolean;
  webRoot: string | null;
};

/**
 * Reads the configuration from the environment. Outside production a missing SECRET_KEY is made
 * once and kept in the data directory, so `npm start` needs no setup; production refuses to start
 * without one.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.parse(environment);
  const isProduction = parsed.NODE_ENV === 'production';
  // npm runs workspace scripts inside server/; the default data directory is the repository's data/.
  const dataDir = parsed.DATA_DIR ? path.resolve(parsed.DATA_DIR) : path.resolve(import.meta.dirname, '../../../data');
  if (isProduction && !parsed.SECRET_KEY) {
    throw new Error('SECRET_KEY must be set in production (64 hex characters)');
  }
  const oidcComplete = parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID && parsed.OIDC_CLIENT_SECRET;
  return {
    environment: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    publicUrl: parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`,
    database: parsed.DATABASE_URL
      ? { kind: 'postgres', url: parsed.DATABASE_URL, poolSize: parsed.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    secretKey: parsed.SECRET_KEY ? Buffer.from(parsed.SECRET_KEY, 'hex') : readOrCreateLocalKey(dataDir),
    session: {
      idleMinutes: parsed.SESSION_IDLE_MINUTES,
      absoluteHours: parsed.SESSION_ABSOLUTE_HOURS,
      cacheSeconds: parsed.SESSION_CACHE_SECONDS,
    },
    signIn: {
      maxFailures: parsed.SIGN_IN_MAX_FAILURES,
      lockoutMinutes: parsed.SIGN_IN_LOCKOUT_MINUTES,
      ratePerMinute: parsed.SIGN_IN_RATE_PER_MINUTE,
    },
    oidc: oidcComplete
      ? {
          issuer: parsed.OIDC_ISSUER as string,
          clientId: parsed.OIDC_CLIENT_ID as string,
          clientSecret: parsed.OIDC_CLIENT_SECRET as string,
          personClaim: parsed.OIDC_PERSON_CLAIM,
        }
      : null,
    mail: { smtpUrl: parsed.SMTP_URL ?? null, from: parsed.MAIL_FROM },
    incidentReminderWorkingDays: parsed.INCIDENT_REMINDER_WORKING_DAYS,
    riskEscalationReminderHours: parsed.RISK_ESCALATION_REMINDER_HOURS,
    drillIntervalMonths: parsed.DRILL_INTERVAL_MONTHS,
    attachments: { maxBytes: parsed.ATTACHMENT_MAX_MB * 1024 * 1024, maxPerIncident: parsed.ATTACHMENTS_PER_INCIDENT },
    logLevel: parsed.LOG_LEVEL,
    seedDemo: !isProduction && parsed.SEED_DEMO === 'auto',
    webRoot: path.resolve(import.meta.dirname, '../../../web/dist'),
  };
}

function readOrCreateLocalKey(dataDir: string): Buffer {
  const keyFile = path.join(dataDir, 'secret.key');
  try {
    return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32);
    writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
    return key;
  }
}
