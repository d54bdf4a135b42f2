import { controlProps, FieldFrame } from './field-frame.tsx';
import { useField } from './form.tsx';

type FileFieldProps = {
  name: string;
  label: string;
  accept: string;
  onChange(file: File | null): void;
  hint?: string;
};

export function FileField({ name, label, accept, onChange, hint }: FileFieldProps) {
  const field = useField(name, label);
  return (
    <FieldFrame field={field} label={label} hint={hint}>
      <input
        {...controlProps(field, hint)}
        className="field__file"
        type="file"
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </FieldFrame>
  );
}
