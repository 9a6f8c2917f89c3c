import type { MySeat } from '@stip/contracts';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { tableScroll } from '../../../shared/components/tableDefaults';
import { splitDemoMarks, withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { ConcludeModal } from '../components/ConcludeModal';
import { DeclarationModal } from '../components/DeclarationModal';
import { ScoreDrawer } from '../components/ScoreDrawer';
import { SeatStatusTag } from '../components/SeatStatusTag';
import { useMySeats } from '../hooks/useExperts';

const text = t.experts.mine;

/** Less important columns, hidden until the expert picks them in 列设置: the default columns fit at 1280 px. */
const defaultHidden = ['application.callTitle'];

/** 我的评审: the signed-in expert's seats — declare, then score and submit; the chair writes the consensus. */
export default function MyReviewsPage() {
  const seats = useMySeats();
  const [declaring, setDeclaring] = useState<MySeat | null>(null);
  const [scoringPanelId, setScoringPanelId] = useState<string | null>(null);
  const [concludingPanelId, setConcludingPanelId] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={text.title}
        subtitle={<Typography.Text type="secondary">{t.common.total(seats.data?.total ?? 0)}</Typography.Text>}
      />
      {seats.isError ? (
        <LoadFailed error={seats.error} onRetry={() => void seats.refetch()} />
      ) : (
        <ChoosableTable<MySeat>
          tableKey="my-reviews"
          defaultHidden={defaultHidden}
          emptyText={text.empty}
          size="small"
          rowKey="seatId"
          bordered
          loading={seats.isFetching}
          dataSource={seats.data?.items}
          scroll={{ y: tableScroll.y }}
          pagination={false}
          data-testid="my-review-table"
          columns={[
            {
              title: text.application,
              dataIndex: ['application', 'platformName'],
              fixed: 'left',
              width: 260,
              // A demo application says 演示 once, in its tag, not again at the end of its name.
              render: (name: string, row) => {
                const platform = splitDemoMarks(name);
                return (
                  <Space size={4} wrap>
                    {platform.text}
                    {platform.isDemo ? <DemoTag /> : null}
                    {row.isChair ? <Tag color="gold">{text.chair}</Tag> : null}
                  </Space>
                );
              },
            },
            { title: text.organization, dataIndex: ['application', 'organizationName'], width: 200 },
            { title: text.type, dataIndex: ['application', 'typeName'], width: 160 },
            { title: text.call, dataIndex: ['application', 'callTitle'], width: 200, render: (title: string) => withoutDemoMark(title) },
            { title: text.dueOn, dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? t.common.none },
            {
              title: text.status,
              dataIndex: 'status',
              width: 130,
              render: (status: MySeat['status'], row) =>
                row.concludedAt ? <Tag bordered={false}>{text.concluded}</Tag> : <SeatStatusTag status={status} />,
            },
            {
              title: t.common.actions,
              key: 'actions',
              fixed: 'right',
              width: 160,
              render: (_: unknown, row) => (
                <Space size={0}>
                  {row.status === 'pending_declaration' && !row.concludedAt ? (
                    <Button type="link" size="small" onClick={() => setDeclaring(row)} data-testid="seat-declare">
                      {text.declare}
                    </Button>
                  ) : null}
                  {row.status === 'scoring' && !row.concludedAt ? (
                    <Button type="link" size="small" onClick={() => setScoringPanelId(row.panelId)} data-testid="seat-score">
                      {text.score}
                    </Button>
                  ) : null}
                  {row.status === 'submitted' ? (
                    <Button type="link" size="small" onClick={() => setScoringPanelId(row.panelId)}>
                      {text.view}
                    </Button>
                  ) : null}
                  {row.isChair && row.status === 'submitted' && !row.concludedAt ? (
                    <Button type="link" size="small" onClick={() => setConcludingPanelId(row.panelId)} data-testid="seat-conclude">
                      {text.conclude}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <DeclarationModal seat={declaring} onClose={() => setDeclaring(null)} onDeclared={(seat) => setScoringPanelId(seat.panelId)} />
      <ScoreDrawer panelId={scoringPanelId} onClose={() => setScoringPanelId(null)} />
      <ConcludeModal panelId={concludingPanelId} onClose={() => setConcludingPanelId(null)} />
    </>
  );
}
