import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { CodeConfirmModal } from '../components/CodeConfirmModal';
import { EnrolmentPanel } from '../components/EnrolmentPanel';
import { RecoveryCodesView } from '../components/RecoveryCodesView';
import {
  useConfirmEnrolment,
  useDisableTwoFactor,
  useRegenerateRecoveryCodes,
  useStartEnrolment,
  useTwoFactorStatus,
} from '../hooks/useTwoFactor';

const text = t.twoFactor;

/** 账号安全: one's own two-factor sign-in — turn it on (scan, prove the first code), new recovery codes, turn it off. */
export default function AccountSecurityPage() {
  const status = useTwoFactorStatus();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const disable = useDisableTwoFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const notify = useNotify();
  const [asking, setAsking] = useState<'disable' | 'regenerate' | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (status.isPending) return <PageLoading />;
  if (status.isError) return <LoadFailed error={status.error} onRetry={() => void status.refetch()} />;
  const { enabled, required, enabledAt, recoveryCodesLeft } = status.data;

  const showCodes = (codes: string[]) => {
    setAsking(null);
    start.reset();
    setRecoveryCodes(codes);
  };

  return (
    <>
      <PageHeader title={text.pageTitle} />
      <Card
        title={
          <Flex align="center" gap={8}>
            <SafetyCertificateOutlined />
            {text.sectionTitle}
            <Tag color={enabled ? 'green' : 'default'} data-testid="two-factor-state">
              {enabled ? text.enabled : text.disabled}
            </Tag>
          </Flex>
        }
        style={{ maxWidth: 640 }}
      >
        <Typography.Paragraph type="secondary">{text.intro}</Typography.Paragraph>
        {required ? <Typography.Paragraph type="warning">{text.required}</Typography.Paragraph> : null}
        {enabled ? (
          <>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={text.enabledAt}>{formatDateTime(enabledAt)}</Descriptions.Item>
              <Descriptions.Item label={text.recoveryCodesLeft}>{text.recoveryCodesCount(recoveryCodesLeft)}</Descriptions.Item>
            </Descriptions>
            <Flex gap={8} wrap>
              <Button onClick={() => setAsking('regenerate')} data-testid="two-factor-regenerate">
                {text.regenerate}
              </Button>
              {required ? null : (
                <Button danger onClick={() => setAsking('disable')} data-testid="two-factor-disable">
                  {text.disable}
                </Button>
              )}
            </Flex>
          </>
        ) : start.data ? (
          <div style={{ maxWidth: 360 }}>
            <EnrolmentPanel
              enrolment={start.data}
              pending={confirm.isPending}
              onConfirm={(code) =>
                confirm.mutate(
                  { code },
                  {
                    onSuccess: (result) => {
                      notify.success(text.enabledDone);
                      showCodes(result.recoveryCodes);
                    },
                    onError: (error) => notify.error(error),
                  },
                )
              }
            />
          </div>
        ) : (
          <Button
            type="primary"
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onError: (error) => notify.error(error) })}
            data-testid="two-factor-enable"
          >
            {text.enable}
          </Button>
        )}
      </Card>

      <CodeConfirmModal
        open={asking === 'regenerate'}
        title={text.confirmRegenerateTitle}
        hint={text.confirmRegenerateHint}
        submitText={text.regenerate}
        pending={regenerate.isPending}
        onClose={() => setAsking(null)}
        onSubmit={(code) =>
          regenerate.mutate({ code }, { onSuccess: (result) => showCodes(result.recoveryCodes), onError: (error) => notify.error(error) })
        }
      />
      <CodeConfirmModal
        open={asking === 'disable'}
        title={text.confirmDisableTitle}
        hint={text.confirmDisableHint}
        submitText={text.disable}
        pending={disable.isPending}
        onClose={() => setAsking(null)}
        onSubmit={(code) =>
          disable.mutate(
            { code },
            {
              onSuccess: () => {
                setAsking(null);
                notify.success(text.disabledDone);
              },
              onError: (error) => notify.error(error),
            },
          )
        }
      />
      <Modal open={recoveryCodes !== null} title={text.recoveryTitle} footer={null} closable={false} maskClosable={false} destroyOnHidden>
        {recoveryCodes ? <RecoveryCodesView codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} /> : null}
      </Modal>
    </>
  );
}
