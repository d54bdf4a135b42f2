import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/ui/format-date.ts';
import type { ReportDraft } from './report-drafts.ts';

type DraftOfferProps = { draft: ReportDraft; onContinue(): void; onDiscard(): void };

/** Shown instead of the form when the person left a report unfinished on this device. */
export function DraftOffer({ draft, onContinue, onDiscard }: DraftOfferProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="draft-offer-title" className="panel draft-offer">
      <h2 id="draft-offer-title">{t('incidents.draft.title')}</h2>
      <p>{t('incidents.draft.intro', { time: formatDateTime(draft.savedAt) })}</p>
      <div className="draft-offer__actions">
        <button type="button" className="button button--primary" onClick={onContinue}>
          {t('incidents.draft.continue')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDiscard}>
          {t('incidents.draft.discard')}
        </button>
      </div>
    </section>
  );
}
