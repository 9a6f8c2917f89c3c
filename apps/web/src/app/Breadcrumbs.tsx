import { Breadcrumb } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { t } from '../shared/i18n/zh-CN';
import { navItems } from './navigation';
import { type PageEntry, pageAt, pageTrail } from './pages';

interface Step {
  label: string;
  /** A link back to that page; the current page and section headings have none. */
  to?: string;
}

/** The steps to the current page: the menu section, the pages it is reached from, then the page (or its record). */
export function breadcrumbSteps(pathname: string, recordName: string | undefined): Step[] {
  const page: PageEntry = pageAt(pathname) ?? { path: pathname, label: t.shell.pages.notFound };
  const trail = pageTrail(page);
  const group = navItems.find((item) => item.path === trail[0]?.path)?.group;
  return [
    ...(group ? [{ label: t.menuGroups[group] }] : []),
    ...trail.map((step, index): Step => {
      const isLast = index === trail.length - 1;
      const label = isLast && step.isRecord && recordName ? recordName : step.label;
      return isLast || step.isRecord ? { label } : { label, to: step.path };
    }),
  ];
}

/** The browser tab's title: the page (or record) first, then the pages above it, then the system's name. */
export function documentTitle(pathname: string, recordName: string | undefined): string {
  const steps = breadcrumbSteps(pathname, recordName).filter((step, index, all) => step.to || index === all.length - 1);
  return t.shell.documentTitle(...steps.map((step) => step.label).reverse());
}

/** Shown above every signed-in page; also keeps the browser title in step with it. */
export function Breadcrumbs({ recordName }: { recordName: string | undefined }) {
  const { pathname } = useLocation();
  const steps = breadcrumbSteps(pathname, recordName);
  const title = documentTitle(pathname, recordName);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <Breadcrumb
      aria-label={t.shell.breadcrumb}
      data-testid="breadcrumb"
      style={{ marginBottom: 8 }}
      items={steps.map((step) => ({ title: step.to ? <Link to={step.to}>{step.label}</Link> : step.label }))}
    />
  );
}
