import { controlProps, FieldFrame, type ValueFieldProps } from './field-frame.tsx';
import { useField } from './form.tsx';
import { SelectControl, type SelectOption } from './select-control.tsx';

type SelectFieldProps = ValueFieldProps & {
  options: readonly SelectOption[];
};

export function SelectField({ name, label, value, options, onChange, hint, optional }: SelectFieldProps) {
  const field = useField(name, label);
  return (
    <FieldFrame field={field} label={label} hint={hint} optional={optional}>
      <SelectControl {...controlProps(field, hint)} value={value} options={options} onChange={onChange} />
    </FieldFrame>
  );
}
