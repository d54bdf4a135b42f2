import { type SignInResult, secondFactorInputSchema } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useSubmitSecondFactor } from './api/submit-second-factor.ts';
import { TotpEnrolment } from './totp-enrolment.tsx';

type SecondFactorFormProps = {
  enrolment: SignInResult['enrolment'] | null;
  onSignedIn(): void;
  onStartOver(): void;
};

export function SecondFactorForm({ enrolment, onSignedIn, onStartOver }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const errors = useFormErrors();
  const submitCode = useSubmitSecondFactor();

  function submit() {
    if (submitCode.isPending) return;
    const input = errors.validate(secondFactorInputSchema, { code: code.replace(/\s/g, '') });
    if (!input) return;
    submitCode.mutate(input, {
      onSuccess: (result) => {
        if (result.status === 'signed_in') onSignedIn();
      },
      onError: errors.fail,
    });
  }

  return (
    <>
      {enrolment ? <TotpEnrolment enrolment={enrolment} /> : <p>{t('auth.secondFactorIntro')}</p>}
      <Form id="second-factor" errors={errors} onSubmit={submit} labelledBy="sign-in-title">
        <TextField
          name="code"
          label={t('auth.code')}
          hint={t('auth.codeHint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          value={code}
          onChange={setCode}
        />
        <SubmitButton isPending={submitCode.isPending} pendingLabel={t('auth.verifying')}>
          {t('auth.verify')}
        </SubmitButton>
      </Form>
      <p>
        <button type="button" className="button button--link" onClick={onStartOver}>
          {t('auth.startOver')}
        </button>
      </p>
    </>
  );
}
