import type { Permission } from '@varn/domain';
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../audit/audit-log-page.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { DrillPage } from '../drills/drill-page.tsx';
import { DrillsPage } from '../drills/drills-page.tsx';
import { IncidentPage } from '../incidents/incident-page.tsx';
import { IncidentSummaryPage } from '../incidents/incident-summary-page.tsx';
import { IncidentsPage } from '../incidents/incidents-page.tsx';
import { ReportIncidentPage } from '../incidents/report-incident-page.tsx';
import { JobsPage } from '../jobs/jobs-page.tsx';
import { ActionPlanPage } from '../measures/action-plan-page.tsx';
import { MeasurePage } from '../measures/measure-page.tsx';
import { MyMeasuresPage, UnitMeasuresPage } from '../measures/measures-pages.tsx';
import { NotificationsPage } from '../notifications/notifications-page.tsx';
import { ImportPage } from '../organisation/import-page.tsx';
import { NewPersonPage } from '../organisation/new-person-page.tsx';
import { OrgTreePage } from '../organisation/org-tree-page.tsx';
import { PartiesPage } from '../organisation/parties-page.tsx';
import { PeoplePage } from '../organisation/people-page.tsx';
import { PersonPage } from '../organisation/person-page.tsx';
import { SitesPage } from '../organisation/sites-page.tsx';
import { OfficialPage } from '../protection-programme/official-page.tsx';
import { ProgrammePage } from '../protection-programme/programme-page.tsx';
import { NewRiskAnalysisPage } from '../risk-analyses/new-risk-analysis-page.tsx';
import { RiskAnalysesPage } from '../risk-analyses/risk-analyses-page.tsx';
import { RiskAnalysisPage } from '../risk-analyses/risk-analysis-page.tsx';
import { RiskAnalysisPrintPage } from '../risk-analyses/risk-analysis-print-page.tsx';
import { SecurityWalksPage } from '../security-walks/security-walks-page.tsx';
import { SiteSecurityWalksPage } from '../security-walks/site-security-walks-page.tsx';
import { TemplateEditorPage } from '../security-walks/template-editor-page.tsx';
import { WalkPage } from '../security-walks/walk-page.tsx';
import { paths } from '../shared/paths.ts';
import { StartPage } from '../start/start-page.tsx';
import { NewThreatCasePage } from '../threat-cases/new-threat-case-page.tsx';
import { ThreatCasesPage } from '../threat-cases/threat-cases-page.tsx';
import { BulkCompletionPage } from '../training/bulk-completion-page.tsx';
import { CompletionImportPage } from '../training/completion-import-page.tsx';
import { CourseEditPage } from '../training/course-edit-page.tsx';
import { CoursePage } from '../training/course-page.tsx';
import { OccasionPage } from '../training/occasion-page.tsx';
import { TrainingPage } from '../training/training-page.tsx';
import { DrillMeasures } from './drill-measures.tsx';
import { IncidentMeasureSummary, IncidentMeasures } from './incident-measures.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RequirePermission } from './require-permission.tsx';
import { RequireSession } from './require-session.tsx';
import { RiskAnalysisMeasureSummary, RiskAnalysisMeasures } from './risk-analysis-measures.tsx';
import { RouteError } from './route-error.tsx';

// The pages with charts load recharts, the largest library of the app: they are fetched when first
// opened, so the report form on a phone starts without it. The service worker precaches every chunk,
// so they open offline as well.
const StatisticsPage = lazy(() =>
  import('../statistics/statistics-page.tsx').then((module) => ({ default: module.StatisticsPage })),
);
const FollowUpPage = lazy(() =>
  import('../protection-programme/follow-up-page.tsx').then((module) => ({ default: module.FollowUpPage })),
);
const CoveragePage = lazy(() =>
  import('../training/coverage-page.tsx').then((module) => ({ default: module.CoveragePage })),
);
const ThreatCasePage = lazy(() =>
  import('../threat-cases/threat-case-page.tsx').then((module) => ({ default: module.ThreatCasePage })),
);

/** `permission`: the one the page needs, or a list of which any one will do. */
type ProtectedPage = { path: string; permission: Permission | readonly Permission[]; page: ReactNode };

/** Every page behind a permission, with the permission it needs; the server checks again on every request. */
const protectedPages: readonly ProtectedPage[] = [
  { path: paths.organisation, permission: 'organisation.read', page: <OrgTreePage /> },
  { path: paths.sites, permission: 'sites.read', page: <SitesPage /> },
  { path: paths.people, permission: 'people.read', page: <PeoplePage /> },
  { path: paths.newPerson, permission: 'people.manage', page: <NewPersonPage /> },
  { path: '/people/:personId', permission: 'people.read', page: <PersonPage /> },
  { path: paths.parties, permission: 'parties.read', page: <PartiesPage /> },
  { path: paths.import, permission: 'people.import', page: <ImportPage /> },
  { path: paths.auditLog, permission: 'audit.read', page: <AuditLogPage /> },
  { path: paths.jobs, permission: 'jobs.read', page: <JobsPage /> },
  { path: paths.reportIncident, permission: 'incidents.report', page: <ReportIncidentPage /> },
  { path: paths.incidents, permission: 'incidents.read', page: <IncidentsPage /> },
  { path: '/handelser/:incidentId', permission: 'incidents.read', page: <IncidentPage measures={IncidentMeasures} /> },
  {
    path: '/handelser/:incidentId/sammanstallning',
    permission: 'incidents.handle',
    page: <IncidentSummaryPage measures={IncidentMeasureSummary} />,
  },
  { path: paths.statistics, permission: 'incidents.statistics', page: <StatisticsPage /> },
  { path: paths.threatCases, permission: 'threat_cases.read', page: <ThreatCasesPage /> },
  { path: paths.newThreatCase, permission: 'threat_cases.manage', page: <NewThreatCasePage /> },
  { path: '/hotbild/:caseId', permission: 'threat_cases.read', page: <ThreatCasePage /> },
  { path: paths.riskAnalyses, permission: 'risk_analyses.read', page: <RiskAnalysesPage /> },
  { path: paths.newRiskAnalysis, permission: 'risk_analyses.manage', page: <NewRiskAnalysisPage /> },
  {
    path: '/riskanalyser/:riskAnalysisId',
    // The duty officer arrives from the notice of an unanswered escalation (see RiskAnalysisPage).
    permission: ['risk_analyses.read', 'risk_analyses.read_unanswered_escalation'],
    page: <RiskAnalysisPage measures={RiskAnalysisMeasures} />,
  },
  {
    path: '/riskanalyser/:riskAnalysisId/utskrift',
    permission: 'risk_analyses.read',
    page: <RiskAnalysisPrintPage measures={RiskAnalysisMeasureSummary} />,
  },
  { path: paths.securityWalks, permission: 'security_walks.read', page: <SecurityWalksPage /> },
  { path: '/skyddsronder/platser/:siteId', permission: 'security_walks.read', page: <SiteSecurityWalksPage /> },
  { path: '/skyddsronder/:walkId', permission: 'security_walks.read', page: <WalkPage /> },
  {
    path: '/skyddsronder/checklistor/:templateId',
    permission: 'checklist_templates.manage',
    page: <TemplateEditorPage />,
  },
  { path: paths.protectionProgramme, permission: 'protection_programme.read', page: <ProgrammePage /> },
  { path: paths.programmeFollowUp, permission: 'protection_programme.follow_up', page: <FollowUpPage /> },
  { path: '/skyddsprogram/:enrolmentId', permission: 'protection_programme.read', page: <OfficialPage /> },
  { path: paths.drills, permission: 'drills.read', page: <DrillsPage /> },
  { path: '/ovningar/:drillId', permission: 'drills.read', page: <DrillPage measures={DrillMeasures} /> },
  { path: paths.training, permission: 'training.read', page: <TrainingPage /> },
  { path: paths.trainingCoverage, permission: 'training.read', page: <CoveragePage /> },
  { path: '/utbildning/kurser/:courseId', permission: 'training.read', page: <CoursePage /> },
  { path: '/utbildning/kurser/:courseId/import', permission: 'training.manage', page: <CompletionImportPage /> },
  { path: '/utbildning/kurser/:courseId/andra', permission: 'training.manage', page: <CourseEditPage /> },
  { path: '/utbildning/kurser/:courseId/narvarolista', permission: 'training.manage', page: <BulkCompletionPage /> },
  { path: '/utbildning/tillfallen/:occasionId', permission: 'training.manage', page: <OccasionPage /> },
  { path: paths.measureUnits, permission: 'measures.read', page: <UnitMeasuresPage /> },
  { path: '/atgarder/enheter/:unitId', permission: 'measures.read', page: <UnitMeasuresPage /> },
  { path: '/handlingsplan/:unitId', permission: 'measures.read', page: <ActionPlanPage kind="administration" /> },
  { path: '/handlingsplan/platser/:siteId', permission: 'measures.read', page: <ActionPlanPage kind="site" /> },
];

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        {
          element: <PublicLayout />,
          children: [{ path: paths.signIn, element: <SignInPage /> }],
        },
        {
          element: <RequireSession />,
          children: [
            { index: true, element: <StartPage /> },
            // Every signed-in person has notifications of their own: no permission needed.
            { path: paths.notifications, element: <NotificationsPage /> },
            // Everyone may own measures: their own list and pages need no permission (the server scopes).
            { path: paths.myMeasures, element: <MyMeasuresPage /> },
            { path: '/atgarder/:measureId', element: <MeasurePage /> },
            ...protectedPages.map(({ path, permission, page }) => ({
              path,
              element: <RequirePermission permission={permission}>{page}</RequirePermission>,
            })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
