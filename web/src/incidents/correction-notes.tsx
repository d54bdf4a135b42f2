import type { CorrectableField, Incident } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../shared/ui/format-date.ts';

/**
 * The corrections appended to some fields of the report, shown beside the original, which is never
 * changed: "Rättelse 2026-11-23 av Maja Svensson: …".
 */
export function CorrectionNotes({
  corrections,
  fields,
}: {
  corrections: Incident['corrections'];
  fields: readonly CorrectableField[];
}) {
  const { t } = useTranslation();
  const shown = corrections.filter((correction) => fields.includes(correction.field));
  if (shown.length === 0) return null;
  return (
    <ul className="corrections">
      {shown.map((correction) => (
        <li key={`${correction.createdAt}-${correction.field}`} className="correction">
          {t('followUp.corrections.note', {
            date: formatDate(correction.createdAt),
            name: correction.authorName ?? t('common.notSet'),
            text: correction.text,
          })}
        </li>
      ))}
    </ul>
  );
}
