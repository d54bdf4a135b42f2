import { z } from 'zod';
import { stockholmMorning } from './calendar.ts';
import { concernRelations, incidentStatuses, incidentTypes, linkAssessments } from './incidents.ts';
import { freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/** How far a risk factor applies, in the structured-professional-judgement style. */
export const factorRatings = ['not_present', 'partly', 'present', 'unknown'] as const;
export type FactorRating = (typeof factorRatings)[number];

/** The overall judgement of a threat case; the assessor sets it, the tool only suggests. */
export const threatLevels = ['low', 'moderate', 'high', 'acute'] as const;
export type ThreatLevel = (typeof threatLevels)[number];

export interface AssessmentFactor {
  id: string;
  sv: string;
  en: string;
  /** A factor that on its own makes the picture serious (concrete threat, weapons, approach). */
  isCritical?: boolean;
}

export interface AssessmentGroup {
  id: string;
  sv: string;
  en: string;
  /** Protective factors lower the risk when present; all other groups raise it. */
  isProtective?: boolean;
  factors: readonly AssessmentFactor[];
}

/**
 * Version 1 of the threat-assessment template. The factors are written by the Värn project from
 * public knowledge of threat assessment (what is commonly asked about a threat, its author and the
 * protected person); they are not the items of any commercial instrument. A new wording is a new
 * version: stored assessments keep the version they were made with.
 */
export const threatAssessmentTemplate = {
  version: 1,
  groups: [
    {
      id: 'threat_content',
      sv: 'Hotets innehåll och konkretion',
      en: 'The threat’s content and specificity',
      factors: [
        {
          id: 'threat_specific',
          sv: 'Hotet är konkret: det anger tid, plats, tillvägagångssätt eller vapen',
          en: 'The threat is concrete: it names a time, place, method or weapon',
          isCritical: true,
        },
        {
          id: 'threat_personal_details',
          sv: 'Hotet visar kännedom om privata förhållanden (bostad, familj, vanor)',
          en: 'The threat shows knowledge of private matters (home, family, habits)',
        },
        {
          id: 'threat_repeated',
          sv: 'Hot har uttalats vid flera tillfällen eller i flera kanaler',
          en: 'Threats have been made on several occasions or through several channels',
        },
      ],
    },
    {
      id: 'intent_motive',
      sv: 'Avsikt och motiv',
      en: 'Intent and motive',
      factors: [
        {
          id: 'grievance',
          sv: 'Personen bär på ett starkt agg mot den hotade eller verksamheten',
          en: 'The person holds a strong grievance against the protected person or the operation',
        },
        {
          id: 'justifies_violence',
          sv: 'Personen uttrycker att våld är rättfärdigat eller nödvändigt',
          en: 'The person expresses that violence is justified or necessary',
        },
        {
          id: 'leakage',
          sv: 'Personen har berättat för andra om sina avsikter',
          en: 'The person has told others about their intentions',
          isCritical: true,
        },
      ],
    },
    {
      id: 'capability',
      sv: 'Förmåga och tillgång till vapen',
      en: 'Capability and access to weapons',
      factors: [
        {
          id: 'weapon_access',
          sv: 'Personen har eller kan skaffa vapen',
          en: 'The person has or can obtain weapons',
          isCritical: true,
        },
        {
          id: 'network_support',
          sv: 'Personen har stöd av andra, t.ex. ett kriminellt nätverk, som kan utföra hotet',
          en: 'The person has the backing of others, e.g. a criminal network, who could carry out the threat',
        },
      ],
    },
    {
      id: 'violence_history',
      sv: 'Tidigare våld',
      en: 'History of violence',
      factors: [
        {
          id: 'prior_violence',
          sv: 'Personen har tidigare använt våld mot andra',
          en: 'The person has used violence against others before',
        },
        {
          id: 'prior_threats_carried_out',
          sv: 'Personen har tidigare satt hot i verket',
          en: 'The person has carried out threats before',
        },
      ],
    },
    {
      id: 'fixation_escalation',
      sv: 'Fixering och upptrappning över tid',
      en: 'Fixation and escalation over time',
      factors: [
        {
          id: 'fixation',
          sv: 'Personen är fixerad vid den hotade eller ärendet',
          en: 'The person is fixated on the protected person or the matter',
        },
        {
          id: 'escalation',
          sv: 'Hoten eller kontakterna har blivit tätare eller grövre på senare tid',
          en: 'Threats or contacts have recently become more frequent or more severe',
          isCritical: true,
        },
      ],
    },
    {
      id: 'approach',
      sv: 'Närmandebeteende',
      en: 'Approach behaviour',
      factors: [
        {
          id: 'approach_home',
          sv: 'Personen har sökt upp den hotade i hemmet eller på fritiden',
          en: 'The person has sought out the protected person at home or in their free time',
          isCritical: true,
        },
        {
          id: 'approach_workplace',
          sv: 'Personen har dykt upp på arbetsplatsen utan ärende eller efter att ha nekats',
          en: 'The person has appeared at the workplace without an errand or after being refused',
        },
        {
          id: 'surveillance',
          sv: 'Personen kartlägger den hotade (följer, fotograferar, söker uppgifter)',
          en: 'The person is mapping the protected person (following, photographing, searching for details)',
        },
      ],
    },
    {
      id: 'personal_situation',
      sv: 'Den hotfulla personens situation',
      en: 'Situation of the person of concern',
      factors: [
        {
          id: 'recent_loss',
          sv: 'Personen har nyligen förlorat något viktigt (ekonomiskt stöd, vårdnad, arbete, bostad)',
          en: 'The person has recently lost something important (financial aid, custody, work, housing)',
        },
        {
          id: 'substance_or_crisis',
          sv: 'Missbruk, akut kris eller obehandlad psykisk ohälsa påverkar personen',
          en: 'Substance abuse, acute crisis or untreated mental ill-health affects the person',
        },
        {
          id: 'nothing_to_lose',
          sv: 'Personen uttrycker att hen inte har något att förlora',
          en: 'The person says they have nothing to lose',
        },
      ],
    },
    {
      id: 'protective',
      sv: 'Skyddande faktorer',
      en: 'Protective factors',
      isProtective: true,
      factors: [
        {
          id: 'stable_support',
          sv: 'Personen har stabila relationer eller stöd som dämpar',
          en: 'The person has stable relationships or support that restrain them',
        },
        {
          id: 'engaged_with_help',
          sv: 'Personen har kontakt med vård, socialtjänst eller annan hjälp',
          en: 'The person is in contact with care, social services or other help',
        },
        {
          id: 'external_control',
          sv: 'Yttre kontroll finns (kontaktförbud, frihetsberövande, polisens insatser)',
          en: 'External control is in place (restraining order, detention, police action)',
        },
      ],
    },
    {
      id: 'vulnerability',
      sv: 'Den hotades sårbarhet',
      en: 'Vulnerability of the protected person',
      factors: [
        {
          id: 'address_known',
          sv: 'Den hotades bostadsadress eller resvägar är kända för personen',
          en: 'The protected person’s home address or routes are known to the person',
        },
        {
          id: 'works_alone',
          sv: 'Den hotade arbetar ensam, i fält eller med öppet mottagande',
          en: 'The protected person works alone, in the field or at an open reception',
        },
        {
          id: 'unprotected_premises',
          sv: 'Lokalerna saknar skalskydd, larm eller reträttväg',
          en: 'The premises lack perimeter protection, alarms or an escape route',
        },
      ],
    },
  ],
} as const satisfies { version: number; groups: readonly AssessmentGroup[] };

export const currentTemplateVersion = threatAssessmentTemplate.version;

/** Every factor of the template, in the order of the form. */
export const assessmentFactors: readonly (AssessmentFactor & { groupId: string; isProtective: boolean })[] =
  threatAssessmentTemplate.groups.flatMap((group: AssessmentGroup) =>
    group.factors.map((factor) => ({ ...factor, groupId: group.id, isProtective: group.isProtective === true })),
  );
const factorIds = new Set(assessmentFactors.map((factor) => factor.id));

export const factorRatingSchema = z.strictObject({
  factorId: nameText(60),
  rating: z.enum(factorRatings),
  note: freeText(1000).default(''),
});
export type FactorRatingInput = z.input<typeof factorRatingSchema>;
export type RatedFactor = z.infer<typeof factorRatingSchema>;

export interface LevelSuggestion {
  level: ThreatLevel;
  /** Risk factors present count 2, partly 1; protective factors present take 2 (partly 1) away. */
  score: number;
  /** The critical factors rated present: the reasons behind a high or acute suggestion. */
  criticalFactorIds: string[];
  /** Factors rated unknown: the picture is uncertain, and the suggestion says so. */
  unknownCount: number;
}

/**
 * Suggests an overall level from the ratings; it never decides (the assessor sets and justifies the
 * level). Two or more critical factors present suggest acute, one suggests at least high; otherwise
 * the weighted sum of risk factors less protective ones gives high (≥ 10), moderate (≥ 4) or low.
 * Protective factors lower the sum but never a level that critical factors call for.
 */
export function suggestLevel(ratings: readonly Pick<RatedFactor, 'factorId' | 'rating'>[]): LevelSuggestion {
  const byId = new Map(assessmentFactors.map((factor) => [factor.id, factor]));
  let score = 0;
  let unknownCount = 0;
  const criticalFactorIds: string[] = [];
  for (const { factorId, rating } of ratings) {
    const factor = byId.get(factorId);
    if (!factor) continue;
    if (rating === 'unknown') unknownCount += 1;
    const weight = rating === 'present' ? 2 : rating === 'partly' ? 1 : 0;
    score += factor.isProtective ? -weight : weight;
    if (factor.isCritical && rating === 'present') criticalFactorIds.push(factorId);
  }
  score = Math.max(score, 0);
  let level: ThreatLevel = score >= 10 ? 'high' : score >= 4 ? 'moderate' : 'low';
  if (criticalFactorIds.length >= 2) level = 'acute';
  else if (criticalFactorIds.length === 1 && level !== 'high') level = 'high';
  return { level, score, criticalFactorIds, unknownCount };
}

const isoDateNotBefore = (earliest: () => string, english: string, swedish: string) =>
  z.iso.date().refine((date) => date >= earliest(), localized(english, swedish));
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The ratings of one assessment: every factor of the template version rated exactly once. Checked
 * on the array itself, so that a form hears about missing ratings whatever else is wrong.
 */
const ratingsSchema = z
  .array(factorRatingSchema)
  .max(assessmentFactors.length)
  .superRefine((ratings, context) => {
    const seen = new Set<string>();
    ratings.forEach((rating, index) => {
      if (!factorIds.has(rating.factorId)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'factorId'],
          ...localized('Unknown risk factor', 'Okänd riskfaktor'),
        });
      } else if (seen.has(rating.factorId)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'factorId'],
          ...localized('Each factor once', 'Varje faktor en gång'),
        });
      }
      seen.add(rating.factorId);
    });
    const missing = assessmentFactors.filter((factor) => !seen.has(factor.id));
    if (missing.length > 0) {
      context.addIssue({
        code: 'custom',
        path: [],
        ...localized(
          `Rate every factor (${missing.length} left); choose “unknown” where you lack information`,
          `Bedöm varje faktor (${missing.length} kvar); välj ”okänt” där underlag saknas`,
        ),
      });
    }
  });

/** One version of the assessment of a case; the level is the assessor's, with a justification. */
export const threatAssessmentInputSchema = z.strictObject({
  templateVersion: z.literal(currentTemplateVersion),
  ratings: ratingsSchema,
  level: z.enum(threatLevels),
  justification: freeText(5000).refine(
    (text) => text.trim().length > 0,
    localized('Justify the level', 'Motivera bedömningen'),
  ),
  recommendedMeasures: freeText(5000).default(''),
  nextReviewOn: isoDateNotBefore(
    today,
    'The review date cannot be in the past',
    'Datum för omprövning kan inte ligga bakåt i tiden',
  )
    .nullable()
    .default(null),
});
export type ThreatAssessmentInput = z.input<typeof threatAssessmentInputSchema>;
export type ThreatAssessmentValues = z.infer<typeof threatAssessmentInputSchema>;

/** A person the case protects. The home address is encrypted at rest and never logged. */
export const protectedPersonInputSchema = z.strictObject({
  name: nameText(200),
  description: freeText(500).default(''),
  homeAddress: nameText(300).nullable().default(null),
});

/** The person behind the threat: data on suspected offences (GDPR art. 10). */
export const casePersonOfConcernInputSchema = z.strictObject({
  /** Null when the person is not known by name. */
  name: nameText(200).nullable().default(null),
  relation: z.enum(concernRelations),
  gangCrimeLink: z.enum(linkAssessments).default('unknown'),
  violentExtremismLink: z.enum(linkAssessments).default('unknown'),
  description: freeText(2000).default(''),
  homeAddress: nameText(300).nullable().default(null),
});

/** What the case protects: named persons, or an operation (the unit itself, a site, an official). */
export const protectedTargetKinds = ['persons', 'unit', 'site', 'official'] as const;

export const threatCaseInputSchema = z
  .strictObject({
    title: nameText(200),
    /** The unit the case belongs to: whose roles may be given access. */
    unitId: idSchema,
    protects: z.enum(protectedTargetKinds),
    protectedPersons: z.array(protectedPersonInputSchema).max(20).default([]),
    siteId: idSchema.nullable().default(null),
    officialPersonId: idSchema.nullable().default(null),
    personsOfConcern: z.array(casePersonOfConcernInputSchema).max(10).default([]),
    incidentIds: z.array(idSchema).max(50).default([]),
    summary: freeText(5000).default(''),
  })
  .superRefine((input, context) => {
    const need = (path: string, ok: boolean, english: string, swedish: string) => {
      if (!ok) context.addIssue({ code: 'custom', path: [path], ...localized(english, swedish) });
    };
    need(
      'protectedPersons',
      input.protects !== 'persons' || input.protectedPersons.length > 0,
      'Name at least one protected person',
      'Ange minst en skyddad person',
    );
    need('siteId', input.protects !== 'site' || input.siteId !== null, 'Choose the site', 'Välj adress');
    need(
      'officialPersonId',
      input.protects !== 'official' || input.officialPersonId !== null,
      'Choose the official',
      'Välj förtroendevald',
    );
    need(
      'incidentIds',
      new Set(input.incidentIds).size === input.incidentIds.length,
      'Each incident once',
      'Varje händelse en gång',
    );
  });
export type ThreatCaseInput = z.input<typeof threatCaseInputSchema>;
export type ThreatCaseValues = z.infer<typeof threatCaseInputSchema>;

/** Who a case was discussed with: the referring district, BOPS, the police, occupational health. */
export const consultationParties = ['referring_district', 'bops', 'police', 'occupational_health', 'other'] as const;

/** A date that has happened: today or earlier. */
const pastDate = () =>
  z.iso
    .date()
    .refine(
      (date) => date <= today(),
      localized('The date cannot be in the future', 'Datumet kan inte ligga framåt i tiden'),
    );

export const consultationInputSchema = z.strictObject({
  party: z.enum(consultationParties),
  consultedOn: pastDate(),
  outcome: freeText(3000).refine(
    (text) => text.trim().length > 0,
    localized('Describe the outcome', 'Beskriv utfallet'),
  ),
});
export type ConsultationInput = z.input<typeof consultationInputSchema>;
export type ConsultationValues = z.infer<typeof consultationInputSchema>;

/** Adding someone to, or removing them from, a case's access list always gives a reason (audited). */
export const accessChangeInputSchema = z.strictObject({
  personId: idSchema,
  reason: nameText(500),
});
export type AccessChangeInput = z.input<typeof accessChangeInputSchema>;
export type AccessChangeValues = z.infer<typeof accessChangeInputSchema>;

export const reviewDateInputSchema = z.strictObject({
  nextReviewOn: isoDateNotBefore(
    today,
    'The review date cannot be in the past',
    'Datum för omprövning kan inte ligga bakåt i tiden',
  ).nullable(),
});

/** Decisions of a pre-intake assessment (before taking in a person with known links to criminal networks). */
export const intakeDecisions = ['take_in', 'take_in_with_arrangements', 'postpone', 'decline'] as const;

/**
 * The short assessment made before an individual with known links to criminal networks is taken
 * into an operation: dialogue with the referring district and BOPS, decision, safety arrangements.
 */
export const preIntakeAssessmentInputSchema = z
  .strictObject({
    referringDistrictDialogueOn: pastDate().nullable().default(null),
    referringDistrictOutcome: freeText(2000).default(''),
    bopsDialogueOn: pastDate().nullable().default(null),
    bopsOutcome: freeText(2000).default(''),
    decision: z.enum(intakeDecisions),
    safetyArrangements: freeText(3000).default(''),
  })
  .superRefine((input, context) => {
    if (input.decision === 'take_in_with_arrangements' && !input.safetyArrangements.trim()) {
      context.addIssue({
        code: 'custom',
        path: ['safetyArrangements'],
        ...localized('Describe the safety arrangements for the meetings', 'Beskriv säkerhetsarrangemangen för mötena'),
      });
    }
  });

export type PreIntakeAssessmentValues = z.infer<typeof preIntakeAssessmentInputSchema>;

const levelOrNull = z.enum(threatLevels).nullable();

export const threatCaseSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  currentLevel: levelOrNull,
  assessmentCount: z.number().int(),
  nextReviewOn: z.string().nullable(),
  isReviewDue: z.boolean(),
  updatedAt: z.string(),
});
export type ThreatCaseSummary = z.infer<typeof threatCaseSummarySchema>;

export const threatAssessmentSchema = z.object({
  version: z.number().int(),
  templateVersion: z.number().int(),
  ratings: z.array(z.object({ factorId: z.string(), rating: z.enum(factorRatings), note: z.string() })),
  suggestedLevel: z.enum(threatLevels),
  level: z.enum(threatLevels),
  justification: z.string(),
  recommendedMeasures: z.string(),
  nextReviewOn: z.string().nullable(),
  assessedAt: z.string(),
  assessorName: z.string(),
});
export type ThreatAssessment = z.infer<typeof threatAssessmentSchema>;

/**
 * One case as its reader may see it. `homeAddress` is null when none is recorded, and always in
 * the answers to writes: those may be stored as idempotent replays, never with an address in them.
 */
export const threatCaseSchema = threatCaseSummarySchema.extend({
  protects: z.enum(protectedTargetKinds),
  siteId: idSchema.nullable(),
  /** The protected site's name and address, when the case protects a site. */
  siteName: z.string().nullable(),
  officialPersonId: idSchema.nullable(),
  /** The protected official's name, when the case protects an elected official. */
  officialName: z.string().nullable(),
  summary: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  protectedPersons: z.array(
    z.object({ id: idSchema, name: z.string(), description: z.string(), homeAddress: z.string().nullable() }),
  ),
  personsOfConcern: z.array(
    z.object({
      id: idSchema,
      name: z.string().nullable(),
      relation: z.enum(concernRelations),
      gangCrimeLink: z.enum(linkAssessments),
      violentExtremismLink: z.enum(linkAssessments),
      description: z.string(),
      homeAddress: z.string().nullable(),
    }),
  ),
  incidents: z.array(
    z.object({
      id: idSchema,
      occurredAt: z.string(),
      types: z.array(z.enum(incidentTypes)),
      status: z.enum(incidentStatuses),
    }),
  ),
  assessments: z.array(threatAssessmentSchema),
  consultations: z.array(
    z.object({
      id: idSchema,
      party: z.enum(consultationParties),
      consultedOn: z.string(),
      outcome: z.string(),
      recordedByName: z.string(),
    }),
  ),
  preIntakeAssessments: z.array(
    z.object({
      id: idSchema,
      referringDistrictDialogueOn: z.string().nullable(),
      referringDistrictOutcome: z.string(),
      bopsDialogueOn: z.string().nullable(),
      bopsOutcome: z.string(),
      decision: z.enum(intakeDecisions),
      safetyArrangements: z.string(),
      decidedAt: z.string(),
      decidedByName: z.string(),
    }),
  ),
  accessList: z.array(
    z.object({
      personId: idSchema,
      name: z.string(),
      reason: z.string(),
      isCreator: z.boolean(),
      addedAt: z.string(),
      addedByName: z.string().nullable(),
    }),
  ),
});
export type ThreatCase = z.infer<typeof threatCaseSchema>;

/** People whose roles reach a case and who may therefore be added to its access list. */
export const accessCandidateSchema = z.object({ personId: idSchema, name: z.string() });

/** When a case's review reminder fires: 08:00 in Stockholm on the review date. */
export function reviewReminderAt(reviewOn: string): Date {
  return stockholmMorning(reviewOn);
}

/** A unit the actor may open a case for. */
export const caseUnitSchema = z.object({ id: idSchema, name: z.string() });
