import type { FieldError } from '@varn/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';

/** "row 3.email" → row 3, column email; other paths are shown as they are. */
function locate(path: string): { row: string; column: string } {
  const match = /^row (\d+)(?:\.(.+))?$/.exec(path);
  return match ? { row: match[1] ?? '', column: match[2] ?? '' } : { row: '', column: path };
}

/** The per-row report of a refused CSV import: which row, which column, what is wrong. */
export function ImportErrorTable({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby="import-errors-title" tabIndex={0}>
      <table className="table">
        <caption id="import-errors-title">{t('import.errorsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.error')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => {
            const { row, column } = locate(error.path);
            return (
              // Several errors may share a path; the index keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <tr key={`${error.path}-${index}`}>
                <td>{row}</td>
                <td>
                  <code>{column}</code>
                </td>
                <td>{error.message[language]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
