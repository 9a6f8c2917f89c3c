import { Tag, Tooltip } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

/**
 * How far to trust a suggestion, with its reason on hover. `doubts` (targets): 建议可信 only when the
 * server vouches for the whole reading (`isTrusted`); a confident mapping with doubts asks to check.
 */
export function ConfidenceTag({
  confidence,
  reason,
  isTrusted,
}: {
  confidence: number;
  reason?: string | undefined;
  isTrusted?: boolean | undefined;
}) {
  const byConfidence = confidence >= 0.85 ? 'high' : confidence >= 0.55 ? 'medium' : 'low';
  const level = isTrusted === false && byConfidence === 'high' ? 'medium' : byConfidence;
  const color = { high: 'green', medium: 'gold', low: 'red' }[level];
  const tag = (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t.ingest.review.confidence[level]}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
