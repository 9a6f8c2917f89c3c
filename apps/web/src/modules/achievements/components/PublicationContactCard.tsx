import { contactFields } from '@stip/contracts';
import { Card, Checkbox, Col, Form, Input, Row } from 'antd';
import { schemaRule } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.sharing;

type FieldSchema = Parameters<typeof schemaRule>[0];

interface Props {
  /** The record kind, for its field labels. */
  kind: 'achievement' | 'demand';
  /** The contract's schemas of the contact fields (the kind's `z…Fields.shape`). */
  shape: { contactName: FieldSchema; contactPhone: FieldSchema; contactEmail: FieldSchema };
}

/** The contact fields of an achievement's or a demand's form, and which of them the portal may show. */
export function PublicationContactCard({ kind, shape }: Props) {
  const fields = text[kind].fields;
  return (
    <Card size="small" title={fields.publishedContact}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label={fields.contactName} rules={[schemaRule(shape.contactName)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label={fields.contactPhone} rules={[schemaRule(shape.contactPhone)]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactEmail" label={fields.contactEmail} rules={[schemaRule(shape.contactEmail)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="publishedContact" label={fields.publishedContact} extra={text.publishedContactHint}>
            <Checkbox.Group options={contactFields.map((f) => ({ value: f, label: text.contactField[f] }))} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
