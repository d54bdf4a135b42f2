import { useTranslation } from 'react-i18next';
import { SubmitButton } from './submit-button.tsx';

type FormActionsProps = {
  isPending: boolean;
  submitLabel: string;
  /** Shows a Cancel button beside submit, e.g. when editing in place. */
  onCancel?: (() => void) | undefined;
};

/** The buttons at the foot of a form: submit (showing "saving" while pending) and, if asked, Cancel. */
export function FormActions({ isPending, submitLabel, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <SubmitButton isPending={isPending} pendingLabel={t('common.saving')}>
        {submitLabel}
      </SubmitButton>
      {onCancel && (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
