import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type Organization, type QualificationKind, qualificationKinds, zCreateQualification } from '@stip/contracts';
import { Button, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { requiredChoice, schemaRule, toDateString, toNullableText } from '../../../shared/forms/rules';
import { formatDate, todayString } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useAddQualification, useRemoveQualification } from '../hooks/useOrganizations';

interface QualificationFormValues {
  kind: QualificationKind;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  certificateNo?: string;
}

const text = t.organizations.qualifications;

/** The enterprise's qualifications over time (科技型中小企业, 高新技术企业 …), with add and remove. */
export function QualificationsPanel({ organization, canWrite }: { organization: Organization; canWrite: boolean }) {
  const [form] = Form.useForm<QualificationFormValues>();
  const add = useAddQualification();
  const remove = useRemoveQualification();
  const notify = useNotify();
  const today = todayString();

  const submit = (values: QualificationFormValues) => {
    add.mutate(
      {
        id: organization.id,
        body: {
          kind: values.kind,
          validFrom: toDateString(values.validFrom)!,
          validTo: toDateString(values.validTo),
          certificateNo: toNullableText(values.certificateNo),
        },
      },
      {
        onSuccess: () => {
          notify.success(text.added);
          form.resetFields();
        },
        onError: (error) => notify.error(error, form),
      },
    );
  };

  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={organization.qualifications}
        locale={{ emptyText: text.empty }}
        columns={[
          {
            title: text.kind,
            dataIndex: 'kind',
            render: (kind: QualificationKind, row) => (
              <>
                {t.labels.qualificationKind[kind]}
                {row.validTo && row.validTo < today ? (
                  <Tag color="default" style={{ marginLeft: 6 }}>
                    {text.expired}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: text.validFrom, dataIndex: 'validFrom', render: formatDate },
          { title: text.validTo, dataIndex: 'validTo', render: (value: string | null) => (value ? formatDate(value) : t.common.longTerm) },
          { title: text.certificateNo, dataIndex: 'certificateNo', render: (value: string | null) => value ?? t.common.none },
          ...(canWrite
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  width: 70,
                  render: (_: unknown, row: Organization['qualifications'][number]) => (
                    <Popconfirm
                      title={text.removeTitle(t.labels.qualificationKind[row.kind])}
                      okText={t.common.delete}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutateAsync(
                          { id: organization.id, qualificationId: row.id },
                          { onSuccess: () => notify.success(text.removed), onError: (error) => notify.error(error) },
                        )
                      }
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t.common.delete} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {text.add}
          </Typography.Title>
          <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
            <Form.Item name="kind" rules={[requiredChoice(text.kind)]}>
              <Select
                placeholder={text.kind}
                style={{ width: 150 }}
                options={qualificationKinds.map((kind) => ({ value: kind, label: t.labels.qualificationKind[kind] }))}
              />
            </Form.Item>
            <Form.Item name="validFrom" rules={[requiredChoice(text.validFrom)]}>
              <DatePicker placeholder={text.validFrom} />
            </Form.Item>
            <Form.Item
              name="validTo"
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('validFrom') as Dayjs | undefined;
                    if (value && from && value.isBefore(from, 'day')) throw new Error(text.validToBeforeFrom);
                  },
                }),
              ]}
            >
              <DatePicker placeholder={text.validTo} />
            </Form.Item>
            <Form.Item name="certificateNo" rules={[schemaRule(zCreateQualification.shape.certificateNo)]}>
              <Input placeholder={text.certificateNo} style={{ width: 160 }} maxLength={60} />
            </Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
              {text.add}
            </Button>
          </Form>
          <Typography.Text type="secondary">{text.validToHint}</Typography.Text>
        </>
      ) : null}
    </>
  );
}
