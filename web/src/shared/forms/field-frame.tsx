import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { describedBy } from './field-ids.ts';
import type { useField } from './form.tsx';

type FieldFrameProps = {
  field: ReturnType<typeof useField>;
  label: string;
  hint?: string | undefined;
  optional?: boolean | undefined;
  children: ReactNode;
};

/** What every field holding one text value takes; each field adds its own options. */
export type ValueFieldProps = {
  /** The path of the value in the domain input, e.g. "givenName"; server errors are matched by it. */
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  optional?: boolean;
};

/** Label, hint and error around one control; the control links them with aria-describedby. */
export function FieldFrame({ field, label, hint, optional, children }: FieldFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={field.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={field.id} className="field__label">
        {label}
        {optional && <span className="field__optional"> {t('common.optional')}</span>}
      </label>
      <FieldMessages field={field} hint={hint} />
      {children}
    </div>
  );
}

/** A field's hint and error, with the ids its control's aria-describedby points to. */
export function FieldMessages({ field, hint }: { field: ReturnType<typeof useField>; hint?: string | undefined }) {
  const language = useLanguage();
  return (
    <>
      {hint && (
        <p id={field.hintId} className="field__hint">
          {hint}
        </p>
      )}
      {field.error && (
        <p id={field.errorId} className="field__error">
          {field.error.message[language]}
        </p>
      )}
    </>
  );
}

/** The accessibility attributes every control of a field carries. */
export function controlProps(field: ReturnType<typeof useField>, hint: string | undefined) {
  return {
    id: field.id,
    name: field.id,
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': describedBy(hint && field.hintId, field.error && field.errorId),
  };
}
