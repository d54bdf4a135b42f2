import { type PartyInput, partyInputSchema } from '@varn/domain';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import type { FormErrors } from '../shared/forms/use-form-errors.ts';

export type PartyFormValues = { name: string; abbreviation: string; officeEmail: string };

type PartyFormProps = {
  id: string;
  labelledBy: string;
  initial: PartyFormValues;
  errors: FormErrors;
  isPending: boolean;
  submitLabel: string;
  onSubmit(input: PartyInput, reset: () => void): void;
  actions?: ReactNode;
};

/** A party's own fields; its security contact is chosen on the person's page through a grant. */
export function PartyForm({
  id,
  labelledBy,
  initial,
  errors,
  isPending,
  submitLabel,
  onSubmit,
  actions,
}: PartyFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (name: keyof PartyFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  function submit() {
    if (isPending) return;
    const input = errors.validate(partyInputSchema, {
      name: values.name,
      abbreviation: values.abbreviation,
      officeEmail: values.officeEmail.trim() ? values.officeEmail : null,
    });
    if (input) onSubmit(input, () => setValues(initial));
  }

  return (
    <Form id={id} errors={errors} onSubmit={submit} labelledBy={labelledBy}>
      <TextField name="name" label={t('parties.name')} value={values.name} onChange={set('name')} />
      <TextField
        name="abbreviation"
        label={t('parties.abbreviation')}
        value={values.abbreviation}
        onChange={set('abbreviation')}
      />
      <TextField
        name="officeEmail"
        label={t('parties.officeEmail')}
        type="email"
        spellCheck={false}
        optional
        value={values.officeEmail}
        onChange={set('officeEmail')}
      />
      <div className="form__actions">
        <SubmitButton isPending={isPending} pendingLabel={t('common.saving')}>
          {submitLabel}
        </SubmitButton>
        {actions}
      </div>
    </Form>
  );
}
