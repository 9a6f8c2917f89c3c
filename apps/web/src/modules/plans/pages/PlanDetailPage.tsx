import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Target, Task } from '@stip/contracts';
import { App, Button, Card, DatePicker, Flex, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { isAfterToday, todayString } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { TargetFormDrawer } from '../../targets/components/TargetFormDrawer';
import { TargetTable } from '../../targets/components/TargetTable';
import { useDeleteTarget, useTargets } from '../../targets/hooks/useTargets';
import { TaskFormDrawer } from '../../tasks/components/TaskFormDrawer';
import { TaskTable } from '../../tasks/components/TaskTable';
import { useDeleteTask, useTasks } from '../../tasks/hooks/useTasks';
import { PlanBriefPanel } from '../components/PlanBriefPanel';
import { PlanDescriptions } from '../components/PlanDescriptions';
import { PlanFormModal } from '../components/PlanFormModal';
import { useCanWritePlan } from '../hooks/usePlanAccess';
import { useDeletePlan, usePlan } from '../hooks/usePlans';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const tabKeys = ['targets', 'tasks', 'brief'] as const;
type TabKey = (typeof tabKeys)[number];

/** A plan: its heading facts, then its targets with live progress, its task table and its progress brief. */
export default function PlanDetailPage() {
  const { id } = useParams<{ id: string }>();
  const list = useListParams();
  const plan = usePlan(id);
  useRecordName(plan.data?.title);
  const canWrite = useCanWritePlan(plan.data);
  const asOf = list.get('asOf');
  const tab: TabKey = (tabKeys as readonly string[]).includes(list.get('tab') ?? '') ? (list.get('tab') as TabKey) : 'targets';
  const targets = useTargets({ planId: id, asOf, limit: 500, offset: 0 }, !!id);
  const tasks = useTasks({ planId: id, limit: 500, offset: 0 }, !!id);
  const removePlan = useDeletePlan();
  const removeTarget = useDeleteTarget();
  const removeTask = useDeleteTask();
  const notify = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [editingPlan, setEditingPlan] = useState(false);
  const [targetForm, setTargetForm] = useState<Target | 'new' | null>(null);
  const [taskForm, setTaskForm] = useState<Task | 'new' | null>(null);

  if (plan.isPending) return <PageLoading />;
  if (plan.isError) return <LoadFailed error={plan.error} onRetry={() => void plan.refetch()} backTo="/plans" />;
  const data = plan.data;

  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/plans'));
  const setAsOf = (value: string | undefined) => list.update({ asOf: value === todayString() ? undefined : value });

  const confirmDelete = (name: string, hint: string, onOk: () => Promise<unknown>) =>
    modal.confirm({
      title: t.common.deleteTitle(name),
      content: hint,
      okText: t.common.delete,
      okButtonProps: { danger: true, 'data-testid': 'delete-confirm' },
      onOk: () =>
        onOk().then(
          () => notify.success(t.common.deleted),
          (error: unknown) => notify.error(error),
        ),
    });

  const deletePlan = () =>
    confirmDelete(data.title, t.plans.deleteHint, () =>
      removePlan.mutateAsync({ id: data.id, version: data.version }).then(() => navigate('/plans', { replace: true })),
    );

  const asOfPicker = (
    <Tooltip title={t.plans.asOfHint}>
      <DatePicker
        allowClear={false}
        value={dayjs(asOf ?? todayString())}
        onChange={(value) => setAsOf(toDateString(value) ?? undefined)}
        disabledDate={isAfterToday}
        style={{ width: 140 }}
        data-testid="plan-targets-asof"
      />
    </Tooltip>
  );

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={goBack} aria-label={t.common.back} />
            <span data-testid="plan-detail-title">{data.title}</span>
            {data.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
          </Flex>
        }
        extra={
          canWrite ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)} data-testid="plan-edit">
                {t.common.edit}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={deletePlan} data-testid="plan-delete">
                {t.common.delete}
              </Button>
            </>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <PlanDescriptions plan={data} />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => list.update({ tab: key === 'targets' ? undefined : key })}
          tabBarExtraContent={
            tab === 'targets' ? (
              <Flex gap={8} align="center">
                <Typography.Text type="secondary">{t.common.labelled(t.plans.asOf)}</Typography.Text>
                {asOfPicker}
                {canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setTargetForm('new')} data-testid="target-create">
                    {t.targets.create}
                  </Button>
                ) : null}
              </Flex>
            ) : tab === 'tasks' && canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTaskForm('new')} data-testid="task-create">
                {t.tasks.create}
              </Button>
            ) : null
          }
          items={[
            {
              key: 'targets',
              label: (
                <span data-testid="plan-tab-targets">
                  {t.plans.tabCount(t.plans.tabs.targets, targets.data?.total ?? data.targetCount)}
                </span>
              ),
              children: targets.isError ? (
                <LoadFailed error={targets.error} onRetry={() => void targets.refetch()} />
              ) : (
                <TargetTable
                  items={targets.data?.items}
                  loading={targets.isFetching}
                  asOf={asOf}
                  onEdit={canWrite ? setTargetForm : undefined}
                  onDelete={
                    canWrite
                      ? (target) =>
                          confirmDelete(target.subject, t.targets.deleteHint, () =>
                            removeTarget.mutateAsync({ id: target.id, version: target.version }),
                          )
                      : undefined
                  }
                />
              ),
            },
            {
              key: 'tasks',
              label: <span data-testid="plan-tab-tasks">{t.plans.tabCount(t.plans.tabs.tasks, tasks.data?.total ?? data.taskCount)}</span>,
              children: tasks.isError ? (
                <LoadFailed error={tasks.error} onRetry={() => void tasks.refetch()} />
              ) : (
                <TaskTable
                  items={tasks.data?.items}
                  loading={tasks.isFetching}
                  onEdit={canWrite ? setTaskForm : undefined}
                  onDelete={
                    canWrite
                      ? (task) =>
                          confirmDelete(task.title, t.tasks.deleteHint, () =>
                            removeTask.mutateAsync({ id: task.id, version: task.version }),
                          )
                      : undefined
                  }
                />
              ),
            },
            {
              key: 'brief',
              label: <span data-testid="plan-tab-brief">{t.plans.tabs.brief}</span>,
              children: <PlanBriefPanel plan={data} asOf={asOf} onAsOf={setAsOf} />,
            },
          ]}
        />
      </Card>
      <PlanFormModal
        target={editingPlan ? data : null}
        onClose={() => setEditingPlan(false)}
        onReload={async () => (await plan.refetch()).data}
      />
      <TargetFormDrawer
        plan={data}
        target={targetForm}
        onClose={() => setTargetForm(null)}
        onReload={async () => (await targets.refetch()).data?.items.find((item) => targetForm !== 'new' && item.id === targetForm?.id)}
      />
      <TaskFormDrawer
        plan={data}
        targets={targets.data?.items ?? []}
        task={taskForm}
        onClose={() => setTaskForm(null)}
        onReload={async () => (await tasks.refetch()).data?.items.find((item) => taskForm !== 'new' && item.id === taskForm?.id)}
      />
    </>
  );
}
