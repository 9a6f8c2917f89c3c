import { type Platform, zUpdatePlatform } from '@stip/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { useUpdatePlatform } from '../hooks/usePlatforms';

interface DescribeValues {
  director?: string;
  technicalFields?: string[];
  remarks?: string;
}

const fields = t.platformFields;
const shape = zUpdatePlatform.shape;

/**
 * 完善平台信息: what a host organisation may change of a platform it hosts — its director, research directions and
 * remarks (the server's `editableFields`); the registry's own fields stay with the bureau.
 */
export function PlatformDescribeModal({
  platform,
  onClose,
  onReload,
}: {
  platform: Platform | null;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const [form] = Form.useForm<DescribeValues>();
  const update = useUpdatePlatform();
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);
  const close = () => {
    clearConflict();
    onClose();
  };
  const submit = (values: DescribeValues) => {
    if (!platform) return;
    update.mutate(
      {
        id: platform.id,
        body: {
          version: platform.version,
          director: toNullableText(values.director),
          technicalFields: (values.technicalFields ?? []).map((field) => field.trim()).filter(Boolean),
          remarks: toNullableText(values.remarks),
        },
      },
      callbacks(true, close),
    );
  };
  return (
    <Modal
      open={!!platform}
      title={t.platforms.describeTitle}
      width={640}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'platform-describe-submit' }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {conflict ? (
        <ConflictAlert
          onReload={() =>
            void onReload().then(() => {
              clearConflict();
              close();
            })
          }
          reloading={false}
        />
      ) : null}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t.platforms.describeHint} />
      {platform ? (
        <Form<DescribeValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          clearOnDestroy
          initialValues={{
            director: platform.director ?? undefined,
            technicalFields: platform.technicalFields,
            remarks: platform.remarks ?? undefined,
          }}
          data-testid="platform-describe-form"
        >
          <Form.Item name="director" label={fields.director} rules={[schemaRule(shape.director)]}>
            <Input maxLength={60} data-testid="platform-describe-director" />
          </Form.Item>
          <Form.Item name="technicalFields" label={fields.technicalFields} rules={[schemaRule(shape.technicalFields)]}>
            <Select
              mode="tags"
              tokenSeparators={t.common.tagSeparators}
              open={false}
              placeholder={t.platforms.technicalFieldsPlaceholder}
            />
          </Form.Item>
          <Form.Item name="remarks" label={fields.remarks} rules={[schemaRule(shape.remarks)]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
