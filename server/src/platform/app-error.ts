import { type FieldError, type ProblemCode, problemCatalog } from '@varn/domain';

/**
 * The one error type for expected failures. It carries a code from the domain's problem catalog;
 * the HTTP layer turns it into problem+json with both locales' messages.
 */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ProblemCode,
    options: { errors?: FieldError[]; detail?: string; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? problemCatalog[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = problemCatalog[code].status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

/** A field error for a rule the service checks (uniqueness, references), in both locales. */
export function fieldError(path: string, code: string, en: string, sv: string): FieldError {
  return { path, code, message: { sv, en } };
}

/** A 422 for an id that names nothing the tenant has (or the actor may reach): the same for both. */
export function unknownReference(path: string): AppError {
  return new AppError('validation_failed', {
    errors: [fieldError(path, 'unknown_reference', 'Not found', 'Hittades inte')],
  });
}
