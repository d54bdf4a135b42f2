import { controlProps, FieldMessages } from './field-frame.tsx';
import { useField } from './form.tsx';

type CheckboxFieldProps = {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
};

export function CheckboxField({ name, label, checked, onChange, hint }: CheckboxFieldProps) {
  const field = useField(name, label);
  return (
    <div className={field.error ? 'field field--checkbox field--invalid' : 'field field--checkbox'}>
      <input
        {...controlProps(field, hint)}
        className="field__checkbox"
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={field.id} className="field__label">
          {label}
        </label>
        <FieldMessages field={field} hint={hint} />
      </div>
    </div>
  );
}
