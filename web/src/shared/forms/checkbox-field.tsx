import { useLanguage } from '../i18n/use-language.ts';
import { controlProps } from './field-frame.tsx';
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
  const language = useLanguage();
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
        {hint && (
          <p id={field.hintId} className="field__hint">
            {hint}
          </p>
        )}
        {field.error && (
          <p id={field.errorId} className="field__error">
            {field.error.message[language]}
          </p>
        )}
      </div>
    </div>
  );
}
