import { ExperimentOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

/** The demo password is public by design: it only exists on instances started with demo data. */
const demoPassword = 'stip-demo-2025';

/** Lists the demo accounts; clicking one fills the login form. */
export function DemoAccountsPanel({ onPick }: { onPick: (username: string, password: string) => void }) {
  return (
    <Card
      style={{ width: 380, borderColor: '#faad14' }}
      title={
        <Flex align="center" gap={8}>
          <ExperimentOutlined style={{ color: '#d48806' }} />
          <span>{t.auth.demoTitle}</span>
          <Tag color="orange">{t.common.demoTag}</Tag>
        </Flex>
      }
      data-testid="demo-accounts"
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{t.auth.demoIntro}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t.common.labelled(t.auth.demoPassword)}
        <Typography.Text code copyable>
          {demoPassword}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t.auth.demoPick}
      </Typography.Paragraph>
      <Flex vertical gap={4}>
        {t.auth.demoAccounts.map((account) => (
          <button
            key={account.username}
            type="button"
            className="stip-demo-account"
            onClick={() => onPick(account.username, demoPassword)}
            data-testid={`demo-account-${account.username}`}
          >
            <Typography.Text strong style={{ minWidth: 90, display: 'inline-block' }}>
              {account.username}
            </Typography.Text>
            <Typography.Text type="secondary">{account.description}</Typography.Text>
          </button>
        ))}
      </Flex>
    </Card>
  );
}
