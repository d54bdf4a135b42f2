import {
  type EscalationAnswer,
  escalationAnswerInputSchema,
  escalationAnswers,
  type RiskAnalysis,
  type RiskDecision,
  riskDecisionInputSchema,
  riskDecisions,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroupField } from '../shared/forms/choice-fields.tsx';
import { Form } from '../shared/forms/form.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { formatDateTime } from '../shared/ui/format-date.ts';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useAnswerEscalation, useDecideRiskAnalysis } from './api/save-risk-analysis.ts';

/** The decision: go, go with measures, cancel or escalate, always justified. */
export function DecisionSection({ analysis }: { analysis: RiskAnalysis }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const decide = useDecideRiskAnalysis(analysis.id);
  const [decision, setDecision] = useState<RiskDecision | ''>('');
  const [justification, setJustification] = useState('');
  const [decided, setDecided] = useState<RiskDecision | null>(null);
  const isWaiting = analysis.status === 'escalated';

  function submit() {
    const input = errors.validate(riskDecisionInputSchema, { decision: decision || undefined, justification });
    if (!input || decide.isPending) return;
    setDecided(null);
    decide.mutate(input, {
      onSuccess: () => {
        setDecided(input.decision);
        setJustification('');
        setDecision('');
      },
      onError: errors.fail,
    });
  }

  return (
    <section aria-labelledby="risk-decision-title" className="panel">
      <h2 id="risk-decision-title">{t('riskAnalyses.decision.title')}</h2>
      <StatusMessage>
        {decided && t('riskAnalyses.decision.decided', { decision: t(`riskAnalyses.decisions.${decided}`) })}
      </StatusMessage>
      {analysis.decision && analysis.decidedAt && (
        <>
          <p>
            {t('riskAnalyses.decision.current', {
              decision: t(`riskAnalyses.decisions.${analysis.decision}`),
              date: formatDateTime(analysis.decidedAt),
              person: analysis.decidedBy ?? '',
            })}
          </p>
          {analysis.decisionJustification && <p className="risk-text">{analysis.decisionJustification}</p>}
        </>
      )}
      {isWaiting && <p>{t('riskAnalyses.decision.waiting')}</p>}
      {analysis.mayManage && !isWaiting && (
        <Form id="risk-decision" errors={errors} onSubmit={submit} labelledBy="risk-decision-title">
          <RadioGroupField
            name="decision"
            legend={t('riskAnalyses.decision.decision')}
            value={decision}
            onChange={(value) => setDecision(value as RiskDecision)}
            options={riskDecisions.map((value) => ({ value, label: t(`riskAnalyses.decisions.${value}`) }))}
          />
          <TextAreaField
            name="justification"
            label={t('riskAnalyses.decision.justification')}
            value={justification}
            onChange={setJustification}
            rows={3}
          />
          <div className="form__actions">
            <SubmitButton isPending={decide.isPending} pendingLabel={t('riskAnalyses.decision.submitting')}>
              {t('riskAnalyses.decision.submit')}
            </SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}

/** The escalation and its answer; the security department answers here while it waits. */
export function EscalationSection({ analysis }: { analysis: RiskAnalysis }) {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const answerEscalation = useAnswerEscalation(analysis.id);
  const [answer, setAnswer] = useState<EscalationAnswer | ''>('');
  const [comment, setComment] = useState('');
  const [isAnswered, setIsAnswered] = useState(false);
  if (!analysis.escalatedAt) return null;

  function submit() {
    const input = errors.validate(escalationAnswerInputSchema, { answer: answer || undefined, comment });
    if (!input || answerEscalation.isPending) return;
    answerEscalation.mutate(input, { onSuccess: () => setIsAnswered(true), onError: errors.fail });
  }

  return (
    <section aria-labelledby="risk-escalation-title" className="panel">
      <h2 id="risk-escalation-title">{t('riskAnalyses.escalation.title')}</h2>
      <StatusMessage>{isAnswered && t('riskAnalyses.escalation.answered')}</StatusMessage>
      <p>{t('riskAnalyses.escalation.escalatedAt', { date: formatDateTime(analysis.escalatedAt) })}</p>
      {analysis.escalationAnswer && analysis.answeredAt && (
        <>
          <p>
            {t('riskAnalyses.escalation.current', {
              answer: t(`riskAnalyses.answers.${analysis.escalationAnswer}`),
              date: formatDateTime(analysis.answeredAt),
              person: analysis.answeredBy ?? '',
            })}
          </p>
          {analysis.escalationComment && <p className="risk-text">{analysis.escalationComment}</p>}
        </>
      )}
      {analysis.mayAnswer && (
        <Form id="risk-escalation" errors={errors} onSubmit={submit} labelledBy="risk-escalation-title">
          <RadioGroupField
            name="answer"
            legend={t('riskAnalyses.escalation.answer')}
            value={answer}
            onChange={(value) => setAnswer(value as EscalationAnswer)}
            options={escalationAnswers.map((value) => ({ value, label: t(`riskAnalyses.answers.${value}`) }))}
          />
          <TextAreaField
            name="comment"
            label={t('riskAnalyses.escalation.comment')}
            value={comment}
            onChange={setComment}
            rows={3}
          />
          <div className="form__actions">
            <SubmitButton isPending={answerEscalation.isPending} pendingLabel={t('riskAnalyses.escalation.submitting')}>
              {t('riskAnalyses.escalation.submit')}
            </SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}
