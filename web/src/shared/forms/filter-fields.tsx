import type { ReactNode } from 'react';
import { SelectControl, type SelectOption } from './select-control.tsx';

// Filters apply on submit or change, without validation: plain labelled controls outside <Form>.

type FilterInputProps = { id: string; label: string; value: string; onChange(value: string): void };

function FilterFrame({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
    </div>
  );
}

export function FilterInput({ id, label, value, onChange }: FilterInputProps) {
  return (
    <FilterFrame id={id} label={label}>
      <input
        id={id}
        type="search"
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FilterFrame>
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
    <FilterFrame id={id} label={label}>
      <SelectControl id={id} value={value} options={options} onChange={onChange} />
    </FilterFrame>
  );
}
