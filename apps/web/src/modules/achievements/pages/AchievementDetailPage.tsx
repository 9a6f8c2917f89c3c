import { DeleteOutlined, EditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatChineseDateTime, formatText } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { PublicationActions } from '../components/PublicationActions';
import { PublicationHistory } from '../components/PublicationHistory';
import { PublicationStatusTag } from '../components/PublicationStatusTag';
import { useAchievement, useDeleteAchievement, useTransitionAchievement } from '../hooks/useAchievements';

const text = t.sharing;
const fields = text.achievement.fields;

/** One achievement: its facts, its status with the moves the user may take, its history, and the way to matching. */
export default function AchievementDetailPage() {
  const { id } = useParams<{ id: string }>();
  const achievement = useAchievement(id);
  useRecordName(achievement.data?.title);
  const navigate = useNavigate();
  const transition = useTransitionAchievement();
  const remove = useDeleteAchievement();
  const canMatch = useCan('matching:read');
  const { modal } = App.useApp();
  const notify = useNotify();

  if (achievement.isPending) return <PageLoading />;
  if (achievement.isError)
    return <LoadFailed error={achievement.error} onRetry={() => void achievement.refetch()} backTo="/achievements" />;
  const a = achievement.data;
  const deletable = a.canEdit && (a.status === 'draft' || a.status === 'returned');

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {a.title}
            <PublicationStatusTag status={a.status} />
            {a.isDemo ? <DemoTag /> : null}
          </Flex>
        }
        extra={
          <Space wrap>
            {canMatch && a.status === 'published' ? (
              <Button
                icon={<NodeIndexOutlined />}
                onClick={() => navigate(`/matching/achievements/${a.id}`)}
                data-testid="achievement-matching"
              >
                {text.matching}
              </Button>
            ) : null}
            {a.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/achievements/${a.id}/edit`)} data-testid="achievement-edit">
                {t.common.edit}
              </Button>
            ) : null}
            {deletable ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() =>
                  modal.confirm({
                    title: text.deleteConfirm(a.title),
                    content: text.deleteHint,
                    okText: t.common.delete,
                    okButtonProps: { danger: true },
                    onOk: () =>
                      remove.mutateAsync(
                        { id: a.id, version: a.version },
                        {
                          onSuccess: () => {
                            notify.success(t.common.deleted);
                            navigate('/achievements');
                          },
                          onError: (error) => notify.error(error),
                        },
                      ),
                  })
                }
              >
                {t.common.delete}
              </Button>
            ) : null}
            <PublicationActions
              allowed={a.allowedActions}
              pending={transition.isPending}
              onMove={(action, reason) =>
                transition.mutateAsync({ id: a.id, body: { action, version: a.version, ...(reason ? { reason } : {}) } })
              }
            />
          </Space>
        }
      />
      {a.reviewNote && (a.status === 'returned' || a.status === 'submitted') ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text type="warning" data-testid="achievement-review-note">
            {text.reviewNote}：{a.reviewNote}
          </Typography.Text>
        </Card>
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={fields.abstract} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{formatText(a.abstract)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={fields.keywords} span={2}>
            {a.keywords.length
              ? a.keywords.map((k) => (
                  <Tag key={k} color="blue" bordered={false}>
                    {k}
                  </Tag>
                ))
              : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.technicalField}>{formatText(a.technicalField)}</Descriptions.Item>
          <Descriptions.Item label={fields.industry}>{formatText(a.industry)}</Descriptions.Item>
          <Descriptions.Item label={fields.maturity}>{a.maturity ? text.maturity[a.maturity] : text.none}</Descriptions.Item>
          <Descriptions.Item label={fields.discipline}>{formatText(a.discipline)}</Descriptions.Item>
          <Descriptions.Item label={fields.owner}>{formatText(a.ownerName)}</Descriptions.Item>
          <Descriptions.Item label={fields.ownerType}>{a.ownerType ? text.ownerType[a.ownerType] : text.none}</Descriptions.Item>
          <Descriptions.Item label={fields.team}>{formatText(a.team)}</Descriptions.Item>
          <Descriptions.Item label={fields.region}>{a.region?.name ?? text.none}</Descriptions.Item>
          <Descriptions.Item label={fields.transferModes}>
            {a.transferModes.length ? a.transferModes.map((m) => text.transferMode[m]).join('、') : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.price}>{text.priceRange(a.priceMin, a.priceMax)}</Descriptions.Item>
          <Descriptions.Item label={fields.patents} span={2}>
            {a.patents.length
              ? a.patents.map((p) => (
                  <div key={p.number}>
                    {p.number}
                    {p.title ? ` ${p.title}` : ''}
                    {p.kind ? `（${p.kind}）` : ''}
                  </div>
                ))
              : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.contactName}>{formatText(a.contactName)}</Descriptions.Item>
          <Descriptions.Item label={fields.contactPhone}>{formatText(a.contactPhone)}</Descriptions.Item>
          <Descriptions.Item label={fields.contactEmail}>{formatText(a.contactEmail)}</Descriptions.Item>
          <Descriptions.Item label={fields.publishedContact}>
            {a.publishedContact.length ? a.publishedContact.map((f) => text.contactField[f]).join('、') : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.publishedAt}>{formatChineseDateTime(a.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={fields.updatedAt}>{formatChineseDateTime(a.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PublicationHistory events={a.history} />
    </>
  );
}
