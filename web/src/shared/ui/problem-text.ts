import { isProblemError } from '../api/problem-error.ts';
import type { Language } from '../i18n/i18n.ts';

/** The text to show for a failed request: the server's message in the UI language, else the fallback. */
export function problemText(error: unknown, language: Language, fallback: string): string {
  return isProblemError(error) ? error.problem.message[language] : fallback;
}
