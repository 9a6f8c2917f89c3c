import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  evaluationGrades,
  grantGradeLabels,
  grantKindLabels,
  grantKinds,
  platformLevels,
  type SubsidyRule,
  zCreateSubsidyRule,
} from '@stip/contracts';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { requiredChoice, requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { fundingApi } from '../api';
import { useFundingMutation, useSubsidyRules } from '../hooks/useFunding';

const text = t.funding.rule;

interface RuleFormValues {
  level: SubsidyRule['level'];
  typeId?: string;
  grade: SubsidyRule['grade'];
  kind: SubsidyRule['kind'];
  amount: string;
}

function RuleModal({ target, onClose }: { target: SubsidyRule | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm<RuleFormValues>();
  const editing = target && target !== 'new' ? target : null;
  const create = useFundingMutation(fundingApi.createRule);
  const update = useFundingMutation(({ id, body }: { id: string; body: Parameters<typeof fundingApi.updateRule>[1] }) =>
    fundingApi.updateRule(id, body),
  );
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);
  const close = () => {
    clearConflict();
    onClose();
  };
  const submit = (values: RuleFormValues) => {
    const done = callbacks(editing !== null, close);
    if (editing)
      update.mutate({ id: editing.id, body: { amount: values.amount.trim(), kind: values.kind, version: editing.version } }, done);
    else
      create.mutate(
        { level: values.level, typeId: values.typeId ?? null, grade: values.grade, kind: values.kind, amount: values.amount.trim() },
        done,
      );
  };
  return (
    <Modal
      open={!!target}
      title={editing ? text.editTitle : text.createTitle}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'rule-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {conflict ? <Alert type="warning" showIcon message={t.errors.VERSION_CONFLICT} style={{ marginBottom: 12 }} /> : null}
      <Form<RuleFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        clearOnDestroy
        initialValues={
          editing
            ? {
                level: editing.level,
                typeId: editing.typeId ?? undefined,
                grade: editing.grade,
                kind: editing.kind,
                amount: editing.amount,
              }
            : { level: 'city', grade: 'excellent', kind: 'award' }
        }
      >
        <Form.Item name="level" label={text.level} rules={[requiredChoice(text.level)]}>
          <Select disabled={!!editing} options={platformLevels.map((level) => ({ value: level, label: t.labels.platformLevel[level] }))} />
        </Form.Item>
        <Form.Item name="typeId" label={text.type}>
          {editing ? (
            <Input disabled value={editing.typeName ?? text.allTypes} />
          ) : (
            <PlatformTypeSelect activeOnly placeholder={text.allTypes} />
          )}
        </Form.Item>
        <Form.Item name="grade" label={text.grade} rules={[requiredChoice(text.grade)]}>
          <Select disabled={!!editing} options={evaluationGrades.map((grade) => ({ value: grade, label: grantGradeLabels[grade] }))} />
        </Form.Item>
        <Form.Item name="kind" label={text.kind} rules={[requiredChoice(text.kind)]}>
          <Select options={grantKinds.map((kind) => ({ value: kind, label: grantKindLabels[kind] }))} />
        </Form.Item>
        <Form.Item name="amount" label={text.amount} rules={[requiredText(text.amount), schemaRule(zCreateSubsidyRule.shape.amount)]}>
          <Input inputMode="decimal" data-testid="rule-form-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 资助标准: what each grade earns by platform level (or type), editable by city staff. */
export function RulesPanel({ canWrite }: { canWrite: boolean }) {
  const rules = useSubsidyRules();
  const remove = useFundingMutation(({ id, version }: { id: string; version: number }) => fundingApi.removeRule(id, version));
  const notify = useNotify();
  const { modal } = App.useApp();
  const [target, setTarget] = useState<SubsidyRule | 'new' | null>(null);
  if (rules.isError) return <LoadFailed error={rules.error} onRetry={() => void rules.refetch()} />;
  const confirmRemove = (rule: SubsidyRule) =>
    modal.confirm({
      title: text.deleteConfirm,
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync({ id: rule.id, version: rule.version }).then(
          () => notify.success(text.deleted),
          (error: unknown) => notify.error(error),
        ),
    });
  return (
    <>
      {canWrite ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="rule-create">
            {t.funding.rule.create}
          </Button>
        </Flex>
      ) : null}
      <Table<SubsidyRule>
        size="small"
        rowKey="id"
        bordered
        loading={rules.isFetching}
        dataSource={rules.data?.items}
        pagination={false}
        locale={{ emptyText: text.empty }}
        data-testid="rule-table"
        columns={[
          { title: text.level, dataIndex: 'level', width: 90, render: (level: SubsidyRule['level']) => t.labels.platformLevel[level] },
          { title: text.typeColumn, dataIndex: 'typeName', render: (name: string | null) => name ?? text.allTypes },
          {
            title: text.grade,
            dataIndex: 'grade',
            width: 90,
            render: (grade: SubsidyRule['grade']) => <Tag color={grade === 'excellent' ? 'green' : 'blue'}>{grantGradeLabels[grade]}</Tag>,
          },
          { title: text.kind, dataIndex: 'kind', width: 100, render: (kind: SubsidyRule['kind']) => grantKindLabels[kind] },
          { title: text.amount, dataIndex: 'amount', width: 160, align: 'right', render: t.funding.yuan },
          ...(canWrite
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, rule: SubsidyRule) => (
                    <Space size={0}>
                      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setTarget(rule)}>
                        {t.common.edit}
                      </Button>
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => confirmRemove(rule)}>
                        {t.common.delete}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RuleModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
