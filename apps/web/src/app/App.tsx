import './global.css';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import { RouterProvider } from 'react-router-dom';
import { isApiError } from '../shared/api/client';
import { useReducedMotion } from '../shared/hooks/useReducedMotion';
import { router } from './router';
import { theme } from './theme';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (no session, no permission, not found, bad input) will not change by asking again.
      retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

/** The same theme without Ant Design's motion, for readers whose system asks for less. */
const reducedMotionTheme = { ...theme, token: { ...theme.token, motion: false } };

/** Providers: data cache, Ant Design in Chinese with the STIP theme, antd's App for message and modal; no motion when the system asks for less. */
export function App() {
  const reducedMotion = useReducedMotion();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={reducedMotion ? reducedMotionTheme : theme}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
