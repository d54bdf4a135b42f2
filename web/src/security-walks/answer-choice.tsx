import type { CheckResult } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { controlProps, FieldMessages } from '../shared/forms/field-frame.tsx';
import { useField } from '../shared/forms/form.tsx';

const results: readonly CheckResult[] = ['ok', 'deviation', 'not_applicable'];

type AnswerChoiceProps = {
  name: string;
  legend: string;
  hint?: string | undefined;
  value: CheckResult | '';
  onChange(value: CheckResult): void;
};

/**
 * Ok / deviation / not applicable as three large radio tiles: on a tablet carried through a
 * building the whole tile is the touch target, not a 24 px circle.
 */
export function AnswerChoice({ name, legend, hint, value, onChange }: AnswerChoiceProps) {
  const { t } = useTranslation();
  const field = useField(name, legend);
  const { id, name: groupName, 'aria-describedby': describedBy } = controlProps(field, hint);
  return (
    <fieldset className={field.error ? 'field answer-choice field--invalid' : 'field answer-choice'}>
      <legend className="field__label answer-choice__legend">{legend}</legend>
      <FieldMessages field={field} hint={hint} />
      <div className="answer-choice__options">
        {results.map((result, index) => {
          const optionId = index === 0 ? id : `${id}-${result}`;
          return (
            <label
              key={result}
              htmlFor={optionId}
              className={`answer-choice__option answer-choice__option--${result}${value === result ? ' is-checked' : ''}`}
            >
              <input
                id={optionId}
                name={groupName}
                type="radio"
                className="field__checkbox"
                value={result}
                checked={value === result}
                aria-invalid={field.error ? true : undefined}
                aria-describedby={describedBy}
                onChange={(event) => {
                  if (event.target.checked) onChange(result);
                }}
              />
              <span>{t(`securityWalks.results.${result}`)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
