import { z } from 'zod';
import { permissions } from './permissions.ts';
import { roleSchema, scopeKindSchema } from './roles.ts';
import { emailSchema } from './text.ts';
import { localized } from './validation.ts';

export const signInInputSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

export const totpCodeSchema = z.string().regex(/^\d{6}$/, localized('Six digits', 'Sex siffror'));
export const secondFactorInputSchema = z.strictObject({ code: totpCodeSchema });

export const sessionGrantSchema = z.object({
  role: roleSchema,
  scopeKind: scopeKindSchema,
  scopeName: z.string().nullable(),
});

/** What the web needs to know about the signed-in person to draw the shell. */
export const currentUserSchema = z.object({
  personId: z.uuid(),
  tenantName: z.string(),
  displayName: z.string(),
  email: z.string(),
  grants: z.array(sessionGrantSchema),
  permissions: z.array(z.enum(permissions)),
  hasSecondFactor: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** The answer to a sign-in step: either signed in, or what the next step is. */
export const signInResultSchema = z.object({
  status: z.enum(['signed_in', 'second_factor_required', 'second_factor_enrolment_required']),
  user: currentUserSchema.optional(),
  enrolment: z.object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() }).optional(),
});
export type SignInResult = z.infer<typeof signInResultSchema>;
