import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from 'react';
import { controlProps, FieldFrame } from './field-frame.tsx';
import { useField } from './form.tsx';

type TextFieldProps = {
  /** The path of the value in the domain input, e.g. "givenName"; server errors are matched by it. */
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  optional?: boolean;
  type?: HTMLInputTypeAttribute;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'search';
  spellCheck?: boolean;
  maxLength?: number;
};

export function TextField({ name, label, value, onChange, hint, optional, type = 'text', ...rest }: TextFieldProps) {
  const field = useField(name, label);
  return (
    <FieldFrame field={field} label={label} hint={hint} optional={optional}>
      <input
        {...controlProps(field, hint)}
        {...rest}
        className="field__input"
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}
