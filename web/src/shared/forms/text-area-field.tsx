import { controlProps, FieldFrame } from './field-frame.tsx';
import { useField } from './form.tsx';

type TextAreaFieldProps = {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  optional?: boolean;
  rows?: number;
};

export function TextAreaField({ name, label, value, onChange, hint, optional, rows = 4 }: TextAreaFieldProps) {
  const field = useField(name, label);
  return (
    <FieldFrame field={field} label={label} hint={hint} optional={optional}>
      <textarea
        {...controlProps(field, hint)}
        className="field__input field__input--textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}
