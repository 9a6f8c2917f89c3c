import type { CreateTechnologyContract, TechnologyContract } from '@stip/contracts';
import { contractProblems, zCreateTechnologyContract } from '@stip/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { requiredChoice, requiredText, schemaRule, toDateString } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useCreateContract, useUpdateContract } from '../hooks/useContracts';

const f = t.technologyContracts.fields;
const shape = zCreateTechnologyContract.shape;

interface FormValues {
  registrationNumber: string;
  title: string;
  amount: number;
  technologyAmount?: number | null;
  sellerOrganizationId?: string | null;
  sellerName?: string;
  buyerOrganizationId?: string | null;
  buyerName?: string;
  signedOn: Dayjs;
  registeredOn: Dayjs;
  regionId?: string | null;
}

/** A new contract's defaults: from a lead (its title and region), or empty. */
export interface ContractDraft {
  leadId?: string;
  title?: string;
  regionId?: string;
  buyerName?: string;
  sellerName?: string;
}

function initialValues(contract: TechnologyContract | null, draft: ContractDraft | undefined): Partial<FormValues> {
  if (!contract) {
    return {
      title: draft?.title,
      regionId: draft?.regionId,
      buyerName: draft?.buyerName,
      sellerName: draft?.sellerName,
      signedOn: dayjs(),
      registeredOn: dayjs(),
    };
  }
  return {
    registrationNumber: contract.registrationNumber,
    title: contract.title,
    amount: contract.amount,
    technologyAmount: contract.technologyAmount,
    sellerOrganizationId: contract.seller.organization?.id ?? null,
    sellerName: contract.seller.organization ? undefined : contract.seller.name,
    buyerOrganizationId: contract.buyer.organization?.id ?? null,
    buyerName: contract.buyer.organization ? undefined : contract.buyer.name,
    signedOn: dayjs(contract.signedOn),
    registeredOn: dayjs(contract.registeredOn),
    regionId: contract.region.id,
  };
}

/** Registers a technology contract (from a lead when `draft.leadId` is given) or changes one. */
export function ContractFormDrawer({
  open,
  contract,
  draft,
  onClose,
  onSaved,
  onReload,
}: {
  open: boolean;
  contract: TechnologyContract | null;
  draft?: ContractDraft;
  onClose: () => void;
  onSaved?: (contract: TechnologyContract) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateContract();
  const update = useUpdateContract();
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialValues(contract, draft));
    }
  }, [open, contract, draft, form]);

  const close = () => {
    clearConflict();
    onClose();
  };

  const submit = (values: FormValues) => {
    const body = {
      registrationNumber: values.registrationNumber.trim(),
      title: values.title.trim(),
      amount: values.amount,
      technologyAmount: values.technologyAmount ?? null,
      sellerOrganizationId: values.sellerOrganizationId ?? null,
      sellerName: values.sellerName?.trim() || undefined,
      buyerOrganizationId: values.buyerOrganizationId ?? null,
      buyerName: values.buyerName?.trim() || undefined,
      signedOn: toDateString(values.signedOn)!,
      registeredOn: toDateString(values.registeredOn)!,
      ...(values.regionId ? { regionId: values.regionId } : {}),
    };
    const problems = contractProblems(body);
    if (problems.length) {
      form.setFields(problems.map((problem) => ({ name: problem.field as keyof FormValues, errors: [problem.message] })));
      return;
    }
    const done = (saved: TechnologyContract) => {
      onSaved?.(saved);
      close();
    };
    if (contract) update.mutate({ id: contract.id, body: { ...body, version: contract.version } }, callbacks(true, done));
    else create.mutate({ ...body, ...(draft?.leadId ? { leadId: draft.leadId } : {}) } as CreateTechnologyContract, callbacks(false, done));
  };

  return (
    <EditDrawer
      open={open}
      title={contract ? t.technologyContracts.edit : t.technologyContracts.create}
      onClose={close}
      onSave={() => form.submit()}
      saving={create.isPending || update.isPending}
      conflict={conflict}
      onReload={() => void onReload?.().then(() => clearConflict())}
      reloading={false}
      saveTestId="contract-form-save"
    >
      {draft?.leadId ? <Alert type="info" showIcon message={t.technologyContracts.fromLead} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="registrationNumber"
              label={f.registrationNumber}
              rules={[requiredText(f.registrationNumber), schemaRule(shape.registrationNumber)]}
            >
              <Input maxLength={60} data-testid="contract-form-number" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="title" label={f.title} rules={[requiredText(f.title), schemaRule(shape.title)]}>
              <Input maxLength={300} data-testid="contract-form-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="amount" label={f.amount} rules={[requiredChoice(f.amount), schemaRule(shape.amount)]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="contract-form-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="technologyAmount" label={f.technologyAmount}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="contract-form-technology-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="regionId" label={f.region} rules={[requiredChoice(f.region)]}>
              <RegionTreeSelect data-testid="contract-form-region" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sellerOrganizationId" label={f.sellerOrganization} extra={t.technologyContracts.partyHint}>
              <OrganizationSelect data-testid="contract-form-seller-organization" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sellerName" label={f.sellerName}>
              <Input maxLength={200} data-testid="contract-form-seller-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="buyerOrganizationId" label={f.buyerOrganization}>
              <OrganizationSelect data-testid="contract-form-buyer-organization" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="buyerName" label={f.buyerName}>
              <Input maxLength={200} data-testid="contract-form-buyer-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signedOn" label={f.signedOn} rules={[requiredChoice(f.signedOn)]}>
              <DatePicker style={{ width: '100%' }} data-testid="contract-form-signed-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="registeredOn" label={f.registeredOn} rules={[requiredChoice(f.registeredOn)]}>
              <DatePicker style={{ width: '100%' }} data-testid="contract-form-registered-on" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditDrawer>
  );
}
