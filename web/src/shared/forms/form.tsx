import { createContext, type FormEvent, type ReactNode, use, useLayoutEffect, useRef } from 'react';
import { ErrorSummary } from './error-summary.tsx';
import { fieldId } from './field-ids.ts';
import type { FormErrors } from './use-form-errors.ts';

type FormContextValue = {
  formId: string;
  errors: FormErrors;
  labels: Map<string, string>;
};

const FormContext = createContext<FormContextValue | null>(null);

type FormProps = {
  id: string;
  errors: FormErrors;
  onSubmit(): void;
  children: ReactNode;
  /** Names the form for assistive technology, e.g. the id of the heading above it. */
  labelledBy?: string;
  className?: string;
};

/**
 * A form that validates itself (no browser bubbles, `noValidate`) and shows an error summary at the top
 * that takes focus after a failed submission.
 */
export function Form({ id, errors, onSubmit, children, labelledBy, className }: FormProps) {
  const labels = useRef(new Map<string, string>()).current;
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <FormContext value={{ formId: id, errors, labels }}>
      <form id={id} noValidate onSubmit={handleSubmit} aria-labelledby={labelledBy} className={className ?? 'form'}>
        <ErrorSummary formId={id} errors={errors} labels={labels} />
        {children}
      </form>
    </FormContext>
  );
}

/** The field's id and current error, and registers its label for the error summary. */
export function useField(name: string, label: string) {
  const context = use(FormContext);
  if (!context) throw new Error('A form field is used outside <Form>');
  const { formId, errors, labels } = context;
  useLayoutEffect(() => {
    labels.set(name, label);
  }, [labels, name, label]);
  const id = fieldId(formId, name);
  return { id, error: errors.errorOf(name), hintId: `${id}-hint`, errorId: `${id}-error` };
}
