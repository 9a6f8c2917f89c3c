import { Alert, Button, Flex, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.twoFactor;

/** The recovery codes, shown this once (the server keeps only their hashes). */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Flex vertical gap={12} data-testid="two-factor-recovery-codes">
      <Alert type="warning" showIcon message={text.recoveryTitle} description={text.recoveryHint} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, max-content)', gap: '6px 32px', justifyContent: 'center' }}>
        {codes.map((code) => (
          <Typography.Text key={code} code style={{ fontSize: 15 }}>
            {code}
          </Typography.Text>
        ))}
      </div>
      <Flex justify="center">
        <Typography.Paragraph copyable={{ text: codes.join('\n'), tooltips: [text.copy, text.copied] }} style={{ margin: 0 }}>
          {text.copy}
        </Typography.Paragraph>
      </Flex>
      <Button type="primary" block onClick={onDone} data-testid="two-factor-recovery-done">
        {text.recoverySaved}
      </Button>
    </Flex>
  );
}
