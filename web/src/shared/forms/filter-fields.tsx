import type { SelectOption } from './select-field.tsx';

// Filters apply on submit or change, without validation: plain labelled controls outside <Form>.

type FilterInputProps = { id: string; label: string; value: string; onChange(value: string): void };

export function FilterInput({ id, label, value, onChange }: FilterInputProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

export function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
}: FilterInputProps & { options: readonly SelectOption[] }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
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
    </div>
  );
}
