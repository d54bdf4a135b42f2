import { controlProps, FieldMessages } from '../shared/forms/field-frame.tsx';
import { useField } from '../shared/forms/form.tsx';

type RadioRowProps<Value extends string> = {
  name: string;
  legend: string;
  value: Value | '';
  options: readonly { value: Value; label: string }[];
  onChange(value: Value): void;
  hint?: string;
  className?: string;
};

/**
 * One answer out of a few, side by side where there is room: a fieldset whose legend asks the
 * question. The first radio carries the field's id, so the error summary's link lands in the group.
 */
export function RadioRow<Value extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  hint,
  className = 'choice-row',
}: RadioRowProps<Value>) {
  const field = useField(name, legend);
  const { id, name: groupName, 'aria-describedby': describedBy } = controlProps(field, hint);
  return (
    <fieldset className={field.error ? `${className} field--invalid` : className}>
      <legend>{legend}</legend>
      <FieldMessages field={field} hint={hint} />
      <div className="factor__options">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div key={option.value} className="factor__option">
              <input
                id={optionId}
                type="radio"
                name={groupName}
                value={option.value}
                checked={value === option.value}
                aria-invalid={field.error ? true : undefined}
                aria-describedby={describedBy}
                onChange={(event) => {
                  if (event.target.checked) onChange(option.value);
                }}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
