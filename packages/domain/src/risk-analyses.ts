import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.ts';
import type { LocalizedText } from './problem.ts';
import { freeText, idSchema, nameText } from './text.ts';
import { localized } from './validation.ts';

/** The activities a risk analysis (riskanalys) is made before; each has a template. */
export const activityTypes = [
  'meeting_known_person',
  'meeting_unknown_person',
  'public_appearance',
  'travel',
  'party_event',
  'sensitive_issue',
  'board_meeting',
  'inauguration',
  'outreach_visit',
  'home_visit',
] as const;
export type ActivityType = (typeof activityTypes)[number];

/** What a template proposes: typical hazards, each with a typical measure that reduces it. */
export interface TemplateHazard {
  hazard: LocalizedText;
  measure: LocalizedText;
}

const proposal = (hazardSv: string, hazardEn: string, measureSv: string, measureEn: string): TemplateHazard => ({
  hazard: { sv: hazardSv, en: hazardEn },
  measure: { sv: measureSv, en: measureEn },
});

// Written by us from the seeds and common practice for meetings, appearances and visits; the analyst
// removes what does not apply and adds their own.
const sharedArrival = proposal(
  'Någon väntar vid entrén eller följer efter vid ankomst eller avfärd',
  'Someone waits at the entrance or follows at arrival or departure',
  'Variera väg och tid, ha sällskap till och från platsen',
  'Vary route and time, be accompanied to and from the venue',
);

/** The template of each activity type: the hazards and measures a new analysis starts from. */
export const activityTemplates: Readonly<Record<ActivityType, readonly TemplateHazard[]>> = {
  meeting_known_person: [
    proposal(
      'Personen har tidigare hotat eller varit våldsam',
      'The person has threatened or been violent before',
      'Möt i bokat rum nära utgång, två medarbetare närvarande',
      'Meet in a booked room near an exit, two staff present',
    ),
    proposal(
      'Beskedet väntas väcka starka reaktioner',
      'The decision to be given is expected to provoke strong reactions',
      'Planera samtalet, meddela beskedet tidigt och ha en kollega i beredskap',
      'Plan the talk, give the decision early and have a colleague on stand-by',
    ),
    proposal(
      'Personen tar med sig andra till mötet',
      'The person brings others to the meeting',
      'Bestäm i förväg vilka som får delta; avbryt om fler kommer',
      'Decide beforehand who may attend; stop the meeting if more come',
    ),
    sharedArrival,
  ],
  meeting_unknown_person: [
    proposal(
      'Vi vet inte vem personen är eller vad den vill',
      'We do not know who the person is or what they want',
      'Kontrollera identitet och ärende vid bokning; möt i receptionens mötesrum',
      'Check identity and purpose when booking; meet in the reception meeting room',
    ),
    proposal(
      'Ingen vet var och när mötet äger rum',
      'Nobody knows where and when the meeting takes place',
      'Anmäl mötet i kalendern och till en kollega; avtala en tid att höra av sig',
      'Enter the meeting in the calendar and tell a colleague; agree a time to check in',
    ),
    proposal(
      'Larm saknas eller fungerar inte',
      'There is no alarm, or it does not work',
      'Bär personlarm och prova det före mötet',
      'Carry a personal alarm and test it before the meeting',
    ),
  ],
  public_appearance: [
    proposal(
      'Hot eller trakasserier i samband med framträdandet',
      'Threats or harassment around the appearance',
      'Stäm av hotbilden med säkerhetsavdelningen i förväg',
      'Check the threat picture with the security department beforehand',
    ),
    proposal(
      'Störande eller aggressiva personer i publiken',
      'Disruptive or aggressive people in the audience',
      'Utse en värd som håller uppsikt och kan avbryta; känn till utrymningsvägar',
      'Appoint a host who watches and can stop the event; know the exits',
    ),
    proposal(
      'Tid och plats har spridits i sociala medier',
      'Time and place have spread on social media',
      'Publicera inte detaljer i förväg; följ flödet inför och under',
      'Do not publish details beforehand; follow the feeds before and during',
    ),
    sharedArrival,
  ],
  travel: [
    proposal(
      'Resplanen är känd för utomstående',
      'The itinerary is known to outsiders',
      'Dela resplanen bara med de som behöver den',
      'Share the itinerary only with those who need it',
    ),
    proposal(
      'Boende eller resväg i utsatt område',
      'Accommodation or route in an exposed area',
      'Välj boende och färdväg i samråd med säkerhetsavdelningen',
      'Choose accommodation and route together with the security department',
    ),
    proposal(
      'Kontakt med hemorten bryts',
      'Contact with home is lost',
      'Avtala tider för kontakt och en kontaktperson hemma',
      'Agree contact times and a contact person at home',
    ),
  ],
  party_event: [
    proposal(
      'Motdemonstration eller störningar',
      'Counter-demonstration or disruption',
      'Anmäl arrangemanget till polisen och ha ordningsvakter vid behov',
      'Notify the police of the event and have security guards when needed',
    ),
    proposal(
      'Förtroendevalda kan pekas ut och följas efter',
      'Elected officials may be singled out and followed',
      'Ordna sällskap till och från lokalen',
      'Arrange company to and from the venue',
    ),
    proposal(
      'Lokalen saknar kontroll över vem som kommer in',
      'The venue lacks control over who enters',
      'Bemanna entrén och ha en tydlig plan för att avvisa',
      'Staff the entrance and have a clear plan for refusing entry',
    ),
  ],
  sensitive_issue: [
    proposal(
      'Ärendet väcker starka känslor och hot mot beslutsfattare',
      'The matter stirs strong feelings and threats against decision-makers',
      'Informera de berörda och säkerhetsavdelningen innan beslutet blir känt',
      'Inform those concerned and the security department before the decision is known',
    ),
    proposal(
      'Hat och hot i sociala medier',
      'Hate and threats on social media',
      'Bevaka kanalerna och spara hot för polisanmälan',
      'Monitor the channels and keep threats for a police report',
    ),
    proposal(
      'Personer söker upp beslutsfattare i hemmet',
      'People seek out decision-makers at home',
      'Se över skydd av personuppgifter och hemmets skalskydd',
      'Review protection of personal details and the home’s perimeter protection',
    ),
  ],
  board_meeting: [
    proposal(
      'Åhörare stör eller hotar under sammanträdet',
      'Members of the public disrupt or threaten during the meeting',
      'Ordförande har en plan för att ajournera; vakt vid behov',
      'The chair has a plan to adjourn; a guard when needed',
    ),
    proposal(
      'Ett kontroversiellt ärende på dagordningen',
      'A controversial item on the agenda',
      'Stäm av med säkerhetsavdelningen och förbered ledamöterna',
      'Check with the security department and prepare the members',
    ),
    sharedArrival,
  ],
  inauguration: [
    proposal(
      'Stor publik och öppen plats',
      'A large audience in an open space',
      'Samråd med polis och arrangör om avspärrningar',
      'Consult the police and the organiser about barriers',
    ),
    proposal(
      'Invigningen är annonserad långt i förväg',
      'The inauguration is announced long in advance',
      'Håll programmet för medverkande internt till dagen före',
      'Keep the participants’ programme internal until the day before',
    ),
    sharedArrival,
  ],
  outreach_visit: [
    proposal(
      'Okänd miljö eller plats med känd kriminalitet',
      'Unknown surroundings or a place with known crime',
      'Gå alltid två och två; stäm av platsen med polis eller fältgrupp',
      'Always go in pairs; check the place with the police or the field team',
    ),
    proposal(
      'Den unge har kopplingar till kriminella nätverk',
      'The young person has links to criminal networks',
      'Samråd med hänvisande stadsdel och BOPS före besöket',
      'Consult the referring district and BOPS before the visit',
    ),
    proposal(
      'Ingen vet var uppsökaren befinner sig',
      'Nobody knows where the outreach worker is',
      'Anmäl plats och beräknad tid; ha personlarm och laddad telefon',
      'Report place and expected time; carry a personal alarm and a charged phone',
    ),
  ],
  home_visit: [
    proposal(
      'Andra personer än den väntade finns i hemmet',
      'People other than the expected one are in the home',
      'Gå två och två och avbryt om situationen känns osäker',
      'Go in pairs and leave if the situation feels unsafe',
    ),
    proposal(
      'Husdjur, vapen eller berusning',
      'Pets, weapons or intoxication',
      'Fråga vid bokningen; be att djur stängs in',
      'Ask when booking; ask for animals to be shut in',
    ),
    proposal(
      'Svårt att ta sig ut snabbt',
      'Hard to get out quickly',
      'Sitt närmast dörren och ha ytterkläder och väska nära',
      'Sit nearest the door and keep coat and bag close',
    ),
  ],
};

/** Likelihood (sannolikhet) and consequence (konsekvens) are each rated 1 (lowest) to 5 (highest). */
export const riskRatingSchema = z.number().int().min(1).max(5);

/** The bands of the risk matrix, lowest first; each has its colour, never shown without its name. */
export const riskLevels = ['low', 'moderate', 'high', 'very_high'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelColours: Readonly<Record<RiskLevel, 'green' | 'yellow' | 'orange' | 'red'>> = {
  low: 'green',
  moderate: 'yellow',
  high: 'orange',
  very_high: 'red',
};

/** The score of a cell in the matrix: likelihood × consequence, 1..25. */
export function riskScore(likelihood: number, consequence: number): number {
  if (![likelihood, consequence].every((rating) => Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
    throw new RangeError('likelihood and consequence are whole numbers 1..5');
  }
  return likelihood * consequence;
}

/**
 * The band of a score: 1–4 low, 5–9 moderate, 10–15 high, 16–25 very high. A catastrophic
 * consequence that is merely possible (5 × 3 = 15) is high, never moderate.
 */
export function riskLevelOf(score: number): RiskLevel {
  if (score >= 16) return 'very_high';
  if (score >= 10) return 'high';
  if (score >= 5) return 'moderate';
  return 'low';
}

/** The highest level among rated hazards, or null when none is rated yet: the analysis's level. */
export function overallRiskLevel(
  ratings: readonly { likelihood: number | null; consequence: number | null }[],
): RiskLevel | null {
  const scores = ratings.flatMap(({ likelihood, consequence }) =>
    likelihood !== null && consequence !== null ? [riskScore(likelihood, consequence)] : [],
  );
  return scores.length === 0 ? null : riskLevelOf(Math.max(...scores));
}

export const riskDecisions = ['go', 'go_with_measures', 'cancel', 'escalate'] as const;
export type RiskDecision = (typeof riskDecisions)[number];

/** The security department's answer to an escalation. */
export const escalationAnswers = ['accept', 'advise', 'take_over'] as const;
export type EscalationAnswer = (typeof escalationAnswers)[number];

/** draft → decided; or draft → escalated → answered. A decided analysis can be decided again. */
export const riskAnalysisStatuses = ['draft', 'decided', 'escalated', 'answered'] as const;
export type RiskAnalysisStatus = (typeof riskAnalysisStatuses)[number];

/** Who owns the analysis: a party office for its officials, or a unit (an administration, a manager's unit). */
export const riskAnalysisOwnerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('party'), partyId: idSchema }),
  z.strictObject({ kind: z.literal('org_unit'), orgUnitId: idSchema }),
]);
export type RiskAnalysisOwner = z.infer<typeof riskAnalysisOwnerSchema>;

/**
 * A new analysis. Hazards come from the activity type's template, or, for a recurring activity,
 * from the analysis named in `copyFromId` (its hazards and ratings; not its decision).
 */
export const riskAnalysisCreateSchema = z.strictObject({
  activityType: z.enum(activityTypes),
  title: nameText(200),
  startsAt: z.iso.datetime({ offset: true }),
  place: freeText(300).default(''),
  description: freeText(3000).default(''),
  owner: riskAnalysisOwnerSchema,
  language: z.enum(['sv', 'en']).default('sv'),
  copyFromId: idSchema.nullable().default(null),
});
export type RiskAnalysisCreate = z.infer<typeof riskAnalysisCreateSchema>;
export type RiskAnalysisCreateValues = z.input<typeof riskAnalysisCreateSchema>;

/** A hazard as the analyst rates it: before measures, and residual (kvarvarande) after them. */
export const riskHazardInputSchema = z
  .strictObject({
    hazard: nameText(300),
    measure: freeText(1000).default(''),
    likelihood: riskRatingSchema.nullable().default(null),
    consequence: riskRatingSchema.nullable().default(null),
    residualLikelihood: riskRatingSchema.nullable().default(null),
    residualConsequence: riskRatingSchema.nullable().default(null),
  })
  .refine((hazard) => (hazard.likelihood === null) === (hazard.consequence === null), {
    path: ['consequence'],
    ...localized('Rate both likelihood and consequence', 'Bedöm både sannolikhet och konsekvens'),
  })
  .refine((hazard) => (hazard.residualLikelihood === null) === (hazard.residualConsequence === null), {
    path: ['residualConsequence'],
    ...localized('Rate both residual likelihood and consequence', 'Bedöm både kvarvarande sannolikhet och konsekvens'),
  });
export type RiskHazardInput = z.infer<typeof riskHazardInputSchema>;

/** The hazards replace the analysis's list in one go: the matrix editor saves what it shows. */
export const riskHazardsUpdateSchema = z.strictObject({
  hazards: z.array(riskHazardInputSchema).max(40),
});
export type RiskHazardsUpdate = z.infer<typeof riskHazardsUpdateSchema>;

export const riskDecisionInputSchema = z.strictObject({
  decision: z.enum(riskDecisions),
  justification: freeText(3000).refine(
    (text) => text.trim().length > 0,
    localized('Justify the decision', 'Motivera beslutet'),
  ),
});
export type RiskDecisionInput = z.infer<typeof riskDecisionInputSchema>;

export const escalationAnswerInputSchema = z.strictObject({
  answer: z.enum(escalationAnswers),
  comment: freeText(3000).refine((text) => text.trim().length > 0, localized('Write the answer', 'Skriv svaret')),
});
export type EscalationAnswerInput = z.infer<typeof escalationAnswerInputSchema>;

export const riskHazardSchema = z.object({
  hazard: z.string(),
  measure: z.string(),
  likelihood: z.number().nullable(),
  consequence: z.number().nullable(),
  score: z.number().nullable(),
  level: z.enum(riskLevels).nullable(),
  residualLikelihood: z.number().nullable(),
  residualConsequence: z.number().nullable(),
  residualScore: z.number().nullable(),
  residualLevel: z.enum(riskLevels).nullable(),
});
export type RiskHazard = z.infer<typeof riskHazardSchema>;

export const riskAnalysisSummarySchema = z.object({
  id: idSchema,
  activityType: z.enum(activityTypes),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  owner: z.object({ kind: z.enum(['party', 'org_unit']), id: idSchema, name: z.string() }),
  status: z.enum(riskAnalysisStatuses),
  decision: z.enum(riskDecisions).nullable(),
  riskLevel: z.enum(riskLevels).nullable(),
  residualRiskLevel: z.enum(riskLevels).nullable(),
});
export type RiskAnalysisSummary = z.infer<typeof riskAnalysisSummarySchema>;

export const riskAnalysisSchema = riskAnalysisSummarySchema.extend({
  description: z.string(),
  hazards: z.array(riskHazardSchema),
  decisionJustification: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  escalationAnswer: z.enum(escalationAnswers).nullable(),
  escalationComment: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the reader may change the analysis (else they read it only). */
  mayManage: z.boolean(),
  /** Whether the reader may answer its escalation (the security department, while it waits). */
  mayAnswer: z.boolean(),
});
export type RiskAnalysis = z.infer<typeof riskAnalysisSchema>;

const queryFlag = () =>
  z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true');

/**
 * The list: upcoming activities first (from today), or all when `includePast`; the latest activity
 * first with `latestFirst` (what a recurring activity copies); a page at a time (keyset: `after` is
 * the previous page's `nextCursor`).
 */
export const riskAnalysisListQuerySchema = pageQuerySchema.extend({
  includePast: queryFlag(),
  latestFirst: queryFlag(),
  status: z.enum(riskAnalysisStatuses).optional(),
});
export type RiskAnalysisListQuery = z.infer<typeof riskAnalysisListQuerySchema>;

export const riskAnalysisListSchema = pageSchema(riskAnalysisSummarySchema);

/** Hours an escalation may wait for the security department's answer before it is escalated further. */
export const escalationReminderHoursDefault = 4;
