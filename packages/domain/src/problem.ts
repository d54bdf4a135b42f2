import { z } from 'zod';

/** Text in both of the UI's locales. Swedish first: it is the product's language. */
export const localizedTextSchema = z.object({ sv: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * The codes of every expected failure, with the message the UI shows. One `AppError` in the server
 * carries a code; the problem+json body (RFC 9457) carries the code and both messages.
 */
export const problemCatalog = {
  validation_failed: { status: 400, sv: 'Uppgifterna är inte giltiga.', en: 'The submitted data is not valid.' },
  malformed_request: { status: 400, sv: 'Begäran kunde inte läsas.', en: 'The request could not be read.' },
  unauthenticated: { status: 401, sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  invalid_credentials: {
    status: 401,
    sv: 'Fel e-postadress eller lösenord.',
    en: 'Wrong e-mail address or password.',
  },
  invalid_second_factor: { status: 401, sv: 'Koden stämmer inte.', en: 'The code is not correct.' },
  second_factor_required: {
    status: 401,
    sv: 'Ange koden från din autentiseringsapp.',
    en: 'Enter the code from your authenticator app.',
  },
  account_locked: {
    status: 423,
    sv: 'Kontot är tillfälligt låst efter för många misslyckade inloggningar. Försök igen senare.',
    en: 'The account is temporarily locked after too many failed sign-ins. Try again later.',
  },
  forbidden: { status: 403, sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
  csrf_failed: {
    status: 403,
    sv: 'Begäran saknar giltigt skydd mot förfalskning. Ladda om sidan.',
    en: 'The request lacks a valid forgery protection. Reload the page.',
  },
  not_found: { status: 404, sv: 'Hittades inte.', en: 'Not found.' },
  conflict: { status: 409, sv: 'Uppgiften finns redan.', en: 'The record already exists.' },
  idempotency_key_reused: {
    status: 422,
    sv: 'Idempotensnyckeln har redan använts för en annan begäran.',
    en: 'The idempotency key was already used for a different request.',
  },
  idempotency_in_progress: {
    status: 409,
    sv: 'En begäran med samma idempotensnyckel behandlas redan.',
    en: 'A request with the same idempotency key is already being processed.',
  },
  job_not_failed: {
    status: 409,
    sv: 'Jobbet har inte misslyckats och kan inte köras om nu.',
    en: 'The job has not failed and cannot be run again now.',
  },
  security_walk_finished: {
    status: 409,
    sv: 'Skyddsronden är avslutad och kan inte ändras.',
    en: 'The security walk is finished and cannot be changed.',
  },
  deviation_has_measure: {
    status: 409,
    sv: 'Avvikelsen har redan blivit en åtgärd.',
    en: 'The deviation has already become a measure.',
  },
  incident_closed: {
    status: 409,
    sv: 'Händelsen är avslutad. Dess bilagor kan inte tas bort förrän den öppnas igen.',
    en: 'The incident is closed. Its attachments cannot be removed unless it is reopened.',
  },
  site_protection_changed: {
    status: 409,
    sv: 'Någon har sparat skyddsprofilen efter att du öppnade den. Ladda om och gör ändringen igen.',
    en: 'Someone saved the protection profile after you opened it. Reload and make your change again.',
  },
  payload_too_large: { status: 413, sv: 'Begäran är för stor.', en: 'The request is too large.' },
  unsupported_media_type: {
    status: 415,
    sv: 'Formatet stöds inte.',
    en: 'The format is not supported.',
  },
  rate_limited: {
    status: 429,
    sv: 'För många försök. Vänta en stund och försök igen.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  import_failed: {
    status: 422,
    sv: 'Importen innehåller fel. Inget har sparats.',
    en: 'The import contains errors. Nothing has been saved.',
  },
  export_too_large: {
    status: 422,
    sv: 'Listan har för många rader för en export. Avgränsa med filtren och försök igen.',
    en: 'The list has too many rows to export. Narrow it with the filters and try again.',
  },
  not_specially_remunerated: {
    status: 422,
    sv: 'Bara särskilt arvoderade förtroendevalda omfattas av skyddsprogrammet.',
    en: 'Only specially remunerated officials are covered by the protection programme.',
  },
  internal_error: {
    status: 500,
    sv: 'Något gick fel hos oss. Försök igen.',
    en: 'Something went wrong on our side. Try again.',
  },
  unavailable: { status: 503, sv: 'Tjänsten är inte redo.', en: 'The service is not ready.' },
} as const satisfies Record<string, { status: number; sv: string; en: string }>;
export type ProblemCode = keyof typeof problemCatalog;

export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: localizedTextSchema,
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, extended with our code, both messages and the failing fields. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  message: localizedTextSchema,
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
