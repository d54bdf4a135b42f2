import type { ThreatLevel } from '@varn/domain';
import { useTranslation } from 'react-i18next';

/** A case's level as a coloured badge; the text says the level, the colour only repeats it. */
export function LevelBadge({ level }: { level: ThreatLevel | null }) {
  const { t } = useTranslation();
  return (
    <span className={`level level--${level ?? 'none'}`}>
      {level ? t('threatCases.levelLabel', { level: t(`threatCases.levels.${level}`) }) : t('threatCases.notAssessed')}
    </span>
  );
}
