import type { SignInResult } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { paths } from '../shared/paths.ts';
import { useDocumentTitle } from '../shared/ui/use-document-title.ts';
import { useCurrentUser } from './api/get-current-user.ts';
import { CredentialsForm } from './credentials-form.tsx';
import { SecondFactorForm } from './second-factor-form.tsx';

type Step = { kind: 'credentials' } | { kind: 'second_factor'; enrolment: SignInResult['enrolment'] | null };

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
function returnPathOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : paths.start;
}

/** Sign-in in up to two steps: e-mail and password, then the one-time code (enrolling the app first if needed). */
export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const currentUser = useCurrentUser();
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const returnPath = returnPathOf(location.state);

  const title =
    step.kind === 'credentials'
      ? t('auth.signInTitle')
      : step.enrolment
        ? t('auth.enrolmentTitle')
        : t('auth.secondFactorTitle');
  useDocumentTitle(title);

  if (currentUser.data) return <Navigate to={returnPath} replace />;

  function handleResult(result: SignInResult) {
    if (result.status === 'signed_in') {
      void navigate(returnPath, { replace: true });
    } else {
      setStep({ kind: 'second_factor', enrolment: result.enrolment ?? null });
    }
  }

  return (
    <div className="sign-in">
      <div className="sign-in__card">
        <h1 id="sign-in-title" tabIndex={-1}>
          {title}
        </h1>
        {step.kind === 'credentials' ? (
          <CredentialsForm onResult={handleResult} />
        ) : (
          <SecondFactorForm
            enrolment={step.enrolment}
            onSignedIn={() => void navigate(returnPath, { replace: true })}
            onStartOver={() => setStep({ kind: 'credentials' })}
          />
        )}
      </div>
    </div>
  );
}
