import type { SignInResult } from '@varn/domain';
import { useTranslation } from 'react-i18next';

type Enrolment = NonNullable<SignInResult['enrolment']>;

/** First sign-in for a role that needs a second factor: the QR code and the same secret as text. */
export function TotpEnrolment({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  // Groups of four are easier to type into an app by hand.
  const groupedSecret = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <div className="enrolment">
      <p>{t('auth.enrolmentIntro')}</p>
      <ol className="enrolment__steps">
        <li>{t('auth.enrolmentStep1')}</li>
        <li>{t('auth.enrolmentStep2')}</li>
        <li>{t('auth.enrolmentStep3')}</li>
      </ol>
      <img className="enrolment__qr" src={enrolment.qrCodeDataUrl} alt={t('auth.qrCodeAlt')} width={200} height={200} />
      <p>
        {t('auth.secretLabel')}{' '}
        <code className="enrolment__secret" data-secret={enrolment.secret}>
          {groupedSecret}
        </code>
      </p>
    </div>
  );
}
