import type { TwoFactorEnrolment } from '@stip/contracts';
import { Flex, QRCode, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { CodeForm } from './CodeForm';

const text = t.twoFactor;

/** Scan the secret's QR code (or type the secret), then prove it with the first code; only that code turns it on. */
export function EnrolmentPanel({
  enrolment,
  onConfirm,
  pending,
}: {
  enrolment: TwoFactorEnrolment;
  onConfirm: (code: string) => void;
  pending: boolean;
}) {
  return (
    <Flex vertical gap={12} data-testid="two-factor-enrolment">
      <Typography.Text strong>{text.scanTitle}</Typography.Text>
      <Flex justify="center">
        <QRCode value={enrolment.otpauthUri} size={180} bordered={false} data-testid="two-factor-qr" />
      </Flex>
      <Typography.Text type="secondary">{text.scanHint}</Typography.Text>
      <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="two-factor-secret">
        {enrolment.secret}
      </Typography.Text>
      <Typography.Text strong>{text.verifyTitle}</Typography.Text>
      <CodeForm onSubmit={onConfirm} pending={pending} submitText={text.verifySubmit} />
    </Flex>
  );
}
