import { ArrowLeftOutlined, CheckOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import {
  allowedExpenditureCategories,
  type Expenditure,
  type ExpenditureCategory,
  expenditureCategoryLabels,
  forbiddenExpenditureCategories,
  formatFen,
  grantGradeLabels,
  type GrantDetail,
  grantKindLabels,
  grantKinds,
  parseYuan,
  type Payment,
  zCreateExpenditure,
  zCreateGrant,
  zCreatePayment,
} from '@stip/contracts';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Modal, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { requiredChoice, requiredText, schemaRule, toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan, useCurrentUser } from '../../accounts/hooks/useSession';
import { DemoTag } from '../../../shared/components/DemoTag';
import { fundingApi } from '../api';
import { GrantStatusTag } from '../components/GrantStatusTag';
import { useBudgets, useFundingMutation, useGrant } from '../hooks/useFunding';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const fields = t.funding.grant.fields;
const yuan = t.funding.yuan;

/** 分 left between two exact 元 strings (display and the form's own check; the server decides). */
const fenLeft = (total: string, used: string) => (parseYuan(total) ?? 0) - (parseYuan(used) ?? 0);

interface PaymentValues {
  paidOn: Dayjs;
  amount: string;
  voucherNo: string;
  remarks?: string;
}

/** Records a payment, showing the grant's and the year's budget balance it draws on. */
function PaymentCard({ grant }: { grant: GrantDetail }) {
  const [form] = Form.useForm<PaymentValues>();
  const user = useCurrentUser();
  const budgets = useBudgets(user.role !== 'host_user');
  const budget = budgets.data?.items.find((item) => item.year === grant.year);
  const pay = useFundingMutation((values: PaymentValues) =>
    fundingApi.pay(grant.id, {
      paidOn: toDateString(values.paidOn)!,
      amount: values.amount.trim(),
      voucherNo: values.voucherNo.trim(),
      remarks: values.remarks?.trim() || null,
    }),
  );
  const notify = useNotify();
  const { modal } = App.useApp();
  const grantLeft = fenLeft(grant.amount, grant.paid);
  const submit = (values: PaymentValues) =>
    modal.confirm({
      title: t.funding.payment.confirm(yuan(values.amount.trim()), grant.platform.name),
      onOk: () =>
        pay.mutateAsync(values).then(
          () => {
            notify.success(t.funding.payment.saved);
            form.resetFields();
          },
          (error: unknown) => notify.error(error, form),
        ),
    });
  return (
    <Card size="small" title={t.funding.payment.create} style={{ marginBottom: 12 }}>
      <Flex vertical gap={2} style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="payment-grant-balance">{t.funding.payment.grantBalance(yuan(grant.balance))}</Typography.Text>
        {budget ? (
          <Typography.Text data-testid="payment-budget-balance">
            {t.funding.payment.budgetBalance(budget.year, yuan(budget.remaining))}
          </Typography.Text>
        ) : null}
      </Flex>
      <Form<PaymentValues> form={form} layout="vertical" onFinish={submit} initialValues={{ paidOn: dayjs() }}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="paidOn" label={t.funding.payment.paidOn} rules={[requiredChoice(t.funding.payment.paidOn)]}>
              <DatePicker style={{ width: '100%' }} data-testid="payment-paid-on" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="amount"
              label={t.funding.payment.amount}
              rules={[
                requiredText(t.funding.payment.amount),
                schemaRule(zCreatePayment.shape.amount),
                {
                  validator: async (_rule, value: string | undefined) => {
                    const fen = value ? parseYuan(value) : null;
                    if (fen !== null && fen > grantLeft) throw new Error(`${t.funding.payment.overBalance}（${formatFen(grantLeft)}元）`);
                  },
                },
              ]}
            >
              <Input inputMode="decimal" data-testid="payment-amount" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="voucherNo"
              label={t.funding.payment.voucherNo}
              rules={[requiredText(t.funding.payment.voucherNo), schemaRule(zCreatePayment.shape.voucherNo)]}
            >
              <Input maxLength={60} data-testid="payment-voucher" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="remarks" label={t.funding.payment.remarks}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={pay.isPending} data-testid="payment-submit">
          {t.funding.payment.create}
        </Button>
      </Form>
    </Card>
  );
}

interface ExpenditureValues {
  category: ExpenditureCategory;
  amount: string;
  spentOn: Dayjs;
  description: string;
}

/** The host files how the money was spent; forbidden uses (seed 004) are listed apart and refused by the server. */
function ExpenditureForm({ grant }: { grant: GrantDetail }) {
  const [form] = Form.useForm<ExpenditureValues>();
  const file = useFundingMutation((values: ExpenditureValues) =>
    fundingApi.fileExpenditure(grant.id, {
      category: values.category,
      amount: values.amount.trim(),
      spentOn: toDateString(values.spentOn)!,
      description: values.description.trim(),
    }),
  );
  const notify = useNotify();
  const left = fenLeft(grant.paid, grant.spent);
  const text = t.funding.expenditure;
  const submit = (values: ExpenditureValues) =>
    file.mutate(values, {
      onSuccess: () => {
        notify.success(text.saved);
        form.resetFields();
      },
      onError: (error) => notify.error(error, form),
    });
  return (
    <Form<ExpenditureValues> form={form} layout="vertical" onFinish={submit} initialValues={{ spentOn: dayjs() }} style={{ marginTop: 12 }}>
      <Alert
        type="info"
        showIcon
        message={text.forbiddenHint}
        description={text.left(yuan(formatFen(left)))}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="category" label={text.category} rules={[requiredChoice(text.category)]}>
            <Select
              data-testid="expenditure-category"
              showSearch
              optionFilterProp="label"
              options={[
                {
                  label: text.allowedGroup,
                  title: text.allowedGroup,
                  options: allowedExpenditureCategories.map((value) => ({ value, label: expenditureCategoryLabels[value] })),
                },
                {
                  label: text.forbiddenGroup,
                  title: text.forbiddenGroup,
                  options: forbiddenExpenditureCategories.map((value) => ({ value, label: expenditureCategoryLabels[value] })),
                },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="amount" label={text.amount} rules={[requiredText(text.amount), schemaRule(zCreateExpenditure.shape.amount)]}>
            <Input inputMode="decimal" data-testid="expenditure-amount" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="spentOn" label={text.spentOn} rules={[requiredChoice(text.spentOn)]}>
            <DatePicker style={{ width: '100%' }} data-testid="expenditure-spent-on" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="description"
            label={text.description}
            rules={[requiredText(text.description), schemaRule(zCreateExpenditure.shape.description)]}
          >
            <Input maxLength={1000} data-testid="expenditure-description" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="expenditure-submit">
        {text.create}
      </Button>
    </Form>
  );
}

interface GrantEditValues {
  kind: GrantDetail['kind'];
  amount: string;
  basis: string;
}

/** Changes a proposed grant's kind, amount or basis before it is approved. */
function GrantEditModal({ grant, open, onClose }: { grant: GrantDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<GrantEditValues>();
  const update = useFundingMutation((values: GrantEditValues) =>
    fundingApi.updateGrant(grant.id, {
      kind: values.kind,
      amount: values.amount.trim(),
      basis: values.basis.trim(),
      version: grant.version,
    }),
  );
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);
  const close = () => {
    clearConflict();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t.funding.grant.editTitle}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'grant-edit-submit' }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {conflict ? <Alert type="warning" showIcon message={t.errors.VERSION_CONFLICT} style={{ marginBottom: 12 }} /> : null}
      <Form<GrantEditValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ kind: grant.kind, amount: grant.amount, basis: grant.basis }}
        onFinish={(values) => update.mutate(values, callbacks(true, close))}
      >
        <Form.Item name="kind" label={fields.kind} rules={[requiredChoice(fields.kind)]}>
          <Select options={grantKinds.map((kind) => ({ value: kind, label: grantKindLabels[kind] }))} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={fields.amountInput}
          rules={[requiredText(fields.amountInput), schemaRule(zCreateGrant.shape.amount)]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="basis" label={fields.basis} rules={[requiredText(fields.basis), schemaRule(zCreateGrant.shape.basis)]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A grant: its particulars and balance, lifecycle actions, payments (city staff record them) and expenditure lines (the host files them). */
export default function GrantDetailPage() {
  const { id } = useParams<{ id: string }>();
  const grant = useGrant(id);
  useRecordName(grant.data?.platform.name);
  const transition = useFundingMutation(({ action, reason, version }: { action: 'approve' | 'cancel'; reason?: string; version: number }) =>
    fundingApi.transition(id!, { action, version, reason: reason ?? null }),
  );
  const notify = useNotify();
  const { modal } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const canWrite = useCan('funding:write');
  const [cancelForm] = Form.useForm<{ reason: string }>();

  if (grant.isPending) return <PageLoading />;
  if (grant.isError) return <LoadFailed error={grant.error} onRetry={() => void grant.refetch()} backTo="/funding" />;
  const data = grant.data;

  const approve = () =>
    modal.confirm({
      title: t.funding.grant.approveConfirm,
      onOk: () =>
        transition.mutateAsync({ action: 'approve', version: data.version }).then(
          () => notify.success(t.funding.grant.approved),
          (error: unknown) => notify.error(error),
        ),
    });

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {data.platform.name}
            <GrantStatusTag status={data.status} />
            {data.isDemo ? <DemoTag /> : null}
          </Flex>
        }
        subtitle={
          <Link to="/funding">
            <ArrowLeftOutlined /> {t.funding.grant.back}
          </Link>
        }
        extra={
          <>
            {canWrite && data.status === 'proposed' ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="grant-edit">
                {t.funding.grant.edit}
              </Button>
            ) : null}
            {data.allowedActions.includes('approve') ? (
              <Button type="primary" icon={<CheckOutlined />} onClick={approve} data-testid="grant-approve">
                {t.funding.grant.approve}
              </Button>
            ) : null}
            {data.allowedActions.includes('cancel') ? (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="grant-cancel">
                {t.funding.grant.cancel}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={fields.year}>{data.year}</Descriptions.Item>
          <Descriptions.Item label={fields.kind}>{grantKindLabels[data.kind]}</Descriptions.Item>
          <Descriptions.Item label={fields.grade}>{data.grade ? grantGradeLabels[data.grade] : t.common.none}</Descriptions.Item>
          <Descriptions.Item label={fields.host}>{data.platform.hostOrganizationName}</Descriptions.Item>
          <Descriptions.Item label={fields.region}>{data.platform.regionName}</Descriptions.Item>
          <Descriptions.Item label={fields.amount}>{yuan(data.amount)}</Descriptions.Item>
          <Descriptions.Item label={fields.paid}>
            <span data-testid="grant-paid">{yuan(data.paid)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={fields.balance}>
            <span data-testid="grant-balance">{yuan(data.balance)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={fields.spent}>{yuan(data.spent)}</Descriptions.Item>
          <Descriptions.Item label={fields.basis} span={3}>
            {data.basis}
          </Descriptions.Item>
          {data.cancelReason ? (
            <Descriptions.Item label={fields.cancelReason} span={3}>
              {data.cancelReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {data.canPay ? <PaymentCard grant={data} /> : null}
      <Card size="small" title={t.funding.payment.title} style={{ marginBottom: 12 }}>
        <Table<Payment>
          size="small"
          rowKey="id"
          bordered
          pagination={false}
          dataSource={data.payments}
          locale={{ emptyText: t.funding.payment.empty }}
          data-testid="payment-table"
          columns={[
            { title: t.funding.payment.paidOn, dataIndex: 'paidOn', width: 120 },
            { title: t.funding.payment.amount, dataIndex: 'amount', width: 160, align: 'right', render: yuan },
            { title: t.funding.payment.voucherNo, dataIndex: 'voucherNo', width: 220 },
            { title: t.funding.payment.remarks, dataIndex: 'remarks', render: (remarks: string | null) => remarks ?? t.common.none },
          ]}
        />
      </Card>
      <Card size="small" title={t.funding.expenditure.title}>
        <Table<Expenditure>
          size="small"
          rowKey="id"
          bordered
          pagination={false}
          dataSource={data.expenditures}
          locale={{ emptyText: t.funding.expenditure.empty }}
          data-testid="expenditure-table"
          columns={[
            { title: t.funding.expenditure.spentOn, dataIndex: 'spentOn', width: 120 },
            {
              title: t.funding.expenditure.category,
              dataIndex: 'category',
              width: 180,
              render: (category: ExpenditureCategory) => expenditureCategoryLabels[category],
            },
            { title: t.funding.expenditure.amount, dataIndex: 'amount', width: 160, align: 'right', render: yuan },
            { title: t.funding.expenditure.description, dataIndex: 'description' },
          ]}
        />
        {data.canFileExpenditure ? <ExpenditureForm grant={data} /> : null}
      </Card>
      <GrantEditModal grant={data} open={editing} onClose={() => setEditing(false)} />
      <Modal
        open={cancelling}
        title={t.funding.grant.cancelTitle}
        onCancel={() => setCancelling(false)}
        onOk={() => cancelForm.submit()}
        okButtonProps={{ danger: true, 'data-testid': 'grant-cancel-confirm' }}
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        <Form
          form={cancelForm}
          layout="vertical"
          clearOnDestroy
          onFinish={(values: { reason: string }) =>
            transition.mutate(
              { action: 'cancel', reason: values.reason.trim(), version: data.version },
              {
                onSuccess: () => {
                  notify.success(t.funding.grant.cancelled);
                  setCancelling(false);
                },
                onError: (error) => notify.error(error, cancelForm),
              },
            )
          }
        >
          <Form.Item name="reason" label={t.funding.grant.cancelReason} rules={[requiredText(t.funding.grant.cancelReason)]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
