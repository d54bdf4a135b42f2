import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.ts';
import { problemText } from '../ui/problem-text.ts';
import { fieldId } from './field-ids.ts';
import type { FormErrors } from './use-form-errors.ts';

type ErrorSummaryProps = {
  formId: string;
  errors: FormErrors;
  labels: Map<string, string>;
};

/** The list of what is wrong, at the top of the form; focused after each failed submission (WCAG 3.3.1). */
export function ErrorSummary({ formId, errors, labels }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = useRef<HTMLElement>(null);
  const { fieldErrors, formError, attempt } = errors;
  const hasErrors = fieldErrors.length > 0 || Boolean(formError);

  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  if (!hasErrors) return null;
  const headingId = `${formId}-error-summary-title`;
  const formMessage = formError ? problemText(formError, language, t('errors.unknown')) : null;

  return (
    <section className="error-summary" ref={summary} tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId} className="error-summary__title">
        {fieldErrors.length > 0 ? t('forms.errorSummaryTitle') : formMessage}
      </h2>
      {fieldErrors.length > 0 && formMessage && <p>{formMessage}</p>}
      {fieldErrors.length > 0 && (
        <ul className="error-summary__list">
          {fieldErrors.map((error) => {
            const label = labels.get(error.path);
            const text = `${label ?? error.path}: ${error.message[language]}`;
            const id = fieldId(formId, error.path);
            return (
              <li key={`${error.path}-${error.code}`}>
                {label ? (
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(id)?.focus();
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
