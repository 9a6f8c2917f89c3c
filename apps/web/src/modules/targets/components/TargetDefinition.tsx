import type { Target } from '@stip/contracts';
import { Descriptions, Space, Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const fields = t.targets.fields;

/** Which platforms a computed target counts, as the target's definition says. */
export function TargetDefinition({ target }: { target: Target }) {
  const filter = target.filter;
  if (!filter) return null;
  const tags = (items: string[]) =>
    items.length ? (
      <Space size={[4, 4]} wrap>
        {items.map((item) => (
          <Tag key={item} bordered={false} color="blue" style={{ marginInlineEnd: 0 }}>
            {item}
          </Tag>
        ))}
      </Space>
    ) : (
      t.targets.anyValue
    );
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="target-definition">
      <Descriptions.Item label={fields.types} span="filled">
        {tags(filter.types.map((type) => type.name))}
      </Descriptions.Item>
      <Descriptions.Item label={fields.levels}>{tags(filter.levels.map((level) => t.labels.platformLevel[level]))}</Descriptions.Item>
      <Descriptions.Item label={fields.systems}>{tags(filter.systems.map((system) => system.name))}</Descriptions.Item>
      <Descriptions.Item label={fields.statuses}>
        {tags(filter.statuses.map((status) => t.labels.platformStatus[status]))}
      </Descriptions.Item>
      <Descriptions.Item label={fields.region}>{filter.region.name}</Descriptions.Item>
      {target.coverageRegion ? <Descriptions.Item label={fields.coverageRegion}>{target.coverageRegion.name}</Descriptions.Item> : null}
    </Descriptions>
  );
}
