import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { PlatformType } from '@stip/contracts';
import { Button, Card, Empty, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { RetireTypeModal } from '../components/RetireTypeModal';
import { SystemFormModal, type SystemFormTarget } from '../components/SystemFormModal';
import { TypeFormModal, type TypeFormTarget } from '../components/TypeFormModal';
import { TypeTable } from '../components/TypeTable';
import { useTaxonomy } from '../hooks/useTaxonomy';

export default function TaxonomyPage() {
  const taxonomy = useTaxonomy();
  const canWrite = useCan('taxonomy:write');
  const list = useListParams();
  const [systemTarget, setSystemTarget] = useState<SystemFormTarget | null>(null);
  const [typeTarget, setTypeTarget] = useState<TypeFormTarget | null>(null);
  const [retiring, setRetiring] = useState<PlatformType | null>(null);

  if (taxonomy.isPending) return <PageLoading />;
  if (taxonomy.isError) return <LoadFailed error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;

  const { systems, types } = taxonomy.data;
  // The open tab lives in the URL, so a link can point at one system.
  const activeSystemId = systems.some((system) => system.id === list.get('systemId')) ? list.get('systemId')! : systems[0]?.id;

  return (
    <>
      <PageHeader
        title={t.taxonomy.title}
        extra={
          canWrite ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setSystemTarget({ mode: 'create' })}>
                {t.taxonomy.createSystem}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTypeTarget({ mode: 'create', systemId: activeSystemId })}>
                {t.taxonomy.createType}
              </Button>
            </>
          ) : null
        }
      />
      <Card size="small">
        {systems.length === 0 ? (
          <Empty description={t.taxonomy.empty} />
        ) : (
          <Tabs
            activeKey={activeSystemId}
            onChange={(systemId) => list.update({ systemId })}
            items={systems.map((system) => {
              const systemTypes = types.filter((type) => type.systemId === system.id);
              return {
                key: system.id,
                label: t.taxonomy.systemTab(system.name, systemTypes.length),
                children: (
                  <>
                    <Flex justify="space-between" align="start" gap={12}>
                      <Typography.Paragraph type="secondary">{system.description ?? ''}</Typography.Paragraph>
                      {canWrite ? (
                        <Button size="small" icon={<EditOutlined />} onClick={() => setSystemTarget({ mode: 'edit', system })}>
                          {t.taxonomy.editSystem}
                        </Button>
                      ) : null}
                    </Flex>
                    <TypeTable
                      types={systemTypes}
                      canWrite={canWrite}
                      onEdit={(type) => setTypeTarget({ mode: 'edit', type })}
                      onRetire={setRetiring}
                    />
                  </>
                ),
              };
            })}
          />
        )}
      </Card>
      <SystemFormModal target={systemTarget} onClose={() => setSystemTarget(null)} />
      <TypeFormModal target={typeTarget} onClose={() => setTypeTarget(null)} />
      <RetireTypeModal type={retiring} onClose={() => setRetiring(null)} />
    </>
  );
}
