import type { Challenge, ChallengeAction, ChallengeApplication, ChallengeApplicationStatus, UpdateChallenge } from '@stip/contracts';
import { Alert, Button, Card, Descriptions, Form, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { toDateString } from '../../../shared/forms/rules';
import { formatChineseDate, formatChineseDateTime, formatText } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { challengesApi } from '../api';
import { ApplyModal } from '../components/ApplyModal';
import { ChallengeFields, type ChallengeFormValues } from '../components/ChallengeFields';
import { ChallengeApplicationStatusTag, ChallengeStatusTag } from '../components/ChallengeStatusTag';
import { MilestonesPanel } from '../components/MilestonesPanel';
import { NoteModal } from '../components/NoteModal';
import { useChallenge, useChallengeApplications, useChallengesMutation } from '../hooks/useChallenges';

/** The moves that need a written reason, and the order buttons show in. */
const noteActions = ['return', 'cancel'] as const;
type NoteAction = (typeof noteActions)[number];
const buttonOrder: ChallengeAction[] = ['submit', 'publish', 'close', 'complete', 'return', 'cancel'];

/** One list (榜单): its facts and demand, the result, the user's own application, every application for its publisher, milestones. */
export default function ChallengeDetailPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const notify = useNotify();
  const challenge = useChallenge(id);
  useRecordName(challenge.data?.title);
  const readsAll = challenge.data?.isOwner || ['city_staff', 'county_staff', 'leader'].includes(user.role);
  const applications = useChallengeApplications(id, !!challenge.data && !!readsAll);
  const [noteAction, setNoteAction] = useState<NoteAction | null>(null);
  const [selecting, setSelecting] = useState<ChallengeApplication | null>(null);
  const [applying, setApplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const move = useChallengesMutation(({ action, note }: { action: ChallengeAction; note?: string }) =>
    challengesApi.transition(id!, {
      action: action as Exclude<ChallengeAction, 'select' | 'expire'>,
      version: challenge.data!.version,
      ...(note ? { note } : {}),
    }),
  );
  const select = useChallengesMutation(({ applicationId, reason }: { applicationId: string; reason: string }) =>
    challengesApi.select(id!, { applicationId, reason, version: challenge.data!.version }),
  );
  const withdraw = useChallengesMutation((application: ChallengeApplication) =>
    challengesApi.withdraw(id!, application.id, application.version),
  );

  if (challenge.isLoading) return <PageLoading />;
  if (challenge.isError || !challenge.data)
    return <LoadFailed error={challenge.error} onRetry={() => void challenge.refetch()} backTo="/challenges" />;
  const c = challenge.data;
  const l = t.challenges;
  const moved = (action: ChallengeAction) => ({
    onSuccess: () => {
      notify.success(l.moved(l.action[action]));
      setNoteAction(null);
    },
    onError: (error: unknown) => notify.error(error),
  });
  const actions = buttonOrder.filter((action) => c.allowedActions.includes(action));
  const canSelect = c.isOwner && c.allowedActions.includes('select');

  return (
    <>
      <PageHeader
        title={
          <>
            {c.title} {c.isDemo ? <DemoTag /> : null}
          </>
        }
        subtitle={<Link to="/challenges">{l.detail.back}</Link>}
        extra={
          <Space wrap>
            {c.canApply ? (
              <Button type="primary" onClick={() => setApplying(true)} data-testid="challenge-apply">
                {l.detail.apply}
              </Button>
            ) : null}
            {c.isOwner && c.status === 'draft' ? <Button onClick={() => setEditing(true)}>{l.form.edit}</Button> : null}
            {actions.map((action) =>
              (noteActions as readonly string[]).includes(action) ? (
                <Button
                  key={action}
                  danger={action === 'cancel'}
                  onClick={() => setNoteAction(action as NoteAction)}
                  data-testid={`challenge-${action}`}
                >
                  {l.action[action]}
                </Button>
              ) : (
                <Popconfirm key={action} title={l.actionConfirm(l.action[action])} onConfirm={() => move.mutate({ action }, moved(action))}>
                  <Button type={action === 'publish' || action === 'submit' ? 'primary' : 'default'} data-testid={`challenge-${action}`}>
                    {l.action[action]}
                  </Button>
                </Popconfirm>
              ),
            )}
          </Space>
        }
      />
      {c.reviewNote && (c.status === 'draft' || c.status === 'submitted') ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`${l.detail.returnedNote}${c.reviewNote}`} />
      ) : null}
      {c.status === 'cancelled' ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={l.detail.cancelled} description={c.cancelReason} />
      ) : null}
      <Card size="small" title={l.detail.overview} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={l.field.status}>
            <ChallengeStatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={l.field.publisher}>{c.publisherName}</Descriptions.Item>
          <Descriptions.Item label={l.field.rewardShort}>{l.rewardValue(c.reward)}</Descriptions.Item>
          <Descriptions.Item label={l.field.rewardNote}>{formatText(c.rewardNote)}</Descriptions.Item>
          <Descriptions.Item label={l.field.applicationDeadline}>{formatChineseDate(c.applicationDeadline)}</Descriptions.Item>
          <Descriptions.Item label={l.field.completionDeadline}>{formatChineseDate(c.completionDeadline)}</Descriptions.Item>
          <Descriptions.Item label={l.field.region}>{c.region.name}</Descriptions.Item>
          <Descriptions.Item label={l.field.publishedAt}>{formatChineseDateTime(c.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={l.field.requirements} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{formatText(c.requirements)}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={l.detail.demand} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={l.field.demand}>{c.demand.title}</Descriptions.Item>
          <Descriptions.Item label={l.field.enterprise}>{formatText(c.demand.enterpriseName)}</Descriptions.Item>
          <Descriptions.Item label={l.field.demandDescription}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {formatText(c.demand.description)}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {c.selectedTeam ? (
        <Card size="small" title={l.detail.result} style={{ marginBottom: 12 }} data-testid="challenge-result">
          <Typography.Paragraph type="secondary">{l.detail.resultHint}</Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={l.field.selectedTeam}>
              {c.selectedTeam.organizationName}（{t.challenges.application.teamLeader}：{c.selectedTeam.teamLeader}）
            </Descriptions.Item>
            <Descriptions.Item label={l.field.selectionReason}>
              <span data-testid="challenge-selection-reason">{c.selectionReason}</span>
            </Descriptions.Item>
            <Descriptions.Item label={l.field.selectedAt}>{formatChineseDateTime(c.selectedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {c.myApplication ? (
        <Card
          size="small"
          title={l.detail.myApplication}
          style={{ marginBottom: 12 }}
          data-testid="challenge-my-application"
          extra={
            c.myApplication.status === 'submitted' && c.status === 'open' ? (
              <Popconfirm
                title={l.detail.withdrawConfirm}
                onConfirm={() =>
                  withdraw.mutate(c.myApplication!, {
                    onSuccess: () => notify.success(l.detail.withdrawn),
                    onError: (error) => notify.error(error),
                  })
                }
              >
                <Button size="small">{l.detail.withdraw}</Button>
              </Popconfirm>
            ) : null
          }
        >
          <ApplicationDescriptions application={c.myApplication} />
        </Card>
      ) : null}
      {readsAll && c.status !== 'draft' ? (
        <Card size="small" title={l.detail.applications} style={{ marginBottom: 12 }}>
          {applications.isError ? (
            <LoadFailed error={applications.error} onRetry={() => void applications.refetch()} />
          ) : (
            <Table<ChallengeApplication>
              size="small"
              rowKey="id"
              loading={applications.isFetching}
              pagination={false}
              dataSource={applications.data?.items ?? []}
              locale={{ emptyText: l.detail.applicationsEmpty }}
              data-testid="challenge-applications"
              expandable={{ expandedRowRender: (row) => <ApplicationDescriptions application={row} /> }}
              columns={[
                { title: l.application.organization, key: 'organization', render: (_, row) => row.organization.name },
                { title: l.application.teamLeader, dataIndex: 'teamLeader', width: 120 },
                {
                  title: l.application.submittedAt,
                  dataIndex: 'submittedAt',
                  width: 170,
                  render: (value: string) => formatChineseDateTime(value),
                },
                {
                  title: l.application.status,
                  dataIndex: 'status',
                  width: 90,
                  render: (status: ChallengeApplicationStatus) => <ChallengeApplicationStatusTag status={status} />,
                },
                ...(canSelect
                  ? [
                      {
                        title: t.common.actions,
                        key: 'actions',
                        width: 80,
                        render: (_: unknown, row: ChallengeApplication) =>
                          row.status === 'submitted' ? (
                            <Button size="small" type="link" onClick={() => setSelecting(row)} data-testid="application-select">
                              {l.application.select}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Card>
      ) : null}
      {c.status === 'selected' || c.status === 'completed' ? <MilestonesPanel challenge={c} /> : null}

      <ApplyModal challengeId={c.id} open={applying} onClose={() => setApplying(false)} />
      <NoteModal
        open={!!noteAction}
        title={noteAction ? l.action[noteAction] : ''}
        label={noteAction ? l.noteLabel[noteAction] : ''}
        busy={move.isPending}
        testId="challenge-note"
        onCancel={() => setNoteAction(null)}
        onOk={(note) => move.mutate({ action: noteAction!, note }, moved(noteAction!))}
      />
      <NoteModal
        open={!!selecting}
        title={selecting ? l.selection.title(selecting.organization.name) : ''}
        label={l.selection.reason}
        requiredMessage={l.selection.reasonRequired}
        busy={select.isPending}
        testId="selection-reason"
        onCancel={() => setSelecting(null)}
        onOk={(reason) =>
          select.mutate(
            { applicationId: selecting!.id, reason },
            {
              onSuccess: () => {
                notify.success(l.selection.done);
                setSelecting(null);
              },
              onError: (error) => notify.error(error),
            },
          )
        }
      />
      <EditChallengeModal challenge={c} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}

function ApplicationDescriptions({ application }: { application: ChallengeApplication }) {
  const a = t.challenges.application;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={a.organization}>{application.organization.name}</Descriptions.Item>
      <Descriptions.Item label={a.status}>
        <ChallengeApplicationStatusTag status={application.status} />
      </Descriptions.Item>
      <Descriptions.Item label={a.teamLeader}>{application.teamLeader}</Descriptions.Item>
      <Descriptions.Item label={a.teamMembers}>{formatText(application.teamMembers)}</Descriptions.Item>
      <Descriptions.Item label={a.proposal}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{application.proposal}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={a.plan}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{formatText(application.plan)}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={a.submittedAt}>{formatChineseDateTime(application.submittedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** 修改榜单: a draft's fields, saved against the version read. */
function EditChallengeModal({ challenge, open, onClose }: { challenge: Challenge; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ChallengeFormValues>();
  const notify = useNotify();
  const update = useChallengesMutation((body: UpdateChallenge) => challengesApi.update(challenge.id, body));
  return (
    <Modal
      open={open}
      title={t.challenges.form.edit}
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          title: challenge.title,
          reward: challenge.reward,
          rewardNote: challenge.rewardNote ?? undefined,
          applicationDeadline: dayjs(challenge.applicationDeadline),
          completionDeadline: challenge.completionDeadline ? dayjs(challenge.completionDeadline) : null,
          requirements: challenge.requirements ?? undefined,
        }}
        onFinish={(values) =>
          update.mutate(
            {
              title: values.title,
              reward: values.reward,
              rewardNote: values.rewardNote ?? '',
              applicationDeadline: toDateString(values.applicationDeadline)!,
              completionDeadline: toDateString(values.completionDeadline),
              requirements: values.requirements ?? '',
              version: challenge.version,
            },
            {
              onSuccess: () => {
                notify.success(t.challenges.form.saved);
                onClose();
              },
              onError: (error) => notify.error(error, form),
            },
          )
        }
      >
        <ChallengeFields />
      </Form>
    </Modal>
  );
}
