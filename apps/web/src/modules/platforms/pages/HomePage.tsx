import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useCallback } from 'react';
import { registeredPlatformStatuses } from '@stip/contracts';
import { Link, useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { t } from '../../../shared/i18n/zh-CN';
import { CountChart } from '../components/CountChart';
import { usePlatformCounts } from '../hooks/usePlatforms';

/** The platform overview: counts by system, level, status and region, each a way into the filtered list. */
export default function HomePage() {
  const counts = usePlatformCounts();
  const navigate = useNavigate();
  const open = useCallback((key: string, value: string) => navigate(`/platforms?${new URLSearchParams({ [key]: value })}`), [navigate]);
  const openSystem = useCallback((value: string) => open('systemId', value), [open]);
  const openLevel = useCallback((value: string) => open('level', value), [open]);
  const openStatus = useCallback((value: string) => open('status', value), [open]);
  const openRegion = useCallback((value: string) => open('regionId', value), [open]);

  if (counts.isPending) return <PageLoading />;
  if (counts.isError) return <LoadFailed error={counts.error} onRetry={() => void counts.refetch()} />;
  const data = counts.data;

  return (
    <>
      <PageHeader title={t.home.title} subtitle={<Typography.Text type="secondary">{t.home.clickHint}</Typography.Text>} />
      {data.total === 0 ? (
        <Card>
          <Empty description={t.home.empty} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic
                title={`${t.home.total}（${t.home.totalNote}）`}
                value={data.registered}
                suffix={t.home.countUnit}
                valueStyle={{ color: '#1d4f91', fontSize: 40 }}
                data-testid="home-total-registered"
              />
              <div>
                <Link
                  to={`/platforms?${new URLSearchParams({ status: registeredPlatformStatuses.join(',') })}`}
                  data-testid="home-open-registered"
                >
                  {t.home.openList}
                </Link>
              </div>
              <Link to="/platforms" data-testid="home-open-list">
                <Typography.Text type="secondary">{t.home.allStatuses(data.total)}</Typography.Text>
              </Link>
            </Card>
          </Col>
          <Col xs={24} md={18}>
            <Card size="small" title={t.home.bySystem}>
              <CountChart
                kind="bar"
                height={200}
                data={data.bySystem.map((item) => ({ key: item.id, name: item.name, value: item.count }))}
                onSelect={openSystem}
                data-testid="home-chart-system"
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t.home.byLevel}>
              <CountChart
                kind="pie"
                data={data.byLevel.map((item) => ({ key: item.level, name: t.labels.platformLevel[item.level], value: item.count }))}
                onSelect={openLevel}
                data-testid="home-chart-level"
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t.home.byStatus}>
              <CountChart
                kind="pie"
                data={data.byStatus.map((item) => ({ key: item.status, name: t.labels.platformStatus[item.status], value: item.count }))}
                onSelect={openStatus}
                data-testid="home-chart-status"
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t.home.byRegion}>
              {data.byRegion.some((item) => item.count > 0) ? (
                <CountChart
                  kind="bar"
                  horizontal
                  height={Math.max(220, data.byRegion.length * 28)}
                  data={data.byRegion.map((item) => ({ key: item.id, name: item.name, value: item.count }))}
                  onSelect={openRegion}
                  data-testid="home-chart-region"
                />
              ) : (
                // The server groups by the level below the viewer's scope; say why the chart is empty rather than draw an empty axis.
                <Empty description={t.home.byRegionEmpty} data-testid="home-chart-region-empty" />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
