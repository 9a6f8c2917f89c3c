import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import type { ExcludedExpert, Panel, PanelSeat } from '@stip/contracts';
import { Button, Card, DatePicker, Descriptions, Empty, Flex, Form, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { expertsApi } from '../api';
import { useApplicationPanels, useChooseChair, useDrawPanel } from '../hooks/useExperts';
import { PanelResultView } from './PanelResultView';
import { SeatStatusTag } from './SeatStatusTag';

const text = t.experts.panel;

/**
 * The expert review of one application, for its detail page: draw a panel (staff who keep the pool),
 * then its members and their state, the experts ruled out with their reasons, scores, the result and
 * the chair's consensus. The application detail page places it: `<ApplicationPanelCard applicationId={id} />`.
 */
export function ApplicationPanelCard({ applicationId }: { applicationId: string }) {
  const panels = useApplicationPanels(applicationId);
  const canDraw = useCan('expert:write');
  const latest = panels.data?.items[0];
  return (
    <Card title={text.title} size="small" data-testid="application-panel-card">
      {panels.isLoading ? <PageLoading /> : null}
      {panels.isError ? <LoadFailed error={panels.error} onRetry={() => void panels.refetch()} /> : null}
      {panels.data && !latest ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.none} /> : null}
      {canDraw && panels.data && !latest ? <DrawForm applicationId={applicationId} /> : null}
      {latest ? <PanelView panel={latest} /> : null}
    </Card>
  );
}

function DrawForm({ applicationId }: { applicationId: string }) {
  const [form] = Form.useForm<{ size: number; dueOn?: Dayjs }>();
  const draw = useDrawPanel();
  const notify = useNotify();
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ size: 5 }}
      style={{ marginBottom: 12 }}
      onFinish={(values) =>
        draw.mutate(
          { applicationId, body: { size: values.size, dueOn: toDateString(values.dueOn) ?? undefined } },
          { onSuccess: (result) => notify.success(text.drawn(result.experts.length)), onError: (error) => notify.error(error, form) },
        )
      }
    >
      <Form.Item name="size" label={text.size} rules={[{ required: true, message: t.common.required(text.size) }]}>
        <InputNumber min={1} max={15} precision={0} data-testid="panel-size" />
      </Form.Item>
      <Form.Item name="dueOn" label={text.dueOn}>
        <DatePicker placeholder={t.common.datePlaceholder} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<TeamOutlined />} loading={draw.isPending} data-testid="panel-draw">
          {text.draw}
        </Button>
      </Form.Item>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {text.drawHint}
      </Typography.Text>
    </Form>
  );
}

function PanelView({ panel }: { panel: Panel }) {
  const chooseChair = useChooseChair();
  const notify = useNotify();
  const outliers = new Set(panel.result.outliers.map((o) => o.expertId));
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={text.seed}>
          <Typography.Text code>{panel.seed}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={text.drawnAt}>{formatDateTime(panel.drawnAt)}</Descriptions.Item>
        <Descriptions.Item label={text.dueOn}>{panel.dueOn ?? t.common.none}</Descriptions.Item>
      </Descriptions>
      <Table<PanelSeat>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={panel.seats}
        title={() => text.members}
        data-testid="panel-members"
        columns={[
          {
            title: text.expert,
            key: 'expert',
            width: 160,
            render: (_: unknown, seat) => (
              <Space size={4}>
                {seat.expert.name}
                {seat.isChair ? <Tag color="gold">{text.chair}</Tag> : null}
              </Space>
            ),
          },
          { title: text.organization, dataIndex: ['expert', 'organizationName'], width: 200 },
          {
            title: text.status,
            dataIndex: 'status',
            width: 120,
            render: (status: PanelSeat['status']) => <SeatStatusTag status={status} />,
          },
          {
            title: text.total,
            dataIndex: 'total',
            width: 110,
            align: 'right',
            render: (total: number | null, seat) =>
              total === null ? (
                t.common.none
              ) : (
                <Space size={4}>
                  {total}
                  {outliers.has(seat.expert.id) ? <Tag color="red">{text.outlier}</Tag> : null}
                </Space>
              ),
          },
          {
            title: text.declarationNote,
            key: 'note',
            render: (_: unknown, seat) => seat.declarationNote ?? seat.opinion ?? t.common.none,
          },
          ...(panel.canManage && !panel.concludedAt
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, seat: PanelSeat) =>
                    seat.isChair || seat.status === 'vacated' ? null : (
                      <Button
                        type="link"
                        size="small"
                        loading={chooseChair.isPending}
                        onClick={() =>
                          chooseChair.mutate(
                            { panelId: panel.id, expertId: seat.expert.id, version: panel.version },
                            { onSuccess: () => notify.success(text.chairSet), onError: (error) => notify.error(error) },
                          )
                        }
                      >
                        {text.setChair}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {panel.canManage ? <ExcludedList excluded={panel.excluded} /> : null}
      <div>
        <Typography.Text strong>{text.result}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <PanelResultView panel={panel} />
        </div>
      </div>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={text.consensus}>
          {panel.consensus ?? <Typography.Text type="secondary">{text.consensusPending}</Typography.Text>}
        </Descriptions.Item>
        {panel.concludedAt ? <Descriptions.Item label={text.concludedAt}>{formatDateTime(panel.concludedAt)}</Descriptions.Item> : null}
      </Descriptions>
      <Flex justify="flex-end">
        <Button icon={<DownloadOutlined />} onClick={() => void expertsApi.exportResults(panel.id)}>
          {text.export}
        </Button>
      </Flex>
    </Space>
  );
}

function ExcludedList({ excluded }: { excluded: ExcludedExpert[] }) {
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{text.excluded}</Typography.Text>}
      locale={{ emptyText: text.excludedEmpty }}
      dataSource={excluded}
      data-testid="panel-excluded"
      renderItem={(entry) => (
        <List.Item>
          <Space>
            {entry.name}
            <Tag color="orange" bordered={false}>
              {entry.reason}
            </Tag>
            <Typography.Text type="secondary">{entry.detail}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
