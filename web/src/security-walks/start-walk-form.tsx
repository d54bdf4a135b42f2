import { securityWalkInputSchema, stockholmDate, type WalkParticipantRole, walkParticipantRoles } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../shared/api/api-client.ts';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { useSession } from '../shared/session/session-context.tsx';
import { useChecklistTemplates, useStartSecurityWalk } from './api/security-walks.ts';

type ParticipantValues = { name: string; role: WalkParticipantRole };

/** Starts a walk of the site: checklist, date and who takes part (the walker first). */
export function StartWalkForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const templates = useChecklistTemplates();
  const start = useStartSecurityWalk();
  const [templateId, setTemplateId] = useState('');
  const [walkedOn, setWalkedOn] = useState(stockholmDate);
  const [participants, setParticipants] = useState<ParticipantValues[]>([
    { name: session.displayName, role: 'security_coordinator' },
  ]);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const roleOptions = walkParticipantRoles.map((role) => ({ value: role, label: t(`securityWalks.roles.${role}`) }));
  const setParticipant = (index: number, change: Partial<ParticipantValues>) =>
    setParticipants((current) => current.map((item, at) => (at === index ? { ...item, ...change } : item)));

  function submit() {
    if (start.isPending) return;
    const walk = errors.validate(securityWalkInputSchema, {
      siteId,
      ...(templateId ? { templateId } : {}),
      walkedOn,
      participants: participants.filter((participant) => participant.name.trim() !== ''),
    });
    if (!walk) return;
    start.mutate(
      { walk, idempotencyKey },
      { onSuccess: (created) => navigate(paths.securityWalk(created.id)), onError: errors.fail },
    );
  }

  return (
    <Form id="start-walk" errors={errors} onSubmit={submit} labelledBy="start-walk-title">
      <SelectField
        name="templateId"
        label={t('securityWalks.start.template')}
        value={templateId}
        options={[
          { value: '', label: t('securityWalks.start.chooseTemplate') },
          ...(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name })),
        ]}
        onChange={setTemplateId}
      />
      <TextField
        name="walkedOn"
        type="date"
        label={t('securityWalks.start.walkedOn')}
        value={walkedOn}
        onChange={setWalkedOn}
      />
      <fieldset className="walk-participants">
        <legend className="field__label">{t('securityWalks.start.participants')}</legend>
        {participants.map((participant, index) => (
          // Rows are only added at the end and never reordered: the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={index} className="field-row">
            <TextField
              name={`participants.${index}.name`}
              label={t('securityWalks.start.participantName', { number: index + 1 })}
              value={participant.name}
              onChange={(name) => setParticipant(index, { name })}
            />
            <SelectField
              name={`participants.${index}.role`}
              label={t('securityWalks.start.participantRole', { number: index + 1 })}
              value={participant.role}
              options={roleOptions}
              onChange={(role) => setParticipant(index, { role: role as WalkParticipantRole })}
            />
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setParticipants((current) => [...current, { name: '', role: 'safety_representative' }])}
        >
          {t('securityWalks.start.addParticipant')}
        </button>
      </fieldset>
      <SubmitButton isPending={start.isPending} pendingLabel={t('common.saving')}>
        {t('securityWalks.start.submit')}
      </SubmitButton>
    </Form>
  );
}
