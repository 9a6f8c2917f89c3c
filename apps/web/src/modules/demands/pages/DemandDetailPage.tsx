import { DeleteOutlined, EditOutlined, FlagOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatChineseDate, formatChineseDateTime, formatText } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { PublicationActions } from '../../achievements/components/PublicationActions';
import { PublicationHistory } from '../../achievements/components/PublicationHistory';
import { PublicationStatusTag } from '../../achievements/components/PublicationStatusTag';
import { useDemand, useDeleteDemand, useTransitionDemand } from '../hooks/useDemands';

const text = t.sharing;
const fields = text.demand.fields;

/** One demand: its facts, its status with the moves the user may take, its history, matching and 揭榜挂帅. */
export default function DemandDetailPage() {
  const { id } = useParams<{ id: string }>();
  const demand = useDemand(id);
  useRecordName(demand.data?.title);
  const navigate = useNavigate();
  const transition = useTransitionDemand();
  const remove = useDeleteDemand();
  const canMatch = useCan('matching:read');
  const canPostChallenge = useCan('challenge:write');
  const { modal } = App.useApp();
  const notify = useNotify();

  if (demand.isPending) return <PageLoading />;
  if (demand.isError) return <LoadFailed error={demand.error} onRetry={() => void demand.refetch()} backTo="/demands" />;
  const d = demand.data;
  const deletable = d.canEdit && (d.status === 'draft' || d.status === 'returned');

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {d.title}
            <PublicationStatusTag status={d.status} />
            {d.isDemo ? <DemoTag /> : null}
          </Flex>
        }
        extra={
          <Space wrap>
            {canMatch && d.status === 'published' ? (
              <Button icon={<NodeIndexOutlined />} onClick={() => navigate(`/matching/demands/${d.id}`)} data-testid="demand-matching">
                {text.matching}
              </Button>
            ) : null}
            {canPostChallenge && d.canEdit && d.status === 'published' ? (
              <Button icon={<FlagOutlined />} onClick={() => navigate(`/challenges/new?demandId=${d.id}`)} data-testid="demand-challenge">
                {text.postChallenge}
              </Button>
            ) : null}
            {d.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/demands/${d.id}/edit`)} data-testid="demand-edit">
                {t.common.edit}
              </Button>
            ) : null}
            {deletable ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() =>
                  modal.confirm({
                    title: text.deleteConfirm(d.title),
                    content: text.deleteHint,
                    okText: t.common.delete,
                    okButtonProps: { danger: true },
                    onOk: () =>
                      remove.mutateAsync(
                        { id: d.id, version: d.version },
                        {
                          onSuccess: () => {
                            notify.success(t.common.deleted);
                            navigate('/demands');
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
              allowed={d.allowedActions}
              pending={transition.isPending}
              onMove={(action, reason) =>
                transition.mutateAsync({ id: d.id, body: { action, version: d.version, ...(reason ? { reason } : {}) } })
              }
            />
          </Space>
        }
      />
      {d.reviewNote && (d.status === 'returned' || d.status === 'submitted') ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text type="warning" data-testid="demand-review-note">
            {text.reviewNote}：{d.reviewNote}
          </Typography.Text>
        </Card>
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={fields.description} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{formatText(d.description)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={fields.keywords} span={2}>
            {d.keywords.length
              ? d.keywords.map((k) => (
                  <Tag key={k} color="blue" bordered={false}>
                    {k}
                  </Tag>
                ))
              : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.technicalField}>{formatText(d.technicalField)}</Descriptions.Item>
          <Descriptions.Item label={fields.industry}>{formatText(d.industry)}</Descriptions.Item>
          <Descriptions.Item label={fields.budget}>{d.budget === null ? text.none : text.yuan(d.budget)}</Descriptions.Item>
          <Descriptions.Item label={fields.deadline}>{formatChineseDate(d.deadline)}</Descriptions.Item>
          <Descriptions.Item label={fields.enterprise}>{formatText(d.enterpriseName)}</Descriptions.Item>
          <Descriptions.Item label={fields.region}>{d.region?.name ?? text.none}</Descriptions.Item>
          <Descriptions.Item label={fields.contactName}>{formatText(d.contactName)}</Descriptions.Item>
          <Descriptions.Item label={fields.contactPhone}>{formatText(d.contactPhone)}</Descriptions.Item>
          <Descriptions.Item label={fields.contactEmail}>{formatText(d.contactEmail)}</Descriptions.Item>
          <Descriptions.Item label={fields.publishedContact}>
            {d.publishedContact.length ? d.publishedContact.map((f) => text.contactField[f]).join('、') : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.publishedAt}>{formatChineseDateTime(d.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={fields.updatedAt}>{formatChineseDateTime(d.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PublicationHistory events={d.history} />
    </>
  );
}
