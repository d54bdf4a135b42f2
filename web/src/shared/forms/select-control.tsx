import type { SelectHTMLAttributes } from 'react';

export type SelectOption = { value: string; label: string };

type SelectControlProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className' | 'value' | 'onChange'> & {
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
};

/** A native select in the field style; its label is the caller's (a form field or a filter). */
export function SelectControl({ value, options, onChange, ...attributes }: SelectControlProps) {
  return (
    <select
      {...attributes}
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
  );
}
