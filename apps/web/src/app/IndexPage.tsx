import { Result } from 'antd';
import { lazy } from 'react';
import { Navigate } from 'react-router-dom';
import { t } from '../shared/i18n/zh-CN';
import { useCurrentUser } from '../modules/accounts/hooks/useSession';
import { landingPath } from './navigation';

const HomePage = lazy(() => import('../modules/platforms/pages/HomePage'));

/** `/`: the platform overview for those who read platforms; administrators go to their own page. */
export function IndexPage() {
  const user = useCurrentUser();
  const landing = landingPath(user);
  if (landing === '/') return <HomePage />;
  if (landing) return <Navigate to={landing} replace />;
  return <Result status="info" title={t.home.nothingTitle} subTitle={t.home.nothingHint} />;
}
