import { type OrgUnit, type Site, type SiteInput, siteInputSchema } from '@varn/domain';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import type { FormErrors } from '../shared/forms/use-form-errors.ts';
import { orgUnitOptions } from './org-tree.ts';

export type SiteFormValues = Omit<SiteInput, 'description'> & { description: string };

export const emptySite: SiteFormValues = {
  unitId: '',
  name: '',
  streetAddress: '',
  postalCode: '',
  city: '',
  description: '',
};

export function siteFormValues(site: Site): SiteFormValues {
  const { unitId, name, streetAddress, postalCode, city, description } = site;
  return { unitId, name, streetAddress, postalCode, city, description };
}

type SiteFormProps = {
  id: string;
  labelledBy: string;
  initial: SiteFormValues;
  units: readonly OrgUnit[];
  errors: FormErrors;
  isPending: boolean;
  submitLabel: string;
  onSubmit(input: SiteInput, reset: () => void): void;
  /** Extra buttons beside submit, e.g. Cancel. */
  actions?: ReactNode;
};

/** A site's fields, for both adding and editing; validated with the domain's `siteInputSchema`. */
export function SiteForm({
  id,
  labelledBy,
  initial,
  units,
  errors,
  isPending,
  submitLabel,
  onSubmit,
  actions,
}: SiteFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (name: keyof SiteFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  function submit() {
    if (isPending) return;
    const input = errors.validate(siteInputSchema, values);
    if (input) onSubmit(input, () => setValues(initial));
  }

  return (
    <Form id={id} errors={errors} onSubmit={submit} labelledBy={labelledBy}>
      <SelectField
        name="unitId"
        label={t('sites.unit')}
        value={values.unitId}
        options={[{ value: '', label: t('common.noneSelected') }, ...orgUnitOptions(units)]}
        onChange={set('unitId')}
      />
      <TextField name="name" label={t('sites.name')} value={values.name} onChange={set('name')} />
      <TextField
        name="streetAddress"
        label={t('sites.streetAddress')}
        autoComplete="off"
        value={values.streetAddress}
        onChange={set('streetAddress')}
      />
      <div className="field-row">
        <TextField
          name="postalCode"
          label={t('sites.postalCode')}
          hint={t('sites.postalCodeHint')}
          inputMode="numeric"
          autoComplete="off"
          value={values.postalCode}
          onChange={set('postalCode')}
        />
        <TextField name="city" label={t('sites.city')} autoComplete="off" value={values.city} onChange={set('city')} />
      </div>
      <TextAreaField
        name="description"
        label={t('sites.description')}
        optional
        value={values.description}
        onChange={set('description')}
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
