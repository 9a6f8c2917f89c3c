import { type PlatformType, zRetirePlatformType } from '@stip/contracts';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { isApiError } from '../../../shared/api/client';
import { requiredChoice, schemaRule, toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useRetireType, useTaxonomy } from '../hooks/useTaxonomy';
import { PlatformTypeSelect } from './PlatformTypeSelect';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface RetireFormValues {
  successorTypeId?: string | null;
  effectiveDate: Dayjs;
  note?: string;
}

const fields = t.taxonomy.retireFields;

/** 撤、并、转: retire a type, optionally converting its platforms into a successor type from a given day. */
export function RetireTypeModal({ type, onClose }: { type: PlatformType | null; onClose: () => void }) {
  const [form] = Form.useForm<RetireFormValues>();
  const taxonomy = useTaxonomy();
  const retire = useRetireType();
  const notify = useNotify();
  const [conflict, setConflict] = useState(false);
  const successorTypeId = Form.useWatch('successorTypeId', form);
  const current = type ? (taxonomy.data?.types.find((candidate) => candidate.id === type.id) ?? type) : null;

  const close = () => {
    setConflict(false);
    onClose();
  };

  const submit = (values: RetireFormValues) => {
    if (!current) return;
    retire.mutate(
      {
        id: current.id,
        body: {
          successorTypeId: values.successorTypeId ?? null,
          effectiveDate: toDateString(values.effectiveDate)!,
          note: values.note?.trim() || undefined,
          version: current.version,
        },
      },
      {
        onSuccess: (result) => {
          notify.success(t.taxonomy.retireDone(result.convertedPlatforms));
          close();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') setConflict(true);
          else notify.error(error, form);
        },
      },
    );
  };

  return (
    <Modal
      open={!!type}
      title={current ? t.taxonomy.retireTitle(current.name) : ''}
      width={640}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.taxonomy.retireConfirm}
      okButtonProps={{ danger: true, disabled: conflict }}
      confirmLoading={retire.isPending}
      destroyOnHidden
    >
      {conflict ? (
        <ConflictAlert reloading={taxonomy.isFetching} onReload={() => void taxonomy.refetch().then(() => setConflict(false))} />
      ) : null}
      {current ? (
        <Alert
          type={successorTypeId ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          message={
            successorTypeId
              ? t.taxonomy.retireWillConvert(current.platformCount, current.name)
              : t.taxonomy.retireNoConvert(current.platformCount)
          }
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveDate: dayjs() }} clearOnDestroy>
        <Form.Item name="successorTypeId" label={fields.successor}>
          <PlatformTypeSelect activeOnly exclude={current ? [current.id] : []} placeholder={t.taxonomy.retireNoSuccessor} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={fields.effectiveDate} rules={[requiredChoice(fields.effectiveDate)]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={fields.note} rules={[schemaRule(zRetirePlatformType.shape.note)]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t.taxonomy.retireNotePlaceholder} />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
