import type { Challenge, ChallengeMilestone, CreateChallengeMilestone } from '@stip/contracts';
import { Button, Card, DatePicker, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { requiredChoice, requiredText, toDateString } from '../../../shared/forms/rules';
import { formatChineseDate } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { challengesApi } from '../api';
import { useChallengesMutation } from '../hooks/useChallenges';
import { NoteModal } from './NoteModal';

/** 项目节点 of a selected project: the publisher sets them; the selected team or the publisher records completion. */
export function MilestonesPanel({ challenge }: { challenge: Challenge }) {
  const notify = useNotify();
  const m = t.challenges.milestone;
  const [form] = Form.useForm<{ title: string; dueOn: Dayjs }>();
  const [completing, setCompleting] = useState<ChallengeMilestone | null>(null);
  const canEdit = challenge.isOwner && challenge.status === 'selected';
  const add = useChallengesMutation((body: CreateChallengeMilestone) => challengesApi.addMilestone(challenge.id, body));
  const remove = useChallengesMutation((milestone: ChallengeMilestone) =>
    challengesApi.deleteMilestone(challenge.id, milestone.id, milestone.version),
  );
  const complete = useChallengesMutation(({ milestone, evidence }: { milestone: ChallengeMilestone; evidence: string }) =>
    challengesApi.completeMilestone(challenge.id, milestone.id, { evidence, version: milestone.version }),
  );

  return (
    <Card size="small" title={t.challenges.detail.milestones} style={{ marginBottom: 12 }} data-testid="challenge-milestones">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t.challenges.detail.milestonesHint}
      </Typography.Paragraph>
      <Table<ChallengeMilestone>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={challenge.milestones}
        locale={{ emptyText: t.challenges.detail.milestonesEmpty }}
        columns={[
          { title: m.title, dataIndex: 'title' },
          { title: m.dueOn, dataIndex: 'dueOn', width: 140, render: (value: string) => formatChineseDate(value) },
          {
            title: m.status,
            key: 'status',
            render: (_, row) =>
              row.completedAt ? (
                <Space direction="vertical" size={0}>
                  <Tag color="success">{m.completed(formatChineseDate(row.completedAt), row.completedBy)}</Tag>
                  <Typography.Text type="secondary">{row.evidence}</Typography.Text>
                </Space>
              ) : row.isOverdue ? (
                <Tag color="error">{m.overdue}</Tag>
              ) : (
                <Tag>{m.open}</Tag>
              ),
          },
          {
            title: t.common.actions,
            key: 'actions',
            width: 160,
            render: (_, row) =>
              row.completedAt ? null : (
                <Space size={4}>
                  {challenge.canCompleteMilestones ? (
                    <Button size="small" type="link" onClick={() => setCompleting(row)} data-testid="milestone-complete">
                      {m.complete}
                    </Button>
                  ) : null}
                  {canEdit ? (
                    <Popconfirm
                      title={m.deleteConfirm}
                      onConfirm={() =>
                        remove.mutate(row, { onSuccess: () => notify.success(m.deleted), onError: (error) => notify.error(error) })
                      }
                    >
                      <Button size="small" type="link" danger>
                        {m.delete}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
          },
        ]}
      />
      {canEdit ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(values) =>
            add.mutate(
              { title: values.title, dueOn: toDateString(values.dueOn)! },
              {
                onSuccess: () => {
                  notify.success(m.added);
                  form.resetFields();
                },
                onError: (error) => notify.error(error, form),
              },
            )
          }
        >
          <Form.Item name="title" rules={[requiredText(m.title)]}>
            <Input placeholder={m.title} maxLength={200} style={{ width: 260 }} data-testid="milestone-title" />
          </Form.Item>
          <Form.Item name="dueOn" rules={[requiredChoice(m.dueOn)]}>
            <DatePicker placeholder={m.dueOn} data-testid="milestone-due" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="milestone-add">
            {m.add}
          </Button>
        </Form>
      ) : null}
      <NoteModal
        open={!!completing}
        title={completing ? m.completeTitle(completing.title) : ''}
        label={m.evidence}
        requiredMessage={m.evidenceRequired}
        busy={complete.isPending}
        testId="milestone-evidence"
        onCancel={() => setCompleting(null)}
        onOk={(evidence) =>
          complete.mutate(
            { milestone: completing!, evidence },
            {
              onSuccess: () => {
                notify.success(m.done);
                setCompleting(null);
              },
              onError: (error) => notify.error(error),
            },
          )
        }
      />
    </Card>
  );
}
