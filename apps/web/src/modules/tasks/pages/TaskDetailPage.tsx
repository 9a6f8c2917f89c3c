import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import type { NamedRef } from '@stip/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Progress, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDate } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { useCanWritePlan } from '../../plans/hooks/usePlanAccess';
import { usePlan } from '../../plans/hooks/usePlans';
import { useTargets } from '../../targets/hooks/useTargets';
import { ChangeStatusModal } from '../components/ChangeStatusModal';
import { TaskFormDrawer } from '../components/TaskFormDrawer';
import { TaskReportForm } from '../components/TaskReportForm';
import { TaskReportTimeline } from '../components/TaskReportTimeline';
import { TaskStatusTag } from '../components/TaskStatusTag';
import { deadlineLabel } from '../components/TaskTable';
import { useDeleteTask, useTask } from '../hooks/useTasks';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const fields = t.tasks.fields;

function UnitTags({ units, color, mine }: { units: NamedRef[]; color?: string; mine: Set<string> }) {
  if (!units.length) return <>{t.common.none}</>;
  return (
    <Space size={[4, 4]} wrap>
      {units.map((unit) => (
        <Tag key={unit.id} color={mine.has(unit.id) ? 'gold' : color} bordered={false} style={{ marginInlineEnd: 0 }}>
          {unit.name}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * A task: what it asks, who leads and who takes part, its deadline and status, the targets it serves,
 * the progress reports of its units (all of them for the lead unit), and the form to file one.
 */
export default function TaskDetailPage() {
  const { id } = useParams<{ id: string }>();
  const task = useTask(id);
  useRecordName(task.data?.title);
  const plan = usePlan(task.data?.planId);
  const canWritePlan = useCanWritePlan(plan.data);
  const canReport = useCan('task:report');
  const planTargets = useTargets({ planId: task.data?.planId, limit: 500, offset: 0 }, canWritePlan);
  const remove = useDeleteTask();
  const notify = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);

  if (task.isPending) return <PageLoading />;
  if (task.isError) return <LoadFailed error={task.error} onRetry={() => void task.refetch()} backTo="/plans" />;
  const data = task.data;
  const mine = new Set(data.myUnits.map((unit) => unit.id));
  const isLeadView = data.myUnits.some((unit) => unit.role === 'lead') || canWritePlan;

  const goBack = () =>
    (window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate(`/plans/${data.planId}?tab=tasks`);
  const confirmDelete = () =>
    modal.confirm({
      title: t.common.deleteTitle(data.title),
      content: t.tasks.deleteHint,
      okText: t.common.delete,
      okButtonProps: { danger: true, 'data-testid': 'delete-confirm' },
      onOk: () =>
        remove.mutateAsync(
          { id: data.id, version: data.version },
          {
            onSuccess: () => {
              notify.success(t.common.deleted);
              navigate(`/plans/${data.planId}?tab=tasks`, { replace: true });
            },
            onError: (error) => notify.error(error),
          },
        ),
    });

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={goBack} aria-label={t.common.back} />
            <span data-testid="task-detail-title">{data.title}</span>
            <TaskStatusTag status={data.status} isLate={data.isLate} />
            {data.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
          </Flex>
        }
        subtitle={
          <Typography.Text type="secondary">
            {t.common.labelled(fields.plan)}
            <Link to={`/plans/${data.planId}?tab=tasks`}>{data.planTitle}</Link>
          </Typography.Text>
        }
        extra={
          <>
            {data.canChangeStatus ? (
              <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)} data-testid="task-change-status">
                {t.tasks.changeStatus}
              </Button>
            ) : null}
            {canWritePlan && plan.data ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-edit">
                  {t.common.edit}
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="task-delete">
                  {t.common.delete}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="task-descriptions">
          <Descriptions.Item label={fields.content} span="filled">
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.content}</span>
          </Descriptions.Item>
          <Descriptions.Item label={fields.leadUnits}>
            <UnitTags units={data.leadUnits} color="blue" mine={mine} />
          </Descriptions.Item>
          <Descriptions.Item label={fields.participantUnits}>
            <UnitTags units={data.participantUnits} mine={mine} />
          </Descriptions.Item>
          <Descriptions.Item label={fields.deadline}>
            <Space size={8} wrap>
              <span>{deadlineLabel(data)}</span>
              {data.deadline ? <Typography.Text type="secondary">{formatDate(data.deadline)}</Typography.Text> : null}
              {data.isRecurring ? <Tag bordered={false}>{t.tasks.recurring}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={fields.status}>
            <TaskStatusTag status={data.status} isLate={data.isLate} />
          </Descriptions.Item>
          <Descriptions.Item label={fields.percent}>
            {data.percent === null ? (
              t.supervision.noReport
            ) : (
              <Progress percent={data.percent} size="small" style={{ maxWidth: 260, margin: 0 }} />
            )}
          </Descriptions.Item>
          <Descriptions.Item label={fields.myUnits}>
            {data.myUnits.length
              ? t.common.list(data.myUnits.map((unit) => t.tasks.unitWithRole(unit.name, t.tasks.role[unit.role])))
              : t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.targets} span="filled">
            {data.targets.length ? (
              <Space direction="vertical" size={2}>
                {data.targets.map((target) => (
                  <Link key={target.id} to={`/targets/${target.id}`} data-testid="task-target-link">
                    {target.subject}
                  </Link>
                ))}
              </Space>
            ) : (
              t.common.none
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={data.myUnits.length && canReport ? 14 : 24}>
          <Card size="small" title={t.tasks.reports.title}>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={isLeadView ? t.tasks.reports.leadView : t.tasks.reports.ownView}
            />
            <TaskReportTimeline reports={data.reports} />
          </Card>
        </Col>
        {data.myUnits.length && canReport ? (
          <Col xs={24} xl={10}>
            <Card size="small" title={t.tasks.reports.create}>
              <TaskReportForm task={data} />
            </Card>
          </Col>
        ) : null}
      </Row>
      {plan.data ? (
        <TaskFormDrawer
          plan={plan.data}
          targets={planTargets.data?.items ?? []}
          task={editing ? data : null}
          onClose={() => setEditing(false)}
          onReload={async () => (await task.refetch()).data}
        />
      ) : null}
      <ChangeStatusModal task={data} open={changingStatus} onClose={() => setChangingStatus(false)} />
    </>
  );
}
