import { Card, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs from 'dayjs';
import { toDateString } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { DraftPlan } from '../draft';

const fields = t.plans.fields;

interface PlanMetaFormProps {
  plan: DraftPlan;
  onChange: (patch: Partial<DraftPlan>) => void;
}

/** The plan's particulars as guessed from the document's head, each editable. */
export function PlanMetaForm({ plan, onChange }: PlanMetaFormProps) {
  return (
    <Card size="small" title={t.ingest.review.plan} style={{ marginBottom: 12 }}>
      <Form layout="vertical" data-testid="ingest-plan">
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Form.Item label={fields.title} required style={{ marginBottom: 8 }}>
              <Input
                value={plan.title}
                maxLength={200}
                onChange={(event) => onChange({ title: event.target.value })}
                data-testid="ingest-plan-title"
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={7}>
            <Form.Item label={fields.issuingBody} style={{ marginBottom: 8 }}>
              <Input
                value={plan.issuingBody}
                maxLength={100}
                onChange={(event) => onChange({ issuingBody: event.target.value })}
                data-testid="ingest-plan-issuing-body"
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={7}>
            <Form.Item label={fields.documentNo} style={{ marginBottom: 8 }}>
              <Input
                value={plan.documentNo}
                maxLength={100}
                onChange={(event) => onChange({ documentNo: event.target.value })}
                data-testid="ingest-plan-document-no"
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={5}>
            <Form.Item label={fields.issuedOn} style={{ marginBottom: 8 }}>
              <DatePicker
                value={plan.issuedOn ? dayjs(plan.issuedOn) : null}
                onChange={(value) => onChange({ issuedOn: toDateString(value) })}
                style={{ width: '100%' }}
                data-testid="ingest-plan-issued-on"
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={9}>
            <Form.Item label={fields.period} required style={{ marginBottom: 8 }}>
              <DatePicker.RangePicker
                value={[plan.periodStart ? dayjs(plan.periodStart) : null, plan.periodEnd ? dayjs(plan.periodEnd) : null]}
                allowEmpty={[true, true]}
                onChange={(values) => onChange({ periodStart: toDateString(values?.[0]), periodEnd: toDateString(values?.[1]) })}
                style={{ width: '100%' }}
                data-testid="ingest-plan-period"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={10}>
            <Form.Item label={fields.region} required extra={t.plans.regionHint} style={{ marginBottom: 8 }}>
              <RegionTreeSelect
                value={plan.regionId}
                onChange={(regionId) => onChange({ regionId: regionId ?? null })}
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="ingest-plan-region"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
