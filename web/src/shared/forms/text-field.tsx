import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from 'react';
import { controlProps, FieldFrame, type ValueFieldProps } from './field-frame.tsx';
import { useField } from './form.tsx';

type TextFieldProps = ValueFieldProps & {
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
