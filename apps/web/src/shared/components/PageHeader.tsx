import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** Buttons on the right. */
  extra?: ReactNode;
  /** A line under the title (counts, hints). */
  subtitle?: ReactNode;
}

export function PageHeader({ title, extra, subtitle }: PageHeaderProps) {
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <div style={{ marginTop: 2 }}>{subtitle}</div> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
