import { Tag, Tooltip } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

/** How far to trust a suggestion, with its reason on hover. */
export function ConfidenceTag({ confidence, reason }: { confidence: number; reason?: string }) {
  const level = confidence >= 0.85 ? 'high' : confidence >= 0.55 ? 'medium' : 'low';
  const color = { high: 'green', medium: 'gold', low: 'red' }[level];
  const tag = (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t.ingest.review.confidence[level]}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
