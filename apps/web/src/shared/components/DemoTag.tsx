import { Tag } from 'antd';
import { t } from '../i18n/zh-CN';

/** Marks a record loaded as demo data (a detail page's title, a list's name column). */
export function DemoTag() {
  return (
    <Tag color="orange" data-testid="demo-tag">
      {t.common.demoTag}
    </Tag>
  );
}
