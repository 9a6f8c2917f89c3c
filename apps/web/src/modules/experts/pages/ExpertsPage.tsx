import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { Expert } from '@stip/contracts';
import { zSuspendExpert } from '@stip/contracts';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { ExpertFormModal } from '../components/ExpertFormModal';
import { useDeleteExpert, useExpertSettings, useExperts, useSaveExpertSettings, useSetSuspended } from '../hooks/useExperts';

const fields = t.experts.fields;

/** 专家库: the pool, with filters; city staff keep it (create, edit, suspend, remove), other staff read it masked. */
export default function ExpertsPage() {
  const list = useListParams();
  const canWrite = useCan('expert:write');
  const { modal } = App.useApp();
  const notify = useNotify();
  const remove = useDeleteExpert();
  const [editing, setEditing] = useState<Expert | 'new' | null>(null);
  const [suspending, setSuspending] = useState<Expert | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const suspendedValue = list.get('suspended');
  const query = {
    keyword: list.get('keyword'),
    field: list.get('field'),
    suspended: suspendedValue === undefined ? undefined : suspendedValue === 'true',
    limit: list.pageSize,
    offset: list.offset,
  };
  const experts = useExperts(query);

  const confirmDelete = (expert: Expert) =>
    modal.confirm({
      title: t.common.deleteTitle(expert.name),
      content: t.common.deleteHint,
      okText: t.common.delete,
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(
          { id: expert.id, version: expert.version },
          { onSuccess: () => notify.success(t.common.deleted), onError: (error) => notify.error(error) },
        ),
    });

  return (
    <>
      <PageHeader
        title={t.experts.title}
        subtitle={<Typography.Text type="secondary">{t.common.total(experts.data?.total ?? 0)}</Typography.Text>}
        extra={
          canWrite ? (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="expert-settings">
                {t.experts.settings}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="expert-create">
                {t.experts.create}
              </Button>
            </>
          ) : null
        }
      />
      {!canWrite ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t.experts.maskedHint} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <SearchInput
            value={list.get('keyword')}
            onSearch={(keyword) => list.update({ keyword })}
            placeholder={t.experts.keywordPlaceholder}
            width={260}
            data-testid="expert-keyword"
          />
          <SearchInput
            value={list.get('field')}
            onSearch={(field) => list.update({ field })}
            placeholder={t.experts.fieldPlaceholder}
            width={200}
          />
          <Select
            allowClear
            placeholder={t.experts.suspendedFilter}
            value={suspendedValue}
            onChange={(value: string | undefined) => list.update({ suspended: value })}
            options={[
              { value: 'false', label: t.experts.active },
              { value: 'true', label: t.experts.suspendedLabel },
            ]}
            style={{ width: 120 }}
          />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {experts.isError ? (
        <LoadFailed error={experts.error} onRetry={() => void experts.refetch()} />
      ) : (
        <Table<Expert>
          size="small"
          rowKey="id"
          bordered
          loading={experts.isFetching}
          dataSource={experts.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: t.common.empty }}
          pagination={pagination(list.page, list.pageSize, experts.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="expert-table"
          columns={[
            {
              title: fields.name,
              dataIndex: 'name',
              fixed: 'left',
              width: 170,
              render: (name: string, row) => (
                <Space size={4}>
                  {row.isDemo ? withoutDemoMark(name) : name}
                  {row.isDemo ? <DemoTag /> : null}
                </Space>
              ),
            },
            { title: fields.title, dataIndex: 'title', width: 120 },
            { title: fields.organization, dataIndex: ['organization', 'name'], width: 220 },
            { title: fields.region, dataIndex: ['region', 'name'], width: 100, render: (v?: string) => v ?? t.common.none },
            {
              title: fields.fields,
              dataIndex: 'fields',
              width: 240,
              render: (values: string[]) => (
                <Space size={[0, 4]} wrap>
                  {values.map((field) => (
                    <Tag key={field} color="blue" bordered={false}>
                      {field}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: fields.phone, dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? t.common.none },
            { title: fields.idNumber, dataIndex: 'idNumber', width: 180, render: (v: string | null) => v ?? t.common.none },
            { title: fields.panelsThisYear, dataIndex: 'panelsThisYear', width: 110, align: 'right' },
            {
              title: fields.status,
              dataIndex: 'suspended',
              width: 160,
              render: (suspended: boolean, row) =>
                suspended ? (
                  <Space direction="vertical" size={0}>
                    <Tag color="red" bordered={false}>
                      {t.experts.suspendedLabel}
                    </Tag>
                    <Typography.Text type="secondary">{row.suspendedReason}</Typography.Text>
                  </Space>
                ) : (
                  <Tag color="green" bordered={false}>
                    {t.experts.active}
                  </Tag>
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: t.common.actions,
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 170,
                    render: (_: unknown, row: Expert) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(row)}>
                          {t.common.edit}
                        </Button>
                        <Button type="link" size="small" onClick={() => setSuspending(row)} data-testid="expert-suspend">
                          {row.suspended ? t.experts.reinstate : t.experts.suspend}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => confirmDelete(row)}>
                          {t.common.delete}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <ExpertFormModal target={editing} onClose={() => setEditing(null)} />
      <SuspendModal expert={suspending} onClose={() => setSuspending(null)} />
      <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  );
}

function SuspendModal({ expert, onClose }: { expert: Expert | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useSetSuspended();
  const notify = useNotify();
  const suspend = !expert?.suspended;
  return (
    <Modal
      open={!!expert}
      title={expert ? (suspend ? t.experts.suspendTitle(expert.name) : t.experts.reinstateTitle(expert.name)) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={suspend ? t.experts.suspend : t.experts.reinstate}
      okButtonProps={{ danger: suspend, 'data-testid': 'expert-suspend-submit' }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {suspend ? <Typography.Paragraph type="secondary">{t.experts.suspendHint}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        onFinish={(values) =>
          expert &&
          mutation.mutate(
            { id: expert.id, suspend, body: { reason: values.reason.trim(), version: expert.version } },
            {
              onSuccess: () => {
                notify.success(suspend ? t.experts.suspended : t.experts.reinstated);
                onClose();
              },
              onError: (error) => notify.error(error, form),
            },
          )
        }
      >
        <Form.Item name="reason" label={t.experts.reason} rules={[requiredText(t.experts.reason), schemaRule(zSuspendExpert.shape.reason)]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="expert-suspend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const settings = useExpertSettings(open);
  const save = useSaveExpertSettings();
  const notify = useNotify();
  const [form] = Form.useForm<{ yearlyPanelCap: number; outlierThreshold: number }>();
  return (
    <Modal
      open={open}
      title={t.experts.settingsTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {settings.data ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={settings.data}
          onFinish={(values) =>
            save.mutate(
              { ...values, version: settings.data!.version },
              {
                onSuccess: () => {
                  notify.success(t.experts.settingsSaved);
                  onClose();
                },
                onError: (error) => notify.error(error, form),
              },
            )
          }
        >
          <Form.Item
            name="yearlyPanelCap"
            label={fields.yearlyPanelCap}
            rules={[{ required: true, message: t.common.required(fields.yearlyPanelCap) }]}
          >
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item
            name="outlierThreshold"
            label={fields.outlierThreshold}
            rules={[{ required: true, message: t.common.required(fields.outlierThreshold) }]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        </Form>
      ) : settings.isError ? (
        <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
    </Modal>
  );
}
