import {
  type ChecklistAnswerType,
  type ChecklistTemplate,
  checklistAnswerTypes,
  checklistTemplateInputSchema,
} from '@varn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Form } from '../shared/forms/form.tsx';
import { SelectField } from '../shared/forms/select-field.tsx';
import { SubmitButton } from '../shared/forms/submit-button.tsx';
import { TextAreaField } from '../shared/forms/text-area-field.tsx';
import { TextField } from '../shared/forms/text-field.tsx';
import { useFormErrors } from '../shared/forms/use-form-errors.ts';
import { paths } from '../shared/paths.ts';
import { Loading } from '../shared/ui/loading.tsx';
import { PageHeader } from '../shared/ui/page-header.tsx';
import { ProblemAlert } from '../shared/ui/problem-alert.tsx';
import { StatusMessage } from '../shared/ui/status-message.tsx';
import { useChecklistTemplate, useSaveChecklistTemplate } from './api/security-walks.ts';
import './security-walks.css';

type QuestionValues = { key: string; text: string; guidance: string; answerType: ChecklistAnswerType };
type SectionValues = { key: string; title: string; questions: QuestionValues[] };
type TemplateValues = { name: string; description: string; sections: SectionValues[] };

// Keys bind a walk's answers to a question across versions: kept for existing questions, new for new ones.
const newKey = (prefix: 's' | 'q') => `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
const newQuestion = (): QuestionValues => ({ key: newKey('q'), text: '', guidance: '', answerType: 'check' });
const newSection = (): SectionValues => ({ key: newKey('s'), title: '', questions: [newQuestion()] });
const blankTemplate = (): TemplateValues => ({ name: '', description: '', sections: [newSection()] });

function valuesOf(template: ChecklistTemplate): TemplateValues {
  return { name: template.name, description: template.description, sections: template.sections };
}

/**
 * Edits a checklist template (or writes a new one, at `/skyddsronder/checklistor/ny`). Saving makes
 * a new version: walks already made keep the questions of the version they used.
 */
export function TemplateEditorPage() {
  const { templateId = '' } = useParams();
  const isNew = templateId === 'ny';
  const template = useChecklistTemplate(templateId, !isNew);
  if (isNew) return <TemplateEditor template={null} />;
  if (template.isPending) return <Loading />;
  if (template.isError) return <ProblemAlert error={template.error} />;
  return <TemplateEditor key={template.data.id} template={template.data} />;
}

function TemplateEditor({ template }: { template: ChecklistTemplate | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errors = useFormErrors();
  const save = useSaveChecklistTemplate(template?.id ?? null);
  const [values, setValues] = useState<TemplateValues>(() => (template ? valuesOf(template) : blankTemplate()));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const answerTypeOptions = checklistAnswerTypes.map((type) => ({
    value: type,
    label: t(`securityWalks.templates.answerTypes.${type}`),
  }));

  const setSection = (sectionIndex: number, change: (section: SectionValues) => SectionValues) =>
    setValues((current) => ({
      ...current,
      sections: current.sections.map((section, at) => (at === sectionIndex ? change(section) : section)),
    }));
  const setQuestion = (sectionIndex: number, questionIndex: number, change: Partial<QuestionValues>) =>
    setSection(sectionIndex, (section) => ({
      ...section,
      questions: section.questions.map((question, at) =>
        at === questionIndex ? { ...question, ...change } : question,
      ),
    }));

  function submit() {
    if (save.isPending) return;
    const input = errors.validate(checklistTemplateInputSchema, values);
    if (!input) return;
    save.mutate(input, {
      onSuccess: (saved) => {
        setSavedVersion(saved.version);
        if (!template) navigate(paths.checklistTemplate(saved.id), { replace: true });
      },
      onError: errors.fail,
    });
  }

  const title = template
    ? t('securityWalks.templates.editTitle', { name: template.name })
    : t('securityWalks.templates.newTitle');
  return (
    <>
      <p className="back-link">
        <Link to={paths.securityWalks}>{t('securityWalks.templates.back')}</Link>
      </p>
      <PageHeader
        title={title}
        intro={
          template
            ? t('securityWalks.templates.versionIntro', { version: savedVersion ?? template.version })
            : t('securityWalks.templates.newIntro')
        }
      />
      <Form id="checklist-template" errors={errors} onSubmit={submit}>
        <TextField
          name="name"
          label={t('securityWalks.templates.name')}
          value={values.name}
          onChange={(name) => setValues((current) => ({ ...current, name }))}
        />
        <TextAreaField
          name="description"
          label={t('securityWalks.templates.description')}
          value={values.description}
          onChange={(description) => setValues((current) => ({ ...current, description }))}
          optional
          rows={2}
        />
        {values.sections.map((section, sectionIndex) => {
          const sectionNumber = sectionIndex + 1;
          return (
            <fieldset key={section.key} className="template-section">
              <legend className="template-section__legend">
                {t('securityWalks.templates.section', { number: sectionNumber })}
              </legend>
              <TextField
                name={`sections.${sectionIndex}.title`}
                label={t('securityWalks.templates.sectionTitle', { number: sectionNumber })}
                value={section.title}
                onChange={(value) => setSection(sectionIndex, (current) => ({ ...current, title: value }))}
              />
              {section.questions.map((question, questionIndex) => {
                const number = `${sectionNumber}.${questionIndex + 1}`;
                const path = `sections.${sectionIndex}.questions.${questionIndex}`;
                return (
                  <fieldset key={question.key} className="template-question">
                    <legend className="field__label">{t('securityWalks.templates.question', { number })}</legend>
                    <TextField
                      name={`${path}.text`}
                      label={t('securityWalks.templates.questionText', { number })}
                      value={question.text}
                      onChange={(text) => setQuestion(sectionIndex, questionIndex, { text })}
                    />
                    <TextField
                      name={`${path}.guidance`}
                      label={t('securityWalks.templates.guidance', { number })}
                      value={question.guidance}
                      onChange={(guidance) => setQuestion(sectionIndex, questionIndex, { guidance })}
                      optional
                    />
                    <SelectField
                      name={`${path}.answerType`}
                      label={t('securityWalks.templates.answerType', { number })}
                      value={question.answerType}
                      options={answerTypeOptions}
                      onChange={(answerType) =>
                        setQuestion(sectionIndex, questionIndex, { answerType: answerType as ChecklistAnswerType })
                      }
                    />
                    {section.questions.length > 1 && (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() =>
                          setSection(sectionIndex, (current) => ({
                            ...current,
                            questions: current.questions.filter((_question, at) => at !== questionIndex),
                          }))
                        }
                      >
                        {t('securityWalks.templates.removeQuestion', { number })}
                      </button>
                    )}
                  </fieldset>
                );
              })}
              <div className="walk-step__actions">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() =>
                    setSection(sectionIndex, (current) => ({
                      ...current,
                      questions: [...current.questions, newQuestion()],
                    }))
                  }
                >
                  {t('securityWalks.templates.addQuestion', { number: sectionNumber })}
                </button>
                {values.sections.length > 1 && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      setValues((current) => ({
                        ...current,
                        sections: current.sections.filter((_section, at) => at !== sectionIndex),
                      }))
                    }
                  >
                    {t('securityWalks.templates.removeSection', { number: sectionNumber })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <div className="walk-step__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setValues((current) => ({ ...current, sections: [...current.sections, newSection()] }))}
          >
            {t('securityWalks.templates.addSection')}
          </button>
          <SubmitButton isPending={save.isPending} pendingLabel={t('common.saving')}>
            {template ? t('securityWalks.templates.saveVersion') : t('securityWalks.templates.create')}
          </SubmitButton>
        </div>
      </Form>
      <StatusMessage>
        {savedVersion !== null ? t('securityWalks.templates.saved', { version: savedVersion }) : null}
      </StatusMessage>
    </>
  );
}
