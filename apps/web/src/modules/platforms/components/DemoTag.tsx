import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

/** Marks a record loaded as demo data (the detail page's title and the list's name column). */
export function DemoTag() {
  return (
    <Tag color="orange" data-testid="demo-tag">
      {t.common.demoTag}
    </Tag>
  );
}

export { withoutDemoMark } from './demoName';
