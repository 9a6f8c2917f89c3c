import { type RectificationAction, rectificationLabels } from '@stip/contracts';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDate, formatDateTime, formatText } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { RectificationStatusTag } from '../components/EvaluationTags';
import { useRectification, useTransitionRectification } from '../hooks/useEvaluations';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const text = t.rectifications;

/** One rectification: its requirements and deadline, the host's report, the check, and the step the user may take. */
export default function RectificationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const rectification = useRectification(id);
  useRecordName(rectification.data?.platform.name);
  const transition = useTransitionRectification();
  const notify = useNotify();
  const [form] = Form.useForm<{ note: string; deadline?: Dayjs }>();
  const [action, setAction] = useState<RectificationAction | null>(null);

  if (rectification.isPending) return <PageLoading />;
  if (rectification.isError)
    return <LoadFailed error={rectification.error} onRetry={() => void rectification.refetch()} backTo="/rectifications" />;
  const data = rectification.data;

  const submit = (values: { note: string; deadline?: Dayjs }) =>
    transition.mutate(
      {
        id: data.id,
        body: { action: action!, note: values.note.trim(), deadline: values.deadline?.format('YYYY-MM-DD'), version: data.version },
      },
      {
        onSuccess: () => {
          notify.success(text.done);
          setAction(null);
        },
        onError: (error) => notify.error(error, form),
      },
    );

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {data.platform.name}
            <RectificationStatusTag status={data.status} />
            {data.isOverdue ? <Tag color="red">{text.overdue}</Tag> : null}
            {data.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
          </Flex>
        }
        subtitle={<Link to="/rectifications">{text.backToList}</Link>}
        extra={
          <Space wrap>
            {data.allowedActions.map((allowed) => (
              <Button
                key={allowed}
                type={allowed === 'extend' ? 'default' : 'primary'}
                danger={allowed === 'fail'}
                onClick={() => setAction(allowed)}
                data-testid={`rectification-action-${allowed}`}
              >
                {text.actions[allowed]}
              </Button>
            ))}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={text.fields.platform}>
            <Link to={`/platforms/${data.platform.id}`}>{data.platform.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={text.fields.host}>{data.hostOrganization.name}</Descriptions.Item>
          <Descriptions.Item label={text.fields.round}>
            {data.round ? <Link to={`/evaluations/${data.round.id}`}>{data.round.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={text.fields.deadline}>{formatDate(data.deadline)}</Descriptions.Item>
          <Descriptions.Item label={text.fields.requirements} span={2}>
            {data.requirements}
          </Descriptions.Item>
          <Descriptions.Item label={text.fields.report} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{formatText(data.report)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={text.fields.submittedAt}>{formatDateTime(data.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={text.fields.checkedAt}>{formatDateTime(data.checkedAt)}</Descriptions.Item>
          <Descriptions.Item label={text.fields.checkComment} span={2}>
            {formatText(data.checkComment)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={text.fields.history}>
        <Timeline
          items={data.history.map((entry) => ({
            children: (
              <>
                <Typography.Text strong>{rectificationLabels.action[entry.action]}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatDateTime(entry.at)} {entry.by ?? ''}
                </Typography.Text>
                {entry.note ? <div>{entry.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      <Modal
        open={action !== null}
        title={action ? text.actions[action] : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText={t.common.confirm}
        okButtonProps={{ danger: action === 'fail', 'data-testid': 'rectification-confirm' }}
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        {action === 'fail' ? <Alert type="error" showIcon message={text.failConfirm} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy>
          {action === 'extend' ? (
            <Form.Item name="deadline" label={text.newDeadline} rules={[{ required: true, message: text.deadlineRequired }]}>
              <DatePicker disabledDate={(day) => day.isBefore(dayjs(data.deadline).add(1, 'day'), 'day')} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="note"
            label={action ? text.notes[action] : ''}
            rules={[{ required: true, whitespace: true, message: text.noteRequired }]}
          >
            <Input.TextArea rows={5} maxLength={2000} data-testid="rectification-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
