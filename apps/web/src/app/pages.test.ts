import type { RouteObject } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { breadcrumbSteps, documentTitle } from './Breadcrumbs';
import { menuKeyAt, pageAt } from './pages';
import { router } from './router';

/** Every path the router serves to a signed-in user, as absolute patterns. */
function routePaths(routes: RouteObject[], prefix = ''): string[] {
  return routes.flatMap((route) => {
    const path = route.path === undefined ? prefix : `${prefix.replace(/\/$/, '')}/${route.path.replace(/^\//, '')}`;
    const own = route.path !== undefined || route.index ? [path || '/'] : [];
    return [...own, ...routePaths(route.children ?? [], path)];
  });
}

describe('the page table', () => {
  it('knows every page the router serves', () => {
    // The public portal (/portal…) has its own page table (modules/portal/portalPages.ts).
    const served = routePaths(router.routes).filter((path) => !['/login', '/setup', '/*'].includes(path) && !path.startsWith('/portal'));
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((path) => pageAt(path.replaceAll(':id', '00000000-0000-4000-8000-000000000000')) === undefined)).toEqual([]);
  });

  it('lights up a page reached from the menu under its own entry, not its parent’s', () => {
    expect(menuKeyAt('/plans/ingest')).toBe('/plans/ingest');
    expect(menuKeyAt('/plans')).toBe('/plans');
    expect(menuKeyAt('/plans/1')).toBe('/plans');
    expect(menuKeyAt('/applications/mine')).toBe('/applications/mine');
    expect(menuKeyAt('/applications/1/edit')).toBe('/applications/mine');
    expect(menuKeyAt('/annual-reports/forms')).toBe('/annual-reports');
    expect(menuKeyAt('/')).toBe('/');
    expect(menuKeyAt('/no-such-page')).toBeUndefined();
  });

  it('ends a detail page’s breadcrumb with the record’s name once loaded, its label until then', () => {
    expect(breadcrumbSteps('/platforms/1', '达州市钒钛新材料重点实验室')).toEqual([
      { label: '工作台' },
      { label: '平台库', to: '/platforms' },
      { label: '达州市钒钛新材料重点实验室' },
    ]);
    expect(breadcrumbSteps('/platforms/1', undefined).at(-1)).toEqual({ label: '平台详情' });
  });

  it('titles each page with its own name first and the system’s last', () => {
    expect(documentTitle('/platforms', undefined)).toBe('平台库 - 科技创新平台体系管理系统');
    expect(documentTitle('/platforms/1', '某重点实验室')).toBe('某重点实验室 - 平台库 - 科技创新平台体系管理系统');
    expect(documentTitle('/plans/ingest', undefined)).toBe('导入政策文件 - 科技创新平台体系管理系统');
    expect(documentTitle('/annual-reports/forms', undefined)).toBe('年度报告指标表 - 年度报告 - 科技创新平台体系管理系统');
  });
});
