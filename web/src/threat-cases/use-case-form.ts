import { useState } from 'react';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useFormValues } from '../shared/forms/use-form-values.ts';

/** The part of a react-query mutation a case form uses. */
type Mutation<Input> = {
  isPending: boolean;
  mutate(input: Input, options: { onSuccess(): void; onError(error: unknown): void }): void;
};

/**
 * What the small forms of a case share: values, errors, and a save that sends one request at a
 * time, empties the form on success and keeps `outcome` for the status message until the next save.
 */
export function useCaseForm<Values extends object, Input, Outcome = boolean>(
  initial: Values,
  mutation: Mutation<Input>,
) {
  const errors = useFormErrors();
  const { values, set, reset } = useFormValues(initial);
  const [saved, setSaved] = useState<Outcome | null>(null);

  /** `input` is null when validation refused the values (the errors then stand beside the fields). */
  function save(input: Input | null, outcome: Outcome) {
    if (!input || mutation.isPending) return;
    setSaved(null);
    mutation.mutate(input, {
      onSuccess: () => {
        reset();
        setSaved(outcome);
      },
      onError: errors.fail,
    });
  }

  return { errors, values, set, saved, save };
}
