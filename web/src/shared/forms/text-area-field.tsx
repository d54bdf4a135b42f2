import { controlProps, FieldFrame, type ValueFieldProps } from './field-frame.tsx';
import { useField } from './form.tsx';

type TextAreaFieldProps = ValueFieldProps & {
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
