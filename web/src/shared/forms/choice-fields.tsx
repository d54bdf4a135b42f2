import type { ReactNode } from 'react';
import { controlProps, FieldMessages } from './field-frame.tsx';
import { useField } from './form.tsx';

// Radio buttons and checkbox groups in the shared form system: a fieldset whose legend names the
// question, the hint and error under it, one labelled control per option. The first control carries
// the field's id, so that the error summary's link moves focus into the group.

export type ChoiceOption<Value extends string> = { value: Value; label: string; hint?: string | undefined };

type GroupFrameProps = {
  field: ReturnType<typeof useField>;
  legend: string;
  hint?: string | undefined;
  optional?: string | undefined;
  children: ReactNode;
};

function GroupFrame({ field, legend, hint, optional, children }: GroupFrameProps) {
  return (
    <fieldset className={field.error ? 'field choice-group field--invalid' : 'field choice-group'}>
      <legend className="field__label">
        {legend}
        {optional && <span className="field__optional"> {optional}</span>}
      </legend>
      <FieldMessages field={field} hint={hint} />
      <div className="choice-group__options">{children}</div>
    </fieldset>
  );
}

function ChoiceOptionControl({
  id,
  type,
  name,
  option,
  checked,
  describedBy,
  isInvalid,
  onChange,
}: {
  id: string;
  type: 'radio' | 'checkbox';
  name: string;
  option: ChoiceOption<string>;
  checked: boolean;
  describedBy: string | undefined;
  isInvalid: boolean;
  onChange(checked: boolean): void;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className="choice">
      <input
        id={id}
        name={name}
        type={type}
        className="field__checkbox"
        value={option.value}
        checked={checked}
        aria-invalid={isInvalid || undefined}
        aria-describedby={[option.hint && hintId, describedBy].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id} className="choice__label">
          {option.label}
        </label>
        {option.hint && (
          <p id={hintId} className="field__hint choice__hint">
            {option.hint}
          </p>
        )}
      </div>
    </div>
  );
}

type RadioGroupFieldProps<Value extends string> = {
  name: string;
  legend: string;
  value: Value;
  options: readonly ChoiceOption<Value>[];
  onChange(value: Value): void;
  hint?: string;
};

/** One answer out of a few, all visible at once: quicker than a select on a phone. */
export function RadioGroupField<Value extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  hint,
}: RadioGroupFieldProps<Value>) {
  const field = useField(name, legend);
  const { id, name: groupName, 'aria-describedby': describedBy } = controlProps(field, hint);
  return (
    <GroupFrame field={field} legend={legend} hint={hint}>
      {options.map((option, index) => (
        <ChoiceOptionControl
          key={option.value}
          id={index === 0 ? id : `${id}-${option.value || 'none'}`}
          type="radio"
          name={groupName}
          option={option}
          checked={value === option.value}
          describedBy={describedBy}
          isInvalid={Boolean(field.error)}
          onChange={(checked) => {
            if (checked) onChange(option.value);
          }}
        />
      ))}
    </GroupFrame>
  );
}

type CheckboxGroupFieldProps<Value extends string> = {
  name: string;
  legend: string;
  values: readonly Value[];
  options: readonly ChoiceOption<Value>[];
  onChange(values: Value[]): void;
  hint?: string;
  optional?: string;
};

/** Any number of answers; the values keep the options' order. */
export function CheckboxGroupField<Value extends string>({
  name,
  legend,
  values,
  options,
  onChange,
  hint,
  optional,
}: CheckboxGroupFieldProps<Value>) {
  const field = useField(name, legend);
  const { id, name: groupName, 'aria-describedby': describedBy } = controlProps(field, hint);
  return (
    <GroupFrame field={field} legend={legend} hint={hint} optional={optional}>
      {options.map((option, index) => (
        <ChoiceOptionControl
          key={option.value}
          id={index === 0 ? id : `${id}-${option.value}`}
          type="checkbox"
          name={groupName}
          option={option}
          checked={values.includes(option.value)}
          describedBy={describedBy}
          isInvalid={Boolean(field.error)}
          onChange={(checked) =>
            onChange(
              options
                .map((candidate) => candidate.value)
                .filter((candidate) => (candidate === option.value ? checked : values.includes(candidate))),
            )
          }
        />
      ))}
    </GroupFrame>
  );
}
