import { z } from 'zod';
import { addMonths, stockholmDate } from './calendar.ts';
import { freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/**
 * The protection programme for specially remunerated officials (Kommunallagen 4 kap. 18 a §): the
 * instruction at introduction, personal security training, a security conversation at least once a
 * year and when needed, and the security department's support.
 */

/** Months between security conversations: at least once a year. */
export const conversationIntervalMonths = 12;

export const supportKinds = [
  'threat_analysis',
  'home_inspection',
  'home_perimeter_protection',
  'personal_alarm',
  'burglar_alarm',
  'guarding',
  'police_report_help',
  'trial_support',
] as const;
export type SupportKind = (typeof supportKinds)[number];
/** Support kinds that are an alarm, so carry the alarm centre's reference. */
export const alarmSupportKinds: readonly SupportKind[] = ['personal_alarm', 'burglar_alarm'];

export const supportStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type SupportStatus = (typeof supportStatuses)[number];

const pastDate = () =>
  z.iso
    .date()
    .refine(
      (date) => date <= stockholmDate(),
      localized('The date cannot be in the future', 'Datumet kan inte ligga framåt i tiden'),
    );

/**
 * When the next security conversation is due: 12 months after the last one held, or at enrolment
 * when none has been held yet; sooner when the security department set an earlier date.
 */
export function nextConversationDueOn(input: {
  enrolledOn: string;
  lastHeldOn: string | null;
  neededBy: string | null;
}): string {
  const regular = input.lastHeldOn ? addMonths(input.lastHeldOn, conversationIntervalMonths) : input.enrolledOn;
  return input.neededBy && input.neededBy < regular ? input.neededBy : regular;
}

/** Where an official's training date comes from: Training's completions, or typed before they were linked. */
export const programmeTrainingSources = ['completion', 'typed'] as const;
export type ProgrammeTrainingSource = (typeof programmeTrainingSources)[number];

/**
 * An official's programme training. A completion of the programme's course decides when there is
 * one: trained while it is valid. A date typed before the link counts only when no completion exists
 * (it has no validity of its own, so it stays "trained" until a completion replaces it).
 */
export function programmeTrainingOf(
  input: { completedOn: string | null; validUntil: string | null; typedOn: string | null },
  today: string,
): {
  trainingCompletedOn: string | null;
  trainingValidUntil: string | null;
  trainingSource: ProgrammeTrainingSource | null;
  isTrained: boolean;
} {
  if (input.completedOn) {
    return {
      trainingCompletedOn: input.completedOn,
      trainingValidUntil: input.validUntil,
      trainingSource: 'completion',
      isTrained: input.validUntil === null || input.validUntil >= today,
    };
  }
  if (input.typedOn) {
    return { trainingCompletedOn: input.typedOn, trainingValidUntil: null, trainingSource: 'typed', isTrained: true };
  }
  return { trainingCompletedOn: null, trainingValidUntil: null, trainingSource: null, isTrained: false };
}

export const programmeEnrolmentInputSchema = z.strictObject({ personId: idSchema });
export type EnrolmentInput = z.input<typeof programmeEnrolmentInputSchema>;

/**
 * The instruction's dated tick and the sooner conversation date; null clears one. The training is
 * not typed here: it is the official's completion of the programme's course in Training.
 */
export const enrolmentStatusInputSchema = z.strictObject({
  instructionReadOn: pastDate().nullable(),
  conversationNeededBy: z.iso.date().nullable(),
});
export type EnrolmentStatusInput = z.input<typeof enrolmentStatusInputSchema>;

export const conversationInputSchema = z
  .strictObject({
    offeredOn: pastDate(),
    heldOn: pastDate().nullable(),
    heldBy: nameText(200).nullable(),
    notes: freeText(5000),
  })
  .superRefine((conversation, context) => {
    if (conversation.heldOn && conversation.heldOn < conversation.offeredOn) {
      context.addIssue({
        code: 'custom',
        path: ['heldOn'],
        ...localized('Held cannot be before offered', 'Hållet kan inte vara före erbjudet'),
      });
    }
    if (conversation.heldOn && !conversation.heldBy) {
      context.addIssue({
        code: 'custom',
        path: ['heldBy'],
        ...localized('Say who held the conversation', 'Ange vem som höll samtalet'),
      });
    }
  });
export type ProtectionConversationInput = z.input<typeof conversationInputSchema>;
export type ProtectionConversationValues = z.infer<typeof conversationInputSchema>;

export const supportInputSchema = z
  .strictObject({
    kind: z.enum(supportKinds),
    status: z.enum(supportStatuses),
    startedOn: z.iso.date(),
    endedOn: z.iso.date().nullable(),
    alarmCentreReference: nameText(100).nullable(),
    description: freeText(3000),
  })
  .superRefine((support, context) => {
    if (support.endedOn && support.endedOn < support.startedOn) {
      context.addIssue({
        code: 'custom',
        path: ['endedOn'],
        ...localized('The end cannot be before the start', 'Slutet kan inte vara före starten'),
      });
    }
    if (support.alarmCentreReference && !alarmSupportKinds.includes(support.kind)) {
      context.addIssue({
        code: 'custom',
        path: ['alarmCentreReference'],
        ...localized('Only alarms have an alarm centre reference', 'Bara larm har larmcentralens referens'),
      });
    }
  });
export type SupportInput = z.input<typeof supportInputSchema>;
export type SupportValues = z.infer<typeof supportInputSchema>;

/** One enrolled official as the overview lists them: what the party office may see too. */
export const enrolmentSummarySchema = z.object({
  id: idSchema,
  personId: idSchema,
  name: z.string(),
  title: z.string().nullable(),
  partyId: idSchema.nullable(),
  partyAbbreviation: z.string().nullable(),
  securityContactName: z.string().nullable(),
  enrolledOn: z.string(),
  instructionReadOn: z.string().nullable(),
  /** The latest completion of the programme's course, else a date typed before the link. */
  trainingCompletedOn: z.string().nullable(),
  trainingValidUntil: z.string().nullable(),
  trainingSource: z.enum(programmeTrainingSources).nullable(),
  isTrained: z.boolean(),
  lastConversationOfferedOn: z.string().nullable(),
  lastConversationHeldOn: z.string().nullable(),
  conversationNeededBy: z.string().nullable(),
  nextConversationDueOn: z.string(),
  isConversationDue: z.boolean(),
});
export type EnrolmentSummary = z.infer<typeof enrolmentSummarySchema>;

/**
 * One official's programme. Notes are null for whoever lacks need-to-know (the party office), and
 * support is null for them: it tells of alarms and guarding at a home.
 */
export const enrolmentSchema = enrolmentSummarySchema.extend({
  conversations: z.array(
    z.object({
      id: idSchema,
      offeredOn: z.string(),
      heldOn: z.string().nullable(),
      heldBy: z.string(),
      notes: z.string().nullable(),
    }),
  ),
  support: z
    .array(
      z.object({
        id: idSchema,
        kind: z.enum(supportKinds),
        status: z.enum(supportStatuses),
        startedOn: z.string(),
        endedOn: z.string().nullable(),
        alarmCentreReference: z.string().nullable(),
        description: z.string(),
      }),
    )
    .nullable(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** A specially remunerated official who can be enrolled. */
export const enrolmentCandidateSchema = z.object({
  personId: idSchema,
  name: z.string(),
  partyAbbreviation: z.string().nullable(),
});
export type EnrolmentCandidate = z.infer<typeof enrolmentCandidateSchema>;

const shareSchema = z.object({
  enrolled: z.number().int(),
  offeredConversation: z.number().int(),
  trained: z.number().int(),
  instructed: z.number().int(),
});
/** Follow-up counts, per party and in total: never names (the board's version). */
export const programmeFollowUpSchema = z.object({
  parties: z.array(shareSchema.extend({ partyId: idSchema.nullable(), partyAbbreviation: z.string().nullable() })),
  total: shareSchema,
});
export type ProgrammeFollowUp = z.infer<typeof programmeFollowUpSchema>;
