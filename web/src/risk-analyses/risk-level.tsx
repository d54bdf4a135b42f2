import { type RiskLevel, riskLevelColours } from '@varn/domain';
import { useTranslation } from 'react-i18next';

type RiskLevelBadgeProps = {
  level: RiskLevel | null;
  /** The sentence around the level, e.g. "Risk: {{level}}"; the level's name alone when left out. */
  labelKey?: 'riskAnalyses.list.risk' | 'riskAnalyses.list.residual';
  /** A whole sentence instead, e.g. "Riskvärde 15 – Hög". */
  text?: string;
};

/** A risk level as its name beside its colour: the colour is never the only carrier (WCAG 1.4.1). */
export function RiskLevelBadge({ level, labelKey, text }: RiskLevelBadgeProps) {
  const { t } = useTranslation();
  const name = level ? t(`riskAnalyses.levels.${level}`) : t('riskAnalyses.list.notRated');
  const colour = level ? riskLevelColours[level] : 'none';
  return (
    <span className={`risk-level risk-level--${colour}`}>
      <span className="risk-level__swatch" aria-hidden="true" />
      {text ?? (labelKey ? t(labelKey, { level: name }) : name)}
    </span>
  );
}
