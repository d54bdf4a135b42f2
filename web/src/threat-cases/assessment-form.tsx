import {
  type AssessmentGroup,
  type FactorRating,
  factorRatings,
  suggestLevel,
  type ThreatAssessmentValues,
  type ThreatCase,
  type ThreatLevel,
  threatAssessmentInputSchema,
  threatAssessmentTemplate,
  threatLevels,
} from '@varn/domain';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessages } from '../shared/forms/field-frame.tsx';
import { Form, useField } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { useLanguage } from '../shared/i18n/use-language.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useWriteToThreatCase } from './api/update-threat-case.ts';
import { RadioRow } from './radio-row.tsx';

type Rated = Record<string, { rating: FactorRating | ''; note: string }>;

const groups: readonly AssessmentGroup[] = threatAssessmentTemplate.groups;

/** The latest version's ratings as the starting point of a reassessment: only changes need touching. */
function startingRatings(threatCase: ThreatCase): Rated {
  const latest = threatCase.assessments.at(-1);
  const rated: Rated = {};
  for (const group of groups) {
    for (const factor of group.factors) {
      const earlier = latest?.ratings.find((rating) => rating.factorId === factor.id);
      rated[factor.id] = { rating: earlier?.rating ?? '', note: earlier?.note ?? '' };
    }
  }
  return rated;
}

/**
 * "Ny bedömning": every factor of the template rated, the tool's suggestion beside the assessor's
 * own level, a justification, recommended measures and the next review date. Saving adds a version.
 */
export function AssessmentForm({ threatCase }: { threatCase: ThreatCase }) {
  const { t } = useTranslation();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="threat-assessment-title" className="panel">
      <h2 id="threat-assessment-title" ref={heading} tabIndex={-1}>
        {t('threatCases.assessment.title')}
      </h2>
      <p>{t('threatCases.assessment.intro')}</p>
      <StatusMessage>{savedVersion && t('threatCases.assessment.saved', { version: savedVersion })}</StatusMessage>
      <AssessmentFormBody
        threatCase={threatCase}
        onSaved={(version) => {
          setSavedVersion(version);
          heading.current?.focus();
        }}
      />
    </section>
  );
}

function AssessmentFormBody({ threatCase, onSaved }: { threatCase: ThreatCase; onSaved(version: number): void }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const write = useWriteToThreatCase(threatCase.id);
  const [rated, setRated] = useState<Rated>(() => startingRatings(threatCase));
  const [level, setLevel] = useState<ThreatLevel | ''>('');
  const [justification, setJustification] = useState('');
  const [measures, setMeasures] = useState(threatCase.assessments.at(-1)?.recommendedMeasures ?? '');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const ratings = Object.entries(rated).flatMap(([factorId, { rating, note }]) =>
    rating ? [{ factorId, rating, note }] : [],
  );
  const suggestion = suggestLevel(ratings);

  function submit() {
    const input = errors.validate<ThreatAssessmentValues>(threatAssessmentInputSchema, {
      templateVersion: threatAssessmentTemplate.version,
      ratings,
      level: level || undefined,
      justification,
      recommendedMeasures: measures,
      nextReviewOn: nextReviewOn || null,
    });
    if (!input || write.isPending) return;
    write.mutate(
      { kind: 'assessments', body: input },
      {
        // The next assessment starts from this one's ratings, with a level and justification of its own.
        onSuccess: (updated) => {
          setRated(startingRatings(updated));
          setLevel('');
          setJustification('');
          setNextReviewOn('');
          onSaved(updated.assessmentCount);
        },
        onError: errors.fail,
      },
    );
  }

  const levelOptions = threatLevels.map((value) => ({ value, label: t(`threatCases.levels.${value}`) }));
  return (
    <Form id="threat-assessment" errors={errors} onSubmit={submit} labelledBy="threat-assessment-title">
      <FactorList
        rated={rated}
        onChange={(factorId, change) =>
          setRated((current) => ({
            ...current,
            [factorId]: { ...(current[factorId] ?? { rating: '', note: '' }), ...change },
          }))
        }
      />
      <div className="suggestion">
        <p>
          <strong>{t('threatCases.assessment.suggestion')}: </strong>
          {t('threatCases.assessment.suggestionText', {
            level: t(`threatCases.levels.${suggestion.level}`),
            score: suggestion.score,
            unknown: suggestion.unknownCount,
          })}
        </p>
        <p className="field__hint">{t('threatCases.assessment.suggestionHint')}</p>
      </div>
      <RadioRow<ThreatLevel>
        name="level"
        legend={t('threatCases.assessment.level')}
        value={level}
        options={levelOptions}
        onChange={setLevel}
        {...(level && level !== suggestion.level ? { hint: t('threatCases.assessment.differs') } : {})}
      />
      <TextAreaField
        name="justification"
        label={t('threatCases.assessment.justification')}
        value={justification}
        onChange={setJustification}
      />
      <TextAreaField
        name="recommendedMeasures"
        label={t('threatCases.assessment.measures')}
        value={measures}
        onChange={setMeasures}
        optional
      />
      <TextField
        name="nextReviewOn"
        type="date"
        label={t('threatCases.assessment.nextReview')}
        value={nextReviewOn}
        onChange={setNextReviewOn}
        optional
      />
      <div className="form__actions">
        <SubmitButton isPending={write.isPending} pendingLabel={t('threatCases.assessment.saving')}>
          {t('threatCases.assessment.submit')}
        </SubmitButton>
      </div>
    </Form>
  );
}

function FactorList({
  rated,
  onChange,
}: {
  rated: Rated;
  onChange(factorId: string, change: Partial<Rated[string]>): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Errors about the ratings as a whole ("rate every factor") land here.
  const field = useField('ratings', t('threatCases.assessment.factors'));
  const ratingOptions = factorRatings.map((value) => ({ value, label: t(`threatCases.ratings.${value}`) }));
  return (
    <div id={field.id} tabIndex={-1} className={field.error ? 'field--invalid' : undefined}>
      <FieldMessages field={field} />
      {groups.map((group) => (
        <fieldset key={group.id} className="factor-group">
          <legend className="factor-group__title">{group[language]}</legend>
          {group.isProtective && <p className="field__hint">{t('threatCases.assessment.protectiveHint')}</p>}
          {group.factors.map((factor) => {
            const current = rated[factor.id] ?? { rating: '', note: '' };
            return (
              <div key={factor.id}>
                <RadioRow
                  name={`factor-${factor.id}`}
                  legend={factor[language]}
                  value={current.rating}
                  options={ratingOptions}
                  onChange={(rating) => onChange(factor.id, { rating })}
                  className="factor"
                />
                <details className="factor__note" open={current.note !== '' || undefined}>
                  <summary>{t('threatCases.assessment.note')}</summary>
                  <TextAreaField
                    name={`note-${factor.id}`}
                    label={`${t('threatCases.assessment.note')}: ${factor[language]}`}
                    value={current.note}
                    onChange={(note) => onChange(factor.id, { note })}
                    rows={2}
                    optional
                  />
                </details>
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
