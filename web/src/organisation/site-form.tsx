import { type OrgUnit, type Site, type SiteInput, siteInputSchema } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { RecordForm, type RecordFormProps } from '../shared/forms/record-form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormValues } from '../shared/forms/use-form-values.ts';
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

type SiteFormProps = RecordFormProps<SiteInput> & {
  initial: SiteFormValues;
  units: readonly OrgUnit[];
};

/** A site's fields, for both adding and editing; validated with the domain's `siteInputSchema`. */
export function SiteForm({ initial, units, ...form }: SiteFormProps) {
  const { t } = useTranslation();
  const { values, set, reset } = useFormValues(initial);

  return (
    <RecordForm {...form} schema={siteInputSchema} input={values} reset={reset}>
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
    </RecordForm>
  );
}
