import type { Panel } from '@stip/contracts';
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.experts.panel;

/** A panel's result: mean, spread, rank among the call's applications, outliers. */
export function PanelResultView({ panel }: { panel: Panel }) {
  const r = panel.result;
  if (!r.isComplete) return <Alert type="info" showIcon message={text.incomplete(r.submitted, r.seats)} />;
  return (
    <Descriptions size="small" bordered column={3} data-testid="panel-result">
      <Descriptions.Item label={text.mean}>
        <Typography.Text strong>{r.mean}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={text.range}>{r.range}</Descriptions.Item>
      <Descriptions.Item label={text.stdDev}>{r.stdDev}</Descriptions.Item>
      <Descriptions.Item label={text.rank}>{r.rank ? text.rankValue(r.rank, r.rankedAmong) : t.common.none}</Descriptions.Item>
      <Descriptions.Item label={text.outliers} span={2}>
        {r.outliers.length ? (
          <Space size={[0, 4]} wrap>
            {r.outliers.map((o) => (
              <Tag key={o.expertId} color="red" bordered={false}>
                {o.name}（{o.total}，{o.deviation > 0 ? '+' : ''}
                {o.deviation}）
              </Tag>
            ))}
          </Space>
        ) : (
          t.common.none
        )}
        <Typography.Text type="secondary">{text.outlierThreshold(r.outlierThreshold)}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}
