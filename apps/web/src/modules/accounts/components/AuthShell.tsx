import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../shared/i18n/zh-CN';

/** The frame of the pages shown before signing in: the system's name above the form. */
export function AuthShell({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: 'linear-gradient(160deg, #0e3a73 0%, #1d5aa6 55%, #e8eef7 55%)' }}
    >
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 28, letterSpacing: 2, textAlign: 'center' }}>
        {t.app.title}
      </Typography.Title>
      <Flex gap={24} wrap justify="center" align="flex-start">
        {children}
        {aside}
      </Flex>
    </Flex>
  );
}
