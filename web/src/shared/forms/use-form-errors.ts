import { type FieldError, fieldErrorsOf, type LocalizedText } from '@varn/domain';
import { useCallback, useState } from 'react';
import { isProblemError } from '../api/problem-error.ts';

type Issues = Parameters<typeof fieldErrorsOf>[0];

/** What zod's `safeParse` returns, without this package depending on zod itself. */
type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issues } };
export type ValidatingSchema<T> = { safeParse(value: unknown): SafeParseResult<T> };

export type FormErrors = {
  /** Errors tied to a field, by the input's path ("givenName"), in both languages. */
  fieldErrors: FieldError[];
  /** A failure of the whole submission (e.g. a conflict or a network error). */
  formError: unknown;
  /** Counts failed submissions so that the error summary takes focus after each one. */
  attempt: number;
  /** Checks the value against the domain schema; on failure records the errors and returns null. */
  validate<T>(schema: ValidatingSchema<T>, value: unknown): T | null;
  /** Records a failed request: the problem's field errors go beside the fields. */
  fail(error: unknown): void;
  /** Records one field's error found without a schema (e.g. no file chosen). */
  reject(path: string, message: LocalizedText): void;
  clear(): void;
  errorOf(path: string): FieldError | undefined;
};

/** The one way forms keep validation and server errors (see ErrorSummary and the field components). */
export function useFormErrors(): FormErrors {
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const validate = useCallback(<T>(schema: ValidatingSchema<T>, value: unknown): T | null => {
    const result = schema.safeParse(value);
    if (result.success) {
      setFieldErrors([]);
      setFormError(null);
      return result.data;
    }
    setFieldErrors(fieldErrorsOf(result.error.issues));
    setFormError(null);
    setAttempt((count) => count + 1);
    return null;
  }, []);

  const fail = useCallback((error: unknown) => {
    const errors = isProblemError(error) ? error.fieldErrors : [];
    setFieldErrors(errors);
    // A problem with field errors is explained by them and its summary title; anything else is shown whole.
    setFormError(errors.length > 0 && isProblemError(error) && error.code === 'validation_failed' ? null : error);
    setAttempt((count) => count + 1);
  }, []);

  const reject = useCallback((path: string, message: LocalizedText) => {
    setFieldErrors([{ path, code: 'custom', message }]);
    setFormError(null);
    setAttempt((count) => count + 1);
  }, []);

  const clear = useCallback(() => {
    setFieldErrors([]);
    setFormError(null);
  }, []);

  const errorOf = useCallback((path: string) => fieldErrors.find((error) => error.path === path), [fieldErrors]);

  return { fieldErrors, formError, attempt, validate, fail, reject, clear, errorOf };
}
