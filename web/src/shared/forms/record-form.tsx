import type { ReactNode } from 'react';
import { Form } from './form.tsx';
import { FormActions } from './form-actions.tsx';
import type { FormErrors, ValidatingSchema } from './use-form-errors.ts';

/** What a form that adds or edits one record (a party, a site, a person) takes from its page. */
export type RecordFormProps<Input> = {
  id: string;
  /** The id of the heading that names the form. */
  labelledBy: string;
  errors: FormErrors;
  isPending: boolean;
  submitLabel: string;
  /** Called with the validated input; `reset` puts the form back to its initial values. */
  onSubmit(input: Input, reset: () => void): void;
  /** Shows a Cancel button beside submit. */
  onCancel?: () => void;
};

type RecordFormFrameProps<Input> = RecordFormProps<Input> & {
  schema: ValidatingSchema<Input>;
  /** The form's values as the domain input, validated with `schema` on submit. */
  input: unknown;
  reset(): void;
  children: ReactNode;
};

/** The fields of a record form between its error summary and its submit and Cancel buttons. */
export function RecordForm<Input>(props: RecordFormFrameProps<Input>) {
  const { id, labelledBy, errors, isPending, submitLabel, onSubmit, onCancel, schema, input, reset, children } = props;

  function submit() {
    if (isPending) return;
    const valid = errors.validate(schema, input);
    if (valid) onSubmit(valid, reset);
  }

  return (
    <Form id={id} errors={errors} onSubmit={submit} labelledBy={labelledBy}>
      {children}
      <FormActions isPending={isPending} submitLabel={submitLabel} onCancel={onCancel} />
    </Form>
  );
}
