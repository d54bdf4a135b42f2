import { type RiskAnalysis, type RiskHazardInput, riskHazardsUpdateSchema, riskLevelOf, riskScore } from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useSaveHazards } from './api/save-risk-analysis.ts';
import { RiskLevelBadge } from './risk-level.tsx';

const ratingNames = ['likelihood', 'consequence', 'residualLikelihood', 'residualConsequence'] as const;
type RatingName = (typeof ratingNames)[number];
type HazardValues = { hazard: string; measure: string } & Record<RatingName, string>;

const toValues = (analysis: RiskAnalysis): HazardValues[] =>
  analysis.hazards.map((hazard) => ({
    hazard: hazard.hazard,
    measure: hazard.measure,
    likelihood: hazard.likelihood?.toString() ?? '',
    consequence: hazard.consequence?.toString() ?? '',
    residualLikelihood: hazard.residualLikelihood?.toString() ?? '',
    residualConsequence: hazard.residualConsequence?.toString() ?? '',
  }));

const ratingOf = (value: string) => (value === '' ? null : Number(value));

function scoreOf(likelihood: string, consequence: string) {
  if (likelihood === '' || consequence === '') return null;
  const score = riskScore(Number(likelihood), Number(consequence));
  return { score, level: riskLevelOf(score) };
}

/**
 * The risk matrix as a form: per hazard, likelihood and consequence (and residually after the
 * measures) as selects, the score and level shown in words beside the colour. No canvas: every cell
 * is reachable by keyboard and read by screen readers.
 */
export function HazardMatrix({ analysis, canEdit }: { analysis: RiskAnalysis; canEdit: boolean }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const save = useSaveHazards(analysis.id);
  const [hazards, setHazards] = useState(() => toValues(analysis));
  const [isSaved, setIsSaved] = useState(false);
  const ratingOptions = [
    { value: '', label: t('riskAnalyses.matrix.notRated') },
    ...(['1', '2', '3', '4', '5'] as const).map((value) => ({
      value,
      label: t(`riskAnalyses.matrix.ratings.${value}`),
    })),
  ];

  const change = (index: number, name: keyof HazardValues) => (value: string) => {
    setIsSaved(false);
    setHazards((current) => current.map((hazard, at) => (at === index ? { ...hazard, [name]: value } : hazard)));
  };

  function submit() {
    const update = errors.validate(riskHazardsUpdateSchema, {
      hazards: hazards.map(
        (hazard): RiskHazardInput => ({
          hazard: hazard.hazard,
          measure: hazard.measure,
          likelihood: ratingOf(hazard.likelihood),
          consequence: ratingOf(hazard.consequence),
          residualLikelihood: ratingOf(hazard.residualLikelihood),
          residualConsequence: ratingOf(hazard.residualConsequence),
        }),
      ),
    });
    if (!update || save.isPending) return;
    setIsSaved(false);
    save.mutate(update.hazards, {
      onSuccess: (saved) => {
        setHazards(toValues(saved));
        setIsSaved(true);
      },
      onError: errors.fail,
    });
  }

  return (
    <section aria-labelledby="hazard-matrix-title" className="panel">
      <h2 id="hazard-matrix-title">{t('riskAnalyses.matrix.title')}</h2>
      <p>{t('riskAnalyses.matrix.intro')}</p>
      <StatusMessage>{isSaved && t('riskAnalyses.matrix.saved')}</StatusMessage>
      {!canEdit && <ReadOnlyHazards analysis={analysis} />}
      {canEdit && (
        <Form id="hazard-matrix" errors={errors} onSubmit={submit} labelledBy="hazard-matrix-title">
          {hazards.length === 0 && <p>{t('riskAnalyses.matrix.empty')}</p>}
          <ol className="hazard-list">
            {hazards.map((hazard, index) => {
              const number = index + 1;
              const score = scoreOf(hazard.likelihood, hazard.consequence);
              const residual = scoreOf(hazard.residualLikelihood, hazard.residualConsequence);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: hazards have no id until saved; the order is the identity
                <li key={index} className="hazard">
                  <fieldset>
                    <legend className="hazard__legend">{t('riskAnalyses.matrix.hazard', { number })}</legend>
                    <TextField
                      name={`hazards.${index}.hazard`}
                      label={t('riskAnalyses.matrix.hazardText')}
                      value={hazard.hazard}
                      onChange={change(index, 'hazard')}
                      maxLength={300}
                    />
                    <TextAreaField
                      name={`hazards.${index}.measure`}
                      label={t('riskAnalyses.matrix.measure')}
                      value={hazard.measure}
                      onChange={change(index, 'measure')}
                      rows={2}
                      optional
                    />
                    <div className="hazard__ratings">
                      {ratingNames.map((name) => (
                        <SelectField
                          key={name}
                          name={`hazards.${index}.${name}`}
                          label={t(`riskAnalyses.matrix.${name}`)}
                          value={hazard[name]}
                          onChange={change(index, name)}
                          options={ratingOptions}
                        />
                      ))}
                    </div>
                    <p className="hazard__scores" aria-live="polite">
                      {score && (
                        <RiskLevelBadge
                          level={score.level}
                          text={t('riskAnalyses.matrix.score', {
                            score: score.score,
                            level: t(`riskAnalyses.levels.${score.level}`),
                          })}
                        />
                      )}
                      {residual && (
                        <RiskLevelBadge
                          level={residual.level}
                          text={t('riskAnalyses.matrix.residualScore', {
                            score: residual.score,
                            level: t(`riskAnalyses.levels.${residual.level}`),
                          })}
                        />
                      )}
                    </p>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => {
                        setIsSaved(false);
                        setHazards((current) => current.filter((_, at) => at !== index));
                      }}
                    >
                      {t('riskAnalyses.matrix.remove', { number })}
                    </button>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                setHazards((current) => [
                  ...current,
                  {
                    hazard: '',
                    measure: '',
                    likelihood: '',
                    consequence: '',
                    residualLikelihood: '',
                    residualConsequence: '',
                  },
                ])
              }
            >
              {t('riskAnalyses.matrix.add')}
            </button>
            <SubmitButton isPending={save.isPending} pendingLabel={t('riskAnalyses.matrix.saving')}>
              {t('riskAnalyses.matrix.save')}
            </SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}

/**
 * The rated hazards as a list, for readers who may not change them and for the printout: a list
 * rather than a table, so that it fits a phone without scrolling sideways.
 */
export function ReadOnlyHazards({ analysis }: { analysis: RiskAnalysis }) {
  const { t } = useTranslation();
  if (analysis.hazards.length === 0) return <p>{t('riskAnalyses.matrix.empty')}</p>;
  return (
    <ol className="hazard-list">
      {analysis.hazards.map((hazard, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the hazards' order is their identity
        <li key={index} className="hazard">
          <p className="hazard__legend risk-text">{hazard.hazard}</p>
          {hazard.measure && (
            <p className="risk-text">
              {t('riskAnalyses.matrix.measure')}: {hazard.measure}
            </p>
          )}
          <p className="hazard__scores">
            <RiskLevelBadge
              level={hazard.level}
              text={
                hazard.level && hazard.score !== null
                  ? t('riskAnalyses.matrix.score', {
                      score: hazard.score,
                      level: t(`riskAnalyses.levels.${hazard.level}`),
                    })
                  : undefined
              }
            />
            {hazard.residualLevel && hazard.residualScore !== null && (
              <RiskLevelBadge
                level={hazard.residualLevel}
                text={t('riskAnalyses.matrix.residualScore', {
                  score: hazard.residualScore,
                  level: t(`riskAnalyses.levels.${hazard.residualLevel}`),
                })}
              />
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
