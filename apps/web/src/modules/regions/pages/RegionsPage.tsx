import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Region, RegionNode } from '@stip/contracts';
import { Button, Card, Empty, Flex, Space, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { childLevels, RegionFormModal, type RegionFormTarget } from '../components/RegionFormModal';
import { useRegionTree } from '../hooks/useRegions';

const levelColor: Record<Region['level'], string> = { province: 'purple', city: 'blue', county: 'cyan', zone: 'gold' };

interface TreeItem {
  key: string;
  region: Region;
  children: TreeItem[];
}

function toItems(nodes: RegionNode[]): TreeItem[] {
  return nodes.map(({ children, ...region }) => ({ key: region.id, region, children: toItems(children) }));
}

export default function RegionsPage() {
  const tree = useRegionTree();
  const canWrite = useCan('region:write');
  const [target, setTarget] = useState<RegionFormTarget | null>(null);
  const items = useMemo(() => toItems(tree.data ?? []), [tree.data]);

  if (tree.isPending) return <PageLoading />;
  if (tree.isError) return <LoadFailed error={tree.error} onRetry={() => void tree.refetch()} />;

  return (
    <>
      <PageHeader
        title={t.regions.title}
        extra={
          canWrite ? (
            <Button icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parent: null })}>
              {t.regions.addRoot}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        {items.length === 0 ? (
          <Empty description={t.regions.empty} />
        ) : (
          <Tree<TreeItem>
            treeData={items}
            defaultExpandAll
            blockNode
            selectable={false}
            data-testid="region-tree"
            titleRender={({ region }) => (
              <Flex align="center" gap={8} className="stip-tree-row">
                <Typography.Text strong={region.level !== 'zone'}>{region.name}</Typography.Text>
                <Tag color={levelColor[region.level]} bordered={false}>
                  {t.labels.regionLevel[region.level]}
                </Tag>
                {region.code ? <Typography.Text type="secondary">{region.code}</Typography.Text> : null}
                {canWrite ? (
                  <Space size={0} className="stip-tree-actions">
                    {childLevels(region.level).length > 0 ? (
                      <Button
                        size="small"
                        type="link"
                        icon={<PlusOutlined />}
                        onClick={() => setTarget({ mode: 'create', parent: region })}
                      >
                        {t.regions.addChild}
                      </Button>
                    ) : null}
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', region })}>
                      {t.regions.edit}
                    </Button>
                  </Space>
                ) : null}
              </Flex>
            )}
          />
        )}
      </Card>
      <RegionFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
