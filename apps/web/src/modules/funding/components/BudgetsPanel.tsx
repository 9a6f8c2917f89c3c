import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type Budget, zCreateBudget } from '@stip/contracts';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Progress, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { fundingApi } from '../api';
import { useBudgets, useFundingMutation } from '../hooks/useFunding';
import { DemoTag } from '../../../shared/components/DemoTag';

const text = t.funding.budget;
const yuan = t.funding.yuan;

/** Paid as a share of the budget, in whole per cent, from the exact 元 strings (display only). */
function usedPercent(budget: Budget): number {
  const amount = Number(budget.amount);
  return amount > 0 ? Math.min(100, Math.round((Number(budget.paid) / amount) * 1000) / 10) : 0;
}

interface BudgetFormValues {
  year: number;
  amount: string;
  remarks?: string;
}

function BudgetModal({ target, onClose }: { target: Budget | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm<BudgetFormValues>();
  const editing = target && target !== 'new' ? target : null;
  const create = useFundingMutation(fundingApi.createBudget);
  const update = useFundingMutation(({ id, body }: { id: string; body: Parameters<typeof fundingApi.updateBudget>[1] }) =>
    fundingApi.updateBudget(id, body),
  );
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);
  const close = () => {
    clearConflict();
    onClose();
  };
  const submit = (values: BudgetFormValues) => {
    const done = callbacks(editing !== null, close);
    if (editing)
      update.mutate(
        { id: editing.id, body: { amount: values.amount.trim(), remarks: values.remarks?.trim() || null, version: editing.version } },
        done,
      );
    else create.mutate({ year: values.year, amount: values.amount.trim(), remarks: values.remarks?.trim() || null }, done);
  };
  return (
    <Modal
      open={!!target}
      title={editing ? text.editTitle : text.createTitle}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'budget-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {conflict ? <Alert type="warning" showIcon message={t.errors.VERSION_CONFLICT} style={{ marginBottom: 12 }} /> : null}
      <Form<BudgetFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        clearOnDestroy
        initialValues={
          editing
            ? { year: editing.year, amount: editing.amount, remarks: editing.remarks ?? undefined }
            : { year: new Date().getFullYear() }
        }
      >
        <Form.Item
          name="year"
          label={text.year}
          rules={[{ required: true, message: t.common.required(text.year) }, schemaRule(zCreateBudget.shape.year)]}
        >
          <InputNumber min={2000} max={2100} precision={0} disabled={!!editing} style={{ width: 160 }} data-testid="budget-form-year" />
        </Form.Item>
        <Form.Item name="amount" label={text.amount} rules={[requiredText(text.amount), schemaRule(zCreateBudget.shape.amount)]}>
          <Input inputMode="decimal" data-testid="budget-form-amount" />
        </Form.Item>
        <Form.Item name="remarks" label={text.remarks} rules={[schemaRule(zCreateBudget.shape.remarks)]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 年度预算: each year's budget with what is granted, paid and left, and a bar of its use. */
export function BudgetsPanel({ canWrite }: { canWrite: boolean }) {
  const budgets = useBudgets();
  const [target, setTarget] = useState<Budget | 'new' | null>(null);
  if (budgets.isError) return <LoadFailed error={budgets.error} onRetry={() => void budgets.refetch()} />;
  return (
    <>
      {canWrite ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="budget-create">
            {text.create}
          </Button>
        </Flex>
      ) : null}
      <Table<Budget>
        size="small"
        rowKey="id"
        bordered
        loading={budgets.isFetching}
        dataSource={budgets.data?.items}
        pagination={false}
        locale={{ emptyText: text.empty }}
        data-testid="budget-table"
        columns={[
          {
            title: text.year,
            dataIndex: 'year',
            width: 90,
            render: (year: number, budget) => (
              <Flex gap={6} align="center">
                {year}
                {budget.isDemo ? <DemoTag /> : null}
              </Flex>
            ),
          },
          { title: text.amount, dataIndex: 'amount', width: 150, align: 'right', render: yuan },
          {
            title: text.granted,
            dataIndex: 'granted',
            width: 150,
            align: 'right',
            render: (granted: string, budget) =>
              Number(granted) > Number(budget.amount) ? (
                <Tooltip title={text.overGranted}>
                  <span style={{ color: '#d46b08' }}>{yuan(granted)}</span>
                </Tooltip>
              ) : (
                yuan(granted)
              ),
          },
          { title: text.paid, dataIndex: 'paid', width: 150, align: 'right', render: yuan },
          {
            title: text.remaining,
            dataIndex: 'remaining',
            width: 150,
            align: 'right',
            render: (remaining: string) => <span data-testid="budget-remaining">{yuan(remaining)}</span>,
          },
          {
            title: text.usage,
            key: 'usage',
            width: 220,
            render: (_: unknown, budget) => (
              <Tooltip title={text.usedPercent(yuan(budget.paid), yuan(budget.amount))}>
                <Progress percent={usedPercent(budget)} size="small" />
              </Tooltip>
            ),
          },
          { title: text.remarks, dataIndex: 'remarks', render: (remarks: string | null) => remarks ?? t.common.none },
          ...(canWrite
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, budget: Budget) => (
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setTarget(budget)}>
                      {t.common.edit}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <BudgetModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
