import { matchRoutes } from 'react-router-dom';
import { t } from '../../shared/i18n/zh-CN';

/**
 * The portal's pages, like the signed-in app's page table (app/pages.ts) but its own: label, the page it is
 * reached from, and whether a record's name replaces the label. Breadcrumbs and browser titles come from it.
 */
export interface PortalPage {
  path: string;
  label: string;
  parent?: string;
  isRecord?: boolean;
}

const n = t.portal.nav;
export const portalNav = [
  { path: '/portal', label: n.home },
  { path: '/portal/achievements', label: n.achievements },
  { path: '/portal/demands', label: n.demands },
  { path: '/portal/challenges', label: n.challenges },
  { path: '/portal/calls', label: n.calls },
  { path: '/portal/platforms', label: n.platforms },
] as const;

export const portalPages: PortalPage[] = [
  { path: '/portal', label: n.home },
  ...portalNav.slice(1).map((item) => ({ path: item.path, label: item.label, parent: '/portal' })),
  { path: '/portal/achievements/:id', label: t.portal.pages.achievement, parent: '/portal/achievements', isRecord: true },
  { path: '/portal/demands/:id', label: t.portal.pages.demand, parent: '/portal/demands', isRecord: true },
  { path: '/portal/challenges/:id', label: t.portal.pages.challenge, parent: '/portal/challenges', isRecord: true },
];

const byPath = new Map(portalPages.map((page) => [page.path, page]));

export function portalPageAt(pathname: string): PortalPage | undefined {
  const matches = matchRoutes(
    portalPages.map((page) => ({ path: page.path })),
    pathname,
  );
  const pattern = matches?.[matches.length - 1]?.route.path;
  return pattern === undefined ? undefined : byPath.get(pattern);
}

/** The breadcrumb steps to a portal page (links to the pages above it), the record's name last once loaded. */
export function portalTrail(pathname: string, recordName: string | undefined): { label: string; to?: string }[] {
  const page = portalPageAt(pathname) ?? { path: pathname, label: t.portal.notFound };
  const trail: PortalPage[] = [page];
  for (let parent = page.parent && byPath.get(page.parent); parent; parent = parent.parent && byPath.get(parent.parent))
    trail.unshift(parent);
  return trail.map((step, index) =>
    index === trail.length - 1 ? { label: step.isRecord && recordName ? recordName : step.label } : { label: step.label, to: step.path },
  );
}

/** The browser title: the page (or record) first, then the section, then the portal's name. */
export function portalDocumentTitle(pathname: string, recordName: string | undefined): string {
  const labels = portalTrail(pathname, recordName)
    .filter((step) => step.to !== '/portal')
    .map((step) => step.label)
    .reverse();
  return t.portal.documentTitle(...(labels.length && pathname !== '/portal' ? labels : []));
}

/** The menu entry a page lights up: its own, else its section's. */
export function portalMenuKey(pathname: string): string {
  const page = portalPageAt(pathname);
  if (!page) return '';
  return page.isRecord && page.parent ? page.parent : page.path;
}
