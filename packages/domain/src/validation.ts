import type { z } from 'zod';
import { en, sv } from 'zod/locales';
import type { FieldError, LocalizedText } from './problem.ts';

const swedish = sv().localeError;
const english = en().localeError;

type Issue = z.core.$ZodIssue;

/**
 * Both locales' message for one validation issue. Our own refinements carry their Swedish text in
 * `params.sv` and their English text as the message; zod's own issues use its locale tables.
 */
export function describeIssue(issue: Issue): LocalizedText {
  const params = (issue as { params?: { sv?: unknown } }).params;
  if (issue.code === 'custom' && typeof params?.sv === 'string') {
    return { sv: params.sv, en: issue.message };
  }
  return { sv: messageOf(swedish, issue), en: messageOf(english, issue) };
}

function messageOf(locale: typeof swedish, issue: Issue): string {
  const result = locale(issue as Parameters<typeof swedish>[0]);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** A zod error as the field errors of a problem+json body. */
export function fieldErrorsOf(issues: readonly Issue[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: describeIssue(issue),
  }));
}

/** A refinement message in both locales, for `.refine(check, localized(...))` and `addIssue`. */
export function localized(english: string, swedishText: string) {
  return { message: english, params: { sv: swedishText } };
}
