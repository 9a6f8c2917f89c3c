import type { Plan } from '@stip/contracts';
import { Button, Descriptions } from 'antd';
import { useState } from 'react';
import { formatDate, formatText } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';

const fields = t.plans.fields;

/** The plan's heading facts, with its source text folded away. */
export function PlanDescriptions({ plan }: { plan: Plan }) {
  const [showSource, setShowSource] = useState(false);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="plan-descriptions">
      <Descriptions.Item label={fields.issuingBody}>{formatText(plan.issuingBody)}</Descriptions.Item>
      <Descriptions.Item label={fields.documentNo}>{formatText(plan.documentNo)}</Descriptions.Item>
      <Descriptions.Item label={fields.issuedOn}>{formatDate(plan.issuedOn)}</Descriptions.Item>
      <Descriptions.Item label={fields.period}>{t.plans.period(plan.periodStart, plan.periodEnd)}</Descriptions.Item>
      <Descriptions.Item label={fields.region}>{plan.regionName}</Descriptions.Item>
      <Descriptions.Item
        label={`${fields.targetCount} / ${fields.taskCount}`}
      >{`${plan.targetCount} / ${plan.taskCount}`}</Descriptions.Item>
      <Descriptions.Item label={fields.sourceText} span="filled">
        {plan.sourceText ? (
          <>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setShowSource((shown) => !shown)}>
              {showSource ? t.plans.sourceTextHide : t.plans.sourceTextShow}
            </Button>
            {showSource ? (
              <div style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto', marginTop: 4 }}>{plan.sourceText}</div>
            ) : null}
          </>
        ) : (
          t.plans.sourceTextEmpty
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
