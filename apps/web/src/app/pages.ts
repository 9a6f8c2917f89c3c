import { matchRoutes } from 'react-router-dom';
import { t } from '../shared/i18n/zh-CN';
import { navItems } from './navigation';

/**
 * Every signed-in page's place in the product, in one table: its label, the page it is reached from (the
 * breadcrumb's previous step) and, for a page showing one record, that the record's name replaces the label once
 * loaded. The menu entry a page lights up is its own, or the nearest one up its chain of parents.
 */
export interface PageEntry {
  path: string;
  label: string;
  parent?: string;
  /** A detail page: the breadcrumb and title show the record's name (useRecordName), the label until it loads. */
  isRecord?: boolean;
}

const p = t.shell.pages;

const otherPages: PageEntry[] = [
  { path: '/platforms/:id', label: p.platformDetail, parent: '/platforms', isRecord: true },
  { path: '/funding/grants/:id', label: p.grantDetail, parent: '/funding', isRecord: true },
  { path: '/cockpit/platforms', label: t.cockpit.records.title, parent: '/cockpit' },
  { path: '/plans/:id', label: p.planDetail, parent: '/plans', isRecord: true },
  { path: '/targets/:id', label: p.targetDetail, parent: '/plans', isRecord: true },
  { path: '/tasks/:id', label: p.taskDetail, parent: '/plans', isRecord: true },
  { path: '/calls/:id', label: p.callDetail, parent: '/calls', isRecord: true },
  { path: '/applications/:id', label: p.applicationDetail, parent: '/calls', isRecord: true },
  { path: '/applications/:id/edit', label: p.applicationEdit, parent: '/applications/mine', isRecord: true },
  { path: '/annual-reports/forms', label: t.annualReports.formEditor.title, parent: '/annual-reports' },
  { path: '/annual-reports/:id', label: p.annualReportDetail, parent: '/annual-reports', isRecord: true },
  { path: '/evaluations/:id', label: p.evaluationDetail, parent: '/evaluations', isRecord: true },
  { path: '/evaluation-formulas', label: t.evaluations.formulaMenu, parent: '/evaluations' },
  { path: '/rectifications/:id', label: p.rectificationDetail, parent: '/rectifications', isRecord: true },
  { path: '/challenges/new', label: p.challengeNew, parent: '/challenges' },
  { path: '/challenges/:id', label: p.challengeDetail, parent: '/challenges', isRecord: true },
  { path: '/notifications', label: t.notifications.title },
  { path: '/account/security', label: t.twoFactor.pageTitle },
  { path: '/help', label: t.shell.help },
  { path: '/imports/history', label: t.importHistory.title, parent: '/imports' },
  { path: '/achievements/new', label: p.achievementNew, parent: '/achievements' },
  { path: '/achievements/:id', label: p.achievementDetail, parent: '/achievements', isRecord: true },
  { path: '/achievements/:id/edit', label: p.achievementEdit, parent: '/achievements/:id', isRecord: true },
  { path: '/demands/new', label: p.demandNew, parent: '/demands' },
  { path: '/demands/:id', label: p.demandDetail, parent: '/demands', isRecord: true },
  { path: '/demands/:id/edit', label: p.demandEdit, parent: '/demands/:id', isRecord: true },
  // Part C: matching, leads, technology contracts
  { path: '/matching/demands/:id', label: t.matching.pageTitle, parent: '/leads', isRecord: true },
  { path: '/matching/achievements/:id', label: t.matching.pageTitle, parent: '/leads', isRecord: true },
  { path: '/leads/:id', label: t.matching.leads.detailTitle, parent: '/leads', isRecord: true },
  { path: '/technology-contracts/:id', label: t.technologyContracts.detailTitle, parent: '/technology-contracts', isRecord: true },
];

export const pages: PageEntry[] = [...navItems.map(({ path, label }) => ({ path, label })), ...otherPages];

const byPath = new Map(pages.map((page) => [page.path, page]));
const menuPaths = new Set(navItems.map((item) => item.path));
const matchable = pages.map((page) => ({ path: page.path }));

/** The page a location shows (the most specific pattern wins: /plans/ingest before /plans/:id), if any. */
export function pageAt(pathname: string): PageEntry | undefined {
  const matches = matchRoutes(matchable, pathname);
  const pattern = matches?.[matches.length - 1]?.route.path;
  return pattern === undefined ? undefined : byPath.get(pattern);
}

/** The page and the pages it is reached from, outermost first: 平台库 → 平台详情. */
export function pageTrail(page: PageEntry): PageEntry[] {
  const trail = [page];
  for (let parent = page.parent && byPath.get(page.parent); parent; parent = parent.parent && byPath.get(parent.parent)) {
    trail.unshift(parent);
  }
  return trail;
}

/** The menu entry to light up: the page's own, else its nearest parent's (`/platforms/1` → 平台库). */
export function menuKeyAt(pathname: string): string | undefined {
  const page = pageAt(pathname);
  return page
    ? pageTrail(page)
        .reverse()
        .find((step) => menuPaths.has(step.path))?.path
    : undefined;
}
