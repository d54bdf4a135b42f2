import type { FieldError } from '@varn/domain';
import { useState } from 'react';
import { isProblemError } from '../api/problem-error.ts';
import { en } from '../i18n/en.ts';
import { sv } from '../i18n/sv.ts';
import { useFormErrors } from './use-form-errors.ts';

/** The part of a react-query mutation that sends a CSV file's text. */
type CsvMutation<Result> = {
  isPending: boolean;
  mutate(csv: string, options: { onSuccess(result: Result): void; onError(error: unknown): void }): void;
};

/**
 * The one way a page imports a CSV file (all rows or none): the chosen file, the result, and on a
 * refusal the problem and its row errors, with focus moved to the outcome (`outcomeId`) so it is read out.
 */
export function useCsvImport<Result>(mutation: CsvMutation<Result>, outcomeId: string) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [rowErrors, setRowErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const errors = useFormErrors();

  async function submit() {
    if (mutation.isPending) return;
    setResult(null);
    setRowErrors([]);
    setFailure(null);
    if (!file) {
      errors.reject('file', { sv: sv.import.chooseFile, en: en.import.chooseFile });
      return;
    }
    errors.clear();
    mutation.mutate(await file.text(), {
      onSuccess: setResult,
      onError: (error) => {
        setFailure(error);
        setRowErrors(isProblemError(error) ? error.fieldErrors : []);
        document.getElementById(outcomeId)?.focus();
      },
    });
  }

  return { errors, setFile, result, rowErrors, failure, submit };
}
