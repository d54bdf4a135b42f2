import {
  type ProtectionChange,
  type ProtectionElements,
  type ProtectionElementValue,
  type ProtectionState,
  protectionElements,
  protectionStates,
  type SiteProtection,
  siteProtectionInputSchema,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useHasPermission } from '../shared/session/session-context.tsx';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useSaveSiteProtection, useSiteProtection } from './api/security-walks.ts';

/**
 * What protects the site (locks, alarms and their alarm centre, reception, routes, rooms for risky
 * meetings…), who may edit it, and every earlier version as a history of changes.
 */
export function SiteProtectionSection({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const protection = useSiteProtection(siteId);
  const canEdit = useHasPermission('security_walks.manage');
  const [isEditing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="site-protection-title" className="panel">
      <h2 id="site-protection-title">{t('securityWalks.protection.title')}</h2>
      {protection.isPending && <Loading />}
      {protection.isError && <ProblemAlert error={protection.error} />}
      {protection.data &&
        (isEditing ? (
          <ProtectionForm
            siteId={siteId}
            protection={protection.data}
            onDone={(didSave) => {
              setEditing(false);
              setSaved(didSave);
            }}
          />
        ) : (
          <>
            <ProtectionView protection={protection.data} />
            {canEdit && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('securityWalks.protection.edit')}
              </button>
            )}
            <ProtectionHistory protection={protection.data} />
          </>
        ))}
      <StatusMessage>{saved ? t('securityWalks.protection.saved') : null}</StatusMessage>
    </section>
  );
}

function useStateLabel() {
  const { t } = useTranslation();
  return (state: ProtectionState | null) =>
    state ? t(`securityWalks.protection.states.${state}`) : t('securityWalks.protection.notAssessed');
}

function ProtectionView({ protection }: { protection: SiteProtection }) {
  const { t } = useTranslation();
  const stateLabel = useStateLabel();
  const { profile } = protection;
  return (
    <>
      <p>
        {profile.changedAt
          ? t('securityWalks.protection.lastChanged', {
              time: formatDateTime(profile.changedAt),
              name: profile.changedBy?.name ?? '',
              version: profile.version,
            })
          : t('securityWalks.protection.none')}
      </p>
      <dl className="protection-profile">
        {protectionElements.map((element) => (
          <div key={element} className="protection-profile__item">
            <dt>{t(`securityWalks.protection.elements.${element}`)}</dt>
            <dd>
              <span className={`protection-state protection-state--${profile.elements[element]?.state ?? 'none'}`}>
                {stateLabel(profile.elements[element]?.state ?? null)}
              </span>
              {profile.elements[element]?.note && <span> · {profile.elements[element]?.note}</span>}
            </dd>
          </div>
        ))}
        <div className="protection-profile__item">
          <dt>{t('securityWalks.protection.alarmCentre')}</dt>
          <dd>{profile.alarmCentre || '–'}</dd>
        </div>
        <div className="protection-profile__item">
          <dt>{t('securityWalks.protection.note')}</dt>
          <dd>{profile.note || '–'}</dd>
        </div>
      </dl>
    </>
  );
}

function ProtectionForm({
  siteId,
  protection,
  onDone,
}: {
  siteId: string;
  protection: SiteProtection;
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const save = useSaveSiteProtection(siteId);
  const [elements, setElements] = useState<ProtectionElements>(protection.profile.elements as ProtectionElements);
  const [alarmCentre, setAlarmCentre] = useState(protection.profile.alarmCentre);
  const [note, setNote] = useState(protection.profile.note);
  const stateOptions = [
    { value: '', label: t('securityWalks.protection.notAssessed') },
    ...protectionStates.map((state) => ({ value: state, label: t(`securityWalks.protection.states.${state}`) })),
  ];
  const setElement = (element: keyof ProtectionElements, change: Partial<ProtectionElementValue>) =>
    setElements((current) => ({ ...current, [element]: { ...current[element], ...change } }));

  function submit() {
    if (save.isPending) return;
    const input = errors.validate(siteProtectionInputSchema, {
      baseVersion: protection.profile.version,
      elements,
      alarmCentre,
      note,
    });
    if (!input) return;
    save.mutate(input, { onSuccess: () => onDone(true), onError: errors.fail });
  }

  return (
    <Form id="site-protection" errors={errors} onSubmit={submit} labelledBy="site-protection-title">
      {protectionElements.map((element) => {
        const label = t(`securityWalks.protection.elements.${element}`);
        return (
          <fieldset key={element} className="protection-element">
            <legend className="field__label">{label}</legend>
            <SelectField
              name={`elements.${element}.state`}
              label={t('securityWalks.protection.stateOf', { element: label })}
              value={elements[element].state ?? ''}
              options={stateOptions}
              onChange={(state) => setElement(element, { state: state === '' ? null : (state as ProtectionState) })}
            />
            <TextField
              name={`elements.${element}.note`}
              label={t('securityWalks.protection.noteOf', { element: label })}
              value={elements[element].note}
              onChange={(value) => setElement(element, { note: value })}
              optional
            />
          </fieldset>
        );
      })}
      <TextField
        name="alarmCentre"
        label={t('securityWalks.protection.alarmCentre')}
        hint={t('securityWalks.protection.alarmCentreHint')}
        value={alarmCentre}
        onChange={setAlarmCentre}
        optional
      />
      <TextAreaField
        name="note"
        label={t('securityWalks.protection.note')}
        value={note}
        onChange={setNote}
        optional
        rows={3}
      />
      <div className="form-actions">
        <SubmitButton isPending={save.isPending} pendingLabel={t('common.saving')}>
          {t('securityWalks.protection.save')}
        </SubmitButton>{' '}
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </Form>
  );
}

function ProtectionHistory({ protection }: { protection: SiteProtection }) {
  const { t } = useTranslation();
  if (protection.history.length === 0) return null;
  return (
    <details className="protection-history">
      <summary>{t('securityWalks.protection.history', { count: protection.history.length })}</summary>
      <ol className="plain-list">
        {protection.history.map((entry) => (
          <li key={entry.version}>
            <p className="card__meta">
              {t('securityWalks.protection.historyEntry', {
                version: entry.version,
                time: formatDateTime(entry.changedAt),
                name: entry.changedBy?.name ?? '',
              })}
            </p>
            <ul>
              {entry.changes.map((change) => (
                <ChangeLine key={change.field} change={change} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}

function ChangeLine({ change }: { change: ProtectionChange }) {
  const { t } = useTranslation();
  const stateLabel = useStateLabel();
  const field =
    change.field === 'alarmCentre' || change.field === 'note'
      ? t(`securityWalks.protection.${change.field}`)
      : t(`securityWalks.protection.elements.${change.field}`);
  const describe = (value: ProtectionElementValue) =>
    [change.field === 'alarmCentre' || change.field === 'note' ? null : stateLabel(value.state), value.note || null]
      .filter((part) => part !== null)
      .join(' · ') || '–';
  return (
    <li>
      {t('securityWalks.protection.change', { field, before: describe(change.before), after: describe(change.after) })}
    </li>
  );
}
