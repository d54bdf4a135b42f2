import { controlProps, FieldFrame } from './field-frame.tsx';
import { useField } from './form.tsx';

export type SelectOption = { value: string; label: string };

type SelectFieldProps = {
  name: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  hint?: string;
  optional?: boolean;
};

export function SelectField({ name, label, value, options, onChange, hint, optional }: SelectFieldProps) {
  const field = useField(name, label);
  return (
    <FieldFrame field={field} label={label} hint={hint} optional={optional}>
      <select
        {...controlProps(field, hint)}
        className="field__input field__input--select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
