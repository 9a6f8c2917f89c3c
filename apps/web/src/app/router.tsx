import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { createBrowserRouter, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from '../shared/api/client';
import { t } from '../shared/i18n/zh-CN';
import { NotFound } from '../shared/components/StatusPages';
import { PageLoading } from '../shared/components/PageLoading';
import { AppLayout } from './AppLayout';
import { IndexPage } from './IndexPage';
import { PageErrorBoundary } from './PageErrorBoundary';
import { RequirePermission } from './RequirePermission';
import { RequireSession } from './RequireSession';

// Every page is its own chunk: the login page does not load the platform list, nor anyone the charts.
const LoginPage = lazy(() => import('../modules/accounts/pages/LoginPage'));
const SetupPage = lazy(() => import('../modules/accounts/pages/SetupPage'));
const UsersPage = lazy(() => import('../modules/accounts/pages/UsersPage'));
const TodosPage = lazy(() => import('../modules/todos/pages/TodosPage'));
const PlatformListPage = lazy(() => import('../modules/platforms/pages/PlatformListPage'));
const PlatformDetailPage = lazy(() => import('../modules/platforms/pages/PlatformDetailPage'));
const OrganizationsPage = lazy(() => import('../modules/organizations/pages/OrganizationsPage'));
const TaxonomyPage = lazy(() => import('../modules/taxonomy/pages/TaxonomyPage'));
const CataloguesPage = lazy(() => import('../modules/catalogues/pages/CataloguesPage'));
const SearchDictionaryPage = lazy(() => import('../modules/search/pages/SearchDictionaryPage'));
const RegionsPage = lazy(() => import('../modules/regions/pages/RegionsPage'));
const ImportsPage = lazy(() => import('../modules/imports/pages/ImportsPage'));
const ImportHistoryPage = lazy(() => import('../modules/imports/pages/ImportHistoryPage'));
const AuditPage = lazy(() => import('../modules/audit/pages/AuditPage'));
const CockpitPage = lazy(() => import('../modules/cockpit/pages/CockpitPage'));
const CockpitPlatformsPage = lazy(() => import('../modules/cockpit/pages/CockpitPlatformsPage'));
const PlanListPage = lazy(() => import('../modules/plans/pages/PlanListPage'));
const PlanDetailPage = lazy(() => import('../modules/plans/pages/PlanDetailPage'));
const TargetDetailPage = lazy(() => import('../modules/targets/pages/TargetDetailPage'));
const TaskDetailPage = lazy(() => import('../modules/tasks/pages/TaskDetailPage'));
const SupervisionPage = lazy(() => import('../modules/tasks/pages/SupervisionPage'));
const NotificationsPage = lazy(() => import('../modules/notifications/pages/NotificationsPage'));
const PolicyIngestPage = lazy(() => import('../modules/policy-ingest/pages/PolicyIngestPage'));
const PolicyDocumentsPage = lazy(() => import('../modules/policy-ingest/pages/PolicyDocumentsPage'));
const FundingPage = lazy(() => import('../modules/funding/pages/FundingPage'));
const GrantDetailPage = lazy(() => import('../modules/funding/pages/GrantDetailPage'));
const AccountSecurityPage = lazy(() => import('../modules/two-factor/pages/AccountSecurityPage'));
const CallListPage = lazy(() => import('../modules/calls/pages/CallListPage'));
const CallDetailPage = lazy(() => import('../modules/calls/pages/CallDetailPage'));
const MyApplicationsPage = lazy(() => import('../modules/calls/pages/MyApplicationsPage'));
const ApplicationEditPage = lazy(() => import('../modules/calls/pages/ApplicationEditPage'));
const ReviewQueuePage = lazy(() => import('../modules/calls/pages/ReviewQueuePage'));
const ApplicationDetailPage = lazy(() => import('../modules/calls/pages/ApplicationDetailPage'));
const ChallengeListPage = lazy(() => import('../modules/challenges/pages/ChallengeListPage'));
const ChallengeNewPage = lazy(() => import('../modules/challenges/pages/ChallengeNewPage'));
const ChallengeDetailPage = lazy(() => import('../modules/challenges/pages/ChallengeDetailPage'));
const AnnualReportListPage = lazy(() => import('../modules/annual-reports/pages/AnnualReportListPage'));
const AnnualReportDetailPage = lazy(() => import('../modules/annual-reports/pages/AnnualReportDetailPage'));
const IndicatorFormsPage = lazy(() => import('../modules/annual-reports/pages/IndicatorFormsPage'));
const ExpertsPage = lazy(() => import('../modules/experts/pages/ExpertsPage'));
const MyReviewsPage = lazy(() => import('../modules/experts/pages/MyReviewsPage'));
const RubricsPage = lazy(() => import('../modules/experts/pages/RubricsPage'));
const MatchingPage = lazy(() => import('../modules/matching/pages/MatchingPage'));
const LeadsPage = lazy(() => import('../modules/matching/pages/LeadsPage'));
const LeadDetailPage = lazy(() => import('../modules/matching/pages/LeadDetailPage'));
const ContractsPage = lazy(() => import('../modules/technology-contracts/pages/ContractsPage'));
const ContractDetailPage = lazy(() => import('../modules/technology-contracts/pages/ContractDetailPage'));
const EvaluationRoundsPage = lazy(() => import('../modules/evaluations/pages/EvaluationRoundsPage'));
const EvaluationRoundDetailPage = lazy(() => import('../modules/evaluations/pages/EvaluationRoundDetailPage'));
const EvaluationFormulasPage = lazy(() => import('../modules/evaluations/pages/EvaluationFormulasPage'));
const RectificationsPage = lazy(() => import('../modules/evaluations/pages/RectificationsPage'));
const RectificationDetailPage = lazy(() => import('../modules/evaluations/pages/RectificationDetailPage'));
const HelpPage = lazy(() => import('../modules/help/pages/HelpPage'));
const AchievementsPage = lazy(() => import('../modules/achievements/pages/AchievementsPage'));
const AchievementDetailPage = lazy(() => import('../modules/achievements/pages/AchievementDetailPage'));
const AchievementFormPage = lazy(() => import('../modules/achievements/pages/AchievementFormPage'));
const DemandsPage = lazy(() => import('../modules/demands/pages/DemandsPage'));
const DemandDetailPage = lazy(() => import('../modules/demands/pages/DemandDetailPage'));
const DemandFormPage = lazy(() => import('../modules/demands/pages/DemandFormPage'));
// The public portal (no sign-in): its own layout and chunks, so a visitor's phone loads none of the admin pages.
const PortalLayout = lazy(() => import('../modules/portal/PortalLayout'));
const PortalHomePage = lazy(() => import('../modules/portal/pages/PortalHomePage').then((m) => ({ default: m.PortalHomePage })));
const PortalSearchPages = () => import('../modules/portal/pages/PortalSearchPage');
const PortalAchievementsPage = lazy(() => PortalSearchPages().then((m) => ({ default: m.PortalAchievementsPage })));
const PortalDemandsPage = lazy(() => PortalSearchPages().then((m) => ({ default: m.PortalDemandsPage })));
const PortalRecordPages = () => import('../modules/portal/pages/PortalRecordPages');
const PortalAchievementPage = lazy(() => PortalRecordPages().then((m) => ({ default: m.PortalAchievementPage })));
const PortalDemandPage = lazy(() => PortalRecordPages().then((m) => ({ default: m.PortalDemandPage })));
const PortalChallengePages = () => import('../modules/portal/pages/PortalChallengePages');
const PortalChallengesPage = lazy(() => PortalChallengePages().then((m) => ({ default: m.PortalChallengesPage })));
const PortalChallengePage = lazy(() => PortalChallengePages().then((m) => ({ default: m.PortalChallengePage })));
const PortalListPages = () => import('../modules/portal/pages/PortalListPages');
const PortalCallsPage = lazy(() => PortalListPages().then((m) => ({ default: m.PortalCallsPage })));
const PortalPlatformsPage = lazy(() => PortalListPages().then((m) => ({ default: m.PortalPlatformsPage })));
const PortalNotFound = lazy(() => import('../modules/portal/components/PortalBits').then((m) => ({ default: m.PortalNotFound })));

/** When the session expires mid-work, any request's 401 returns to /login (keeping the page) without a reload. */
function Root() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  // Signed-in pages title themselves from the page table (Breadcrumbs); these two are outside the layout.
  useEffect(() => {
    if (pathname === '/login') document.title = t.shell.documentTitle(t.auth.title);
    if (pathname === '/setup') document.title = t.shell.documentTitle(t.setup.title);
  }, [pathname]);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const { pathname, search } = window.location;
      if (pathname === '/login' || pathname === '/setup') return;
      queryClient.clear();
      navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
  }, [navigate, queryClient]);
  return (
    <PageErrorBoundary>
      <Suspense fallback={<PageLoading fullScreen />}>
        <Outlet />
      </Suspense>
    </PageErrorBoundary>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      {
        path: '/portal',
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHomePage /> },
          { path: 'achievements', element: <PortalAchievementsPage /> },
          { path: 'achievements/:id', element: <PortalAchievementPage /> },
          { path: 'demands', element: <PortalDemandsPage /> },
          { path: 'demands/:id', element: <PortalDemandPage /> },
          { path: 'challenges', element: <PortalChallengesPage /> },
          { path: 'challenges/:id', element: <PortalChallengePage /> },
          { path: 'calls', element: <PortalCallsPage /> },
          { path: 'platforms', element: <PortalPlatformsPage /> },
          { path: '*', element: <PortalNotFound /> },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <IndexPage /> },
              {
                element: <RequirePermission permission="platform:read" />,
                children: [
                  { path: 'platforms', element: <PlatformListPage /> },
                  { path: 'platforms/:id', element: <PlatformDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="funding:read" />,
                children: [
                  { path: 'funding', element: <FundingPage /> },
                  { path: 'funding/grants/:id', element: <GrantDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="organization:read" />,
                children: [{ path: 'organizations', element: <OrganizationsPage /> }],
              },
              { element: <RequirePermission permission="taxonomy:read" />, children: [{ path: 'taxonomy', element: <TaxonomyPage /> }] },
              {
                element: <RequirePermission permission="taxonomy:read" />,
                children: [{ path: 'catalogues', element: <CataloguesPage /> }],
              },
              {
                element: <RequirePermission permission="search-dictionary:write" />,
                children: [{ path: 'search/dictionary', element: <SearchDictionaryPage /> }],
              },
              { element: <RequirePermission permission="region:read" />, children: [{ path: 'regions', element: <RegionsPage /> }] },
              {
                element: <RequirePermission permission="import:write" />,
                children: [
                  { path: 'imports', element: <ImportsPage /> },
                  { path: 'imports/history', element: <ImportHistoryPage /> },
                ],
              },
              { element: <RequirePermission permission="user:read" />, children: [{ path: 'users', element: <UsersPage /> }] },
              { element: <RequirePermission permission="audit:read" />, children: [{ path: 'audit', element: <AuditPage /> }] },
              {
                element: <RequirePermission permission="cockpit:read" />,
                children: [
                  { path: 'cockpit', element: <CockpitPage /> },
                  { path: 'cockpit/platforms', element: <CockpitPlatformsPage /> },
                ],
              },
              {
                element: <RequirePermission permission="plan:read" />,
                children: [
                  { path: 'plans', element: <PlanListPage /> },
                  { path: 'plans/:id', element: <PlanDetailPage /> },
                  { path: 'targets/:id', element: <TargetDetailPage /> },
                  { path: 'tasks/:id', element: <TaskDetailPage /> },
                  { path: 'supervision', element: <SupervisionPage /> },
                ],
              },
              {
                element: <RequirePermission permission="plan:write" />,
                children: [
                  { path: 'plans/ingest', element: <PolicyIngestPage /> },
                  { path: 'plans/documents', element: <PolicyDocumentsPage /> },
                ],
              },
              {
                element: <RequirePermission permission="call:read" />,
                children: [
                  { path: 'calls', element: <CallListPage /> },
                  { path: 'calls/:id', element: <CallDetailPage /> },
                  { path: 'applications/:id', element: <ApplicationDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="application:write" />,
                children: [
                  { path: 'applications/mine', element: <MyApplicationsPage /> },
                  { path: 'applications/:id/edit', element: <ApplicationEditPage /> },
                ],
              },
              {
                element: <RequirePermission permission="application:review" />,
                children: [{ path: 'applications/review', element: <ReviewQueuePage /> }],
              },
              {
                element: <RequirePermission permission="annual-report:read" />,
                children: [
                  { path: 'annual-reports', element: <AnnualReportListPage /> },
                  { path: 'annual-reports/forms', element: <IndicatorFormsPage /> },
                  { path: 'annual-reports/:id', element: <AnnualReportDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="expert:read" />,
                children: [
                  { path: 'experts', element: <ExpertsPage /> },
                  { path: 'rubrics', element: <RubricsPage /> },
                ],
              },
              { element: <RequirePermission permission="panel:score" />, children: [{ path: 'my-reviews', element: <MyReviewsPage /> }] },
              {
                element: <RequirePermission permission="matching:read" />,
                children: [
                  { path: 'matching/demands/:id', element: <MatchingPage subject="demand" /> },
                  { path: 'matching/achievements/:id', element: <MatchingPage subject="achievement" /> },
                  { path: 'leads', element: <LeadsPage /> },
                  { path: 'leads/:id', element: <LeadDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="technology-contract:read" />,
                children: [
                  { path: 'technology-contracts', element: <ContractsPage /> },
                  { path: 'technology-contracts/:id', element: <ContractDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="evaluation:read" />,
                children: [
                  { path: 'evaluations', element: <EvaluationRoundsPage /> },
                  { path: 'evaluations/:id', element: <EvaluationRoundDetailPage /> },
                  { path: 'evaluation-formulas', element: <EvaluationFormulasPage /> },
                  { path: 'rectifications', element: <RectificationsPage /> },
                  { path: 'rectifications/:id', element: <RectificationDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="achievement:read" />,
                children: [
                  { path: 'achievements', element: <AchievementsPage /> },
                  { path: 'achievements/:id', element: <AchievementDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="achievement:write" />,
                children: [
                  { path: 'achievements/new', element: <AchievementFormPage /> },
                  { path: 'achievements/:id/edit', element: <AchievementFormPage /> },
                ],
              },
              {
                element: <RequirePermission permission="demand:read" />,
                children: [
                  { path: 'demands', element: <DemandsPage /> },
                  { path: 'demands/:id', element: <DemandDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="demand:write" />,
                children: [
                  { path: 'demands/new', element: <DemandFormPage /> },
                  { path: 'demands/:id/edit', element: <DemandFormPage /> },
                ],
              },
              {
                element: <RequirePermission permission="challenge:read" />,
                children: [
                  { path: 'challenges', element: <ChallengeListPage /> },
                  { path: 'challenges/:id', element: <ChallengeDetailPage /> },
                ],
              },
              {
                element: <RequirePermission permission="challenge:write" />,
                children: [{ path: 'challenges/new', element: <ChallengeNewPage /> }],
              },
              // Every signed-in user has reminders (the API asks only for a session).
              { path: 'todos', element: <TodosPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'account/security', element: <AccountSecurityPage /> },
              { path: 'help', element: <HelpPage /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
