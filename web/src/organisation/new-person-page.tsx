import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { useCreatePerson } from './api/create-person.ts';
import { useOrgUnits } from './api/get-org-units.ts';
import { useParties } from './api/get-parties.ts';
import { PersonForm } from './person-form.tsx';

export function NewPersonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const createPerson = useCreatePerson();
  const orgUnits = useOrgUnits(useHasPermission('organisation.read'));
  const parties = useParties(useHasPermission('parties.read'));

  return (
    <>
      <p className="back-link">
        <Link to={paths.people}>{t('common.back')}</Link>
      </p>
      <PageHeader title={t('people.addTitle')} />
      <div className="panel">
        <PersonForm
          id="person-create"
          labelledBy="person-create-title"
          units={orgUnits.data ?? []}
          parties={parties.data ?? []}
          errors={errors}
          isPending={createPerson.isPending}
          submitLabel={t('people.add')}
          onSubmit={(input) =>
            createPerson.mutate(input, {
              onSuccess: (person) => void navigate(paths.person(person.id), { state: { created: true } }),
              onError: errors.fail,
            })
          }
        />
      </div>
    </>
  );
}
