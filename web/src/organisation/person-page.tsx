import type { OrgUnit, Party, Person } from '@varn/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { fieldId } from '../shared/forms/field-ids.ts';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useReturnFocus } from '../shared/ui/use-return-focus.ts';
import { useOrgUnits } from './api/get-org-units.ts';
import { useParties } from './api/get-parties.ts';
import { usePerson } from './api/get-person.ts';
import { useUpdatePerson } from './api/update-person.ts';
import { PersonForm } from './person-form.tsx';
import { PersonGrants } from './person-grants.tsx';

export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const location = useLocation();
  const person = usePerson(personId);
  const orgUnits = useOrgUnits(useHasPermission('organisation.read'));
  const parties = useParties(useHasPermission('parties.read'));
  const canManageGrants = useHasPermission('grants.manage');
  const state = location.state as { created?: boolean; listSearch?: string } | null;
  const wasCreated = state?.created === true;

  const fullName = person.data ? `${person.data.givenName} ${person.data.familyName}` : null;
  // The back link and heading keep their place while loading, so focus on the heading survives.
  return (
    <>
      <p className="back-link">
        <Link to={{ pathname: paths.people, search: state?.listSearch ?? '' }}>{t('common.back')}</Link>
      </p>
      <PageHeader
        title={fullName ?? (person.isError ? t('people.notFound') : t('people.title'))}
        intro={person.data ? t(`personKinds.${person.data.kind}`) : undefined}
      />
      {person.isPending && <Loading />}
      {person.isError && <ProblemAlert error={person.error} />}
      {person.data && (
        <PersonSections
          person={person.data}
          units={orgUnits.data ?? []}
          parties={parties.data ?? []}
          createdName={wasCreated ? fullName : null}
          canManageGrants={canManageGrants}
        />
      )}
    </>
  );
}

type PersonSectionsProps = {
  person: Person;
  units: readonly OrgUnit[];
  parties: readonly Party[];
  createdName: string | null;
  canManageGrants: boolean;
};

function PersonSections({ person, units, parties, createdName, canManageGrants }: PersonSectionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <StatusMessage>{createdName && t('common.created', { name: createdName })}</StatusMessage>
      <PersonDetails person={person} units={units} parties={parties} />
      {canManageGrants && <PersonGrants personId={person.id} units={units} parties={parties} />}
    </>
  );
}

type PersonDetailsProps = { person: Person; units: readonly OrgUnit[]; parties: readonly Party[] };

function PersonDetails({ person, units, parties }: PersonDetailsProps) {
  const { t } = useTranslation();
  const canManage = useHasPermission('people.manage');
  const [isEditing, setEditing] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const editButton = useReturnFocus<HTMLButtonElement>(isEditing);
  const errors = useFormErrors();
  const updatePerson = useUpdatePerson();
  useEffect(() => {
    if (isEditing) document.getElementById(fieldId('person-edit', 'kind'))?.focus();
  }, [isEditing]);
  const notSet = t('common.notSet');
  const unitName = units.find((unit) => unit.id === person.unitId)?.name;
  const party = parties.find((candidate) => candidate.id === person.partyId);

  return (
    <section aria-labelledby="person-details-title" className="panel">
      <h2 id="person-details-title">{isEditing ? t('people.editTitle') : t('people.details')}</h2>
      <StatusMessage>{isSaved && !isEditing && t('common.saved')}</StatusMessage>
      {isEditing ? (
        <PersonForm
          id="person-edit"
          labelledBy="person-details-title"
          person={person}
          units={units}
          parties={parties}
          errors={errors}
          isPending={updatePerson.isPending}
          submitLabel={t('common.save')}
          onSubmit={(changes) =>
            updatePerson.mutate(
              { id: person.id, changes },
              {
                onSuccess: () => {
                  setSaved(true);
                  setEditing(false);
                },
                onError: errors.fail,
              },
            )
          }
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="details">
            <dt>{t('people.email')}</dt>
            <dd>{person.email ?? notSet}</dd>
            <dt>{t('people.phone')}</dt>
            <dd>{person.phone ?? notSet}</dd>
            <dt>{t('people.unit')}</dt>
            <dd>{unitName ?? notSet}</dd>
            <dt>{t('people.personTitle')}</dt>
            <dd>{person.title ?? notSet}</dd>
            <dt>{t('people.employeeNumber')}</dt>
            <dd>{person.employeeNumber ?? notSet}</dd>
            {person.kind === 'elected_official' && (
              <>
                <dt>{t('people.officialCategory')}</dt>
                <dd>{person.officialCategory ? t(`officialCategories.${person.officialCategory}`) : notSet}</dd>
              </>
            )}
            {person.kind !== 'employee' && (
              <>
                <dt>{t('people.party')}</dt>
                <dd>{party ? `${party.name} (${party.abbreviation})` : notSet}</dd>
              </>
            )}
            <dt>{t('people.hasProtectedIdentity')}</dt>
            <dd>{person.hasProtectedIdentity ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('people.status')}</dt>
            <dd>{person.isActive ? t('people.isActive') : t('people.inactive')}</dd>
          </dl>
          {canManage && (
            <button
              ref={editButton}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
