import { Typography } from 'antd';
import { t } from '../i18n/zh-CN';

/** A read-only, indented view of a JSON value (audit before/after). */
export function JsonView({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t.audit.noContent}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
        background: '#f6f8fb',
        border: '1px solid #e5e9f0',
        borderRadius: 4,
        padding: 8,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
