import '../tasks.css';
import { DownloadOutlined } from '@ant-design/icons';
import type { SupervisionUnit, TaskUnitRole } from '@stip/contracts';
import { Button, Card, DatePicker, Flex, Progress, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDate, todayString } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { PlanSelect } from '../../plans/components/PlanSelect';
import { tasksApi } from '../api';
import { TaskStatusTag } from '../components/TaskStatusTag';
import { useSupervision } from '../hooks/useTasks';

type SupervisionTask = SupervisionUnit['tasks'][number];
const labels = t.supervision;

/** One unit's tasks, the late ones first (as the server orders them) and highlighted. */
function UnitTasks({ unit, onlyLate }: { unit: SupervisionUnit; onlyLate: boolean }) {
  const tasks = onlyLate ? unit.tasks.filter((task) => task.isLate) : unit.tasks;
  return (
    <Table<SupervisionTask>
      size="small"
      rowKey="id"
      bordered
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(task) => (task.isLate ? 'stip-row-late' : '')}
      locale={{ emptyText: labels.empty }}
      data-testid="supervision-tasks"
      columns={[
        {
          title: labels.columns.title,
          dataIndex: 'title',
          width: 340,
          render: (title: string, task) => (
            <Space direction="vertical" size={0}>
              <Link to={`/tasks/${task.id}`} data-testid="supervision-task-link">
                {title}
              </Link>
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 1, tooltip: task.content }}
                style={{ margin: 0, fontSize: 12, maxWidth: 320 }}
              >
                {task.content}
              </Typography.Paragraph>
            </Space>
          ),
        },
        {
          title: labels.columns.role,
          dataIndex: 'role',
          width: 70,
          render: (role: TaskUnitRole) => (
            <Tag bordered={false} color={role === 'lead' ? 'blue' : 'default'}>
              {t.tasks.role[role]}
            </Tag>
          ),
        },
        {
          title: labels.columns.deadline,
          key: 'deadline',
          width: 170,
          render: (_: unknown, task) => task.deadlineText ?? formatDate(task.deadline),
        },
        { title: labels.columns.status, key: 'status', width: 110, render: (_: unknown, task) => <TaskStatusTag status={task.status} /> },
        {
          title: labels.columns.late,
          dataIndex: 'daysLate',
          width: 110,
          render: (days: number) =>
            days > 0 ? (
              <Typography.Text type="danger" strong data-testid="supervision-days-late">
                {t.tasks.daysLate(days)}
              </Typography.Text>
            ) : (
              t.common.none
            ),
        },
        {
          title: labels.columns.latestReport,
          key: 'latestReport',
          width: 320,
          render: (_: unknown, task) =>
            task.latestReport ? (
              <Flex vertical gap={0}>
                <Progress percent={task.latestReport.percent} size="small" style={{ margin: 0, maxWidth: 220 }} />
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: task.latestReport.text }} style={{ margin: 0, fontSize: 12 }}>
                  {task.latestReport.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(task.latestReport.reportedAt)}
                </Typography.Text>
              </Flex>
            ) : (
              <Typography.Text type="secondary">{labels.noReport}</Typography.Text>
            ),
        },
      ]}
    />
  );
}

/** 督查: per responsible unit, its tasks with the late ones first, as of a day; exportable to Excel. */
export default function SupervisionPage() {
  const list = useListParams();
  const planId = list.get('planId');
  const asOf = list.get('asOf');
  const unitId = list.get('unitId');
  const onlyLate = list.get('late') === '1';
  const filters = useMemo(() => ({ planId, asOf }), [planId, asOf]);
  const supervision = useSupervision(filters);
  const notify = useNotify();
  const [exporting, setExporting] = useState(false);
  // Rows opened by the user; a link to one unit (from the cockpit) opens that unit.
  const [expanded, setExpanded] = useState<string[]>(unitId ? [unitId] : []);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await tasksApi.exportSupervision(filters);
      notify.success(labels.exported);
    } catch (error) {
      notify.error(error);
    } finally {
      setExporting(false);
    }
  };

  if (supervision.isPending) return <PageLoading />;
  if (supervision.isError) return <LoadFailed error={supervision.error} onRetry={() => void supervision.refetch()} />;
  const data = supervision.data;
  const units = data.items.filter((unit) => !unitId || unit.unit.id === unitId).filter((unit) => !onlyLate || unit.late > 0);
  const lateTotal = data.items.reduce((sum, unit) => sum + unit.late, 0);

  return (
    <>
      <PageHeader
        title={labels.title}
        subtitle={
          <Typography.Text type="secondary" data-testid="supervision-summary">
            {labels.subtitle(data.items.length, lateTotal)}
          </Typography.Text>
        }
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} data-testid="supervision-export">
            {labels.export}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <PlanSelect
            value={planId}
            onChange={(next) => list.update({ planId: next })}
            placeholder={labels.allPlans}
            data-testid="supervision-plan"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={labels.allUnits}
            value={unitId}
            onChange={(next: string | undefined) => {
              list.update({ unitId: next });
              if (next) setExpanded([next]);
            }}
            options={data.items.map((unit) => ({ value: unit.unit.id, label: unit.unit.name }))}
            popupMatchSelectWidth={false}
            style={{ width: 220 }}
            data-testid="supervision-unit-filter"
          />
          <Tooltip title={labels.asOf}>
            <DatePicker
              allowClear={false}
              value={dayjs(data.asOf)}
              onChange={(value) => {
                const day = toDateString(value);
                list.update({ asOf: day === todayString() ? undefined : day });
              }}
              style={{ width: 140 }}
              data-testid="supervision-asof"
            />
          </Tooltip>
          <Space size={6}>
            <Switch
              checked={onlyLate}
              onChange={(checked) => list.update({ late: checked ? '1' : undefined })}
              data-testid="supervision-only-late"
            />
            <Typography.Text>{labels.onlyLate}</Typography.Text>
          </Space>
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      <Table<SupervisionUnit>
        size="small"
        rowKey={(unit) => unit.unit.id}
        bordered
        loading={supervision.isFetching}
        dataSource={units}
        pagination={false}
        locale={{ emptyText: labels.empty }}
        rowClassName={(unit) => (unit.late ? 'stip-row-late' : '')}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandRowByClick: true,
          expandedRowRender: (unit) => <UnitTasks unit={unit} onlyLate={onlyLate} />,
        }}
        data-testid="supervision-table"
        columns={[
          {
            title: labels.unit,
            key: 'unit',
            render: (_: unknown, unit) => (
              <Typography.Text strong data-testid="supervision-unit-name">
                {unit.unit.name}
              </Typography.Text>
            ),
          },
          { title: labels.columns.total, dataIndex: 'total', width: 100, align: 'right' },
          {
            title: labels.columns.lateCount,
            dataIndex: 'late',
            width: 100,
            align: 'right',
            render: (late: number) =>
              late ? (
                <Typography.Text type="danger" strong>
                  {late}
                </Typography.Text>
              ) : (
                late
              ),
          },
          { title: labels.columns.done, dataIndex: 'done', width: 100, align: 'right' },
          {
            title: labels.columns.completion,
            key: 'completion',
            width: 220,
            render: (_: unknown, unit) => <Progress percent={unit.total ? Math.round((unit.done / unit.total) * 100) : 0} size="small" />,
          },
        ]}
      />
    </>
  );
}
