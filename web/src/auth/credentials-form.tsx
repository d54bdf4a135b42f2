import { type SignInResult, signInInputSchema } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { oidcStartPath, useOidcStatus } from './api/get-oidc-status.ts';
import { useSignIn } from './api/sign-in.ts';

export function CredentialsForm({ onResult }: { onResult(result: SignInResult): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors();
  const signIn = useSignIn();
  const oidc = useOidcStatus();

  function submit() {
    if (signIn.isPending) return;
    const input = errors.validate(signInInputSchema, { email, password });
    if (!input) return;
    signIn.mutate(input, { onSuccess: onResult, onError: errors.fail });
  }

  return (
    <>
      <p>{t('auth.signInIntro')}</p>
      <Form id="sign-in" errors={errors} onSubmit={submit} labelledBy="sign-in-title">
        <TextField
          name="email"
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
        />
        <TextField
          name="password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <SubmitButton isPending={signIn.isPending} pendingLabel={t('auth.signingIn')}>
          {t('auth.signIn')}
        </SubmitButton>
      </Form>
      {oidc.data?.enabled && (
        <div className="sign-in__sso">
          <p className="sign-in__or">{t('auth.or')}</p>
          {/* A full-page navigation: the identity provider takes over. */}
          <a className="button button--secondary" href={oidcStartPath}>
            {t('auth.sso')}
          </a>
        </div>
      )}
    </>
  );
}
