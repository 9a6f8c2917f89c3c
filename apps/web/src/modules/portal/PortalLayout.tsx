import './portal.css';
import { MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Drawer, Grid } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useOutletContext } from 'react-router-dom';
import { PageLoading } from '../../shared/components/PageLoading';
import { t } from '../../shared/i18n/zh-CN';
import { portalApi } from './api';
import { portalDocumentTitle, portalMenuKey, portalNav, portalTrail } from './portalPages';

interface PortalOutletContext {
  setRecordName: (name: string | undefined) => void;
}

/** A detail page names its record for the breadcrumb and the browser title. */
export function usePortalRecordName(name: string | undefined) {
  const { setRecordName } = useOutletContext<PortalOutletContext>();
  useEffect(() => {
    setRecordName(name);
    return () => setRecordName(undefined);
  }, [name, setRecordName]);
}

/** The home page's data (region name, counts, latest), shared with the header. */
export function useOverview() {
  return useQuery({ queryKey: ['portal', 'overview'], queryFn: portalApi.overview, staleTime: 60_000 });
}

/**
 * The public portal's frame (科技创新资源共享平台): its own header with the region's name, the sections, a link
 * to the management app; no admin menu, no session. Mobile first: under 768 px the sections open in a drawer.
 */
export default function PortalLayout() {
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? false;
  const [recordName, setRecordName] = useState<string | undefined>();
  const [menuOpen, setMenuOpen] = useState(false);
  const overview = useOverview();
  const regionName = overview.data?.regionName ?? null;
  const title = portalDocumentTitle(pathname, recordName);
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => setMenuOpen(false), [pathname]);
  const active = portalMenuKey(pathname);
  const links = portalNav.map((item) => (
    <NavLink key={item.path} to={item.path} end className={() => (active === item.path ? 'active' : '')}>
      {item.label}
    </NavLink>
  ));
  const trail = portalTrail(pathname, recordName);

  return (
    <div className="portal-root" data-testid="portal-layout">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/portal" className="portal-brand" data-testid="portal-brand">
            <span className="portal-brand-name">{t.portal.name}</span>
            {regionName ? <span className="portal-brand-region">{t.portal.regionSubtitle(regionName)}</span> : null}
          </Link>
          {isWide ? <nav className="portal-nav">{links}</nav> : null}
          <div className="portal-header-actions">
            {isWide ? (
              <Link to="/login" data-testid="portal-sign-in">
                <Button size="small" ghost>
                  {t.portal.signIn}
                </Button>
              </Link>
            ) : (
              <Button
                type="text"
                aria-label={t.portal.menu}
                icon={<MenuOutlined style={{ color: '#fff' }} />}
                onClick={() => setMenuOpen(true)}
                data-testid="portal-menu"
              />
            )}
          </div>
        </div>
      </header>
      <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="right" width={240} title={t.portal.menu}>
        <nav className="portal-drawer-nav" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {links}
          <Link to="/login">{t.portal.signIn}</Link>
        </nav>
      </Drawer>
      <main className="portal-main">
        {pathname !== '/portal' ? (
          <Breadcrumb
            style={{ marginBottom: 12 }}
            data-testid="breadcrumb"
            items={trail.map((step) => ({ title: step.to ? <Link to={step.to}>{step.label}</Link> : step.label }))}
          />
        ) : null}
        <Suspense fallback={<PageLoading />}>
          <Outlet context={{ setRecordName } satisfies PortalOutletContext} />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <div className="portal-footer-inner">
          {regionName ? `${regionName} · ` : ''}
          {t.portal.footer}
        </div>
      </footer>
    </div>
  );
}
