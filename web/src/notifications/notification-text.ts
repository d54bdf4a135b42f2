import type { Notification } from '@varn/domain';
import { useTranslation } from 'react-i18next';

/** What happened, in a sentence: "Ny händelse rapporterad", "Din rapport har kvitterats", … */
export function useNotificationText() {
  const { t } = useTranslation();
  return (notification: Pick<Notification, 'kind' | 'status' | 'isSerious'>): string => {
    switch (notification.kind) {
      case 'incident_reported':
        return notification.isSerious ? t('notifications.what.reportedSerious') : t('notifications.what.reported');
      case 'incident_status_changed':
        switch (notification.status) {
          case 'acknowledged':
            return t('notifications.what.acknowledged');
          case 'measures_decided':
            return t('notifications.what.measuresDecided');
          case 'closed':
            return t('notifications.what.closed');
          default:
            return t('notifications.what.statusChanged');
        }
      case 'incident_reported_on_behalf':
        return t('notifications.what.reportedOnBehalf');
      case 'risk_analysis_escalated':
        return t('notifications.what.riskAnalysisEscalated');
      case 'risk_analysis_escalation_unanswered':
        return t('notifications.what.riskAnalysisUnanswered');
      case 'risk_analysis_escalation_answered':
        return t('notifications.what.riskAnalysisAnswered');
      case 'threat_case_review_due':
        return t('notifications.what.threatCaseReviewDue');
      case 'measure_due_soon':
        return t('notifications.what.measureDueSoon');
      case 'measure_overdue':
        return t('notifications.what.measureOverdue');
      case 'training_renewal_due':
        return t('notifications.what.trainingRenewalDue');
      case 'protection_conversation_due':
        return t('notifications.what.protectionConversationDue');
      // A kind this page has no sentence for yet still reads sensibly and links to its record.
      default:
        return t('notifications.what.other');
    }
  };
}
