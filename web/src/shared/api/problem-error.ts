import { type FieldError, type LocalizedText, type Problem, problemSchema } from '@varn/domain';
import { en } from '../i18n/en.ts';
import { sv } from '../i18n/sv.ts';

/** A failed API call, carrying the server's problem+json (or one we made up for network failures). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

const networkFailure: LocalizedText = { sv: sv.errors.network, en: en.errors.network };
const unexpectedResponse: LocalizedText = { sv: sv.errors.unexpectedResponse, en: en.errors.unexpectedResponse };

export function networkProblem(): ProblemError {
  return new ProblemError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network',
    message: networkFailure,
  });
}

/** Reads a problem+json body; a body that is not one becomes a generic problem with the response's status. */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return new ProblemError(parsed.data);
  return new ProblemError({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: 'unexpected_response',
    message: unexpectedResponse,
  });
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}
