import { DeleteOutlined, EditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import type { ContactField, PublicationAction, PublicationEvent, PublicationStatus, PublicationTransition } from '@stip/contracts';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatChineseDateTime, formatText } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { PublicationActions } from './PublicationActions';
import { PublicationHistory } from './PublicationHistory';
import { PublicationStatusTag } from './PublicationStatusTag';

const text = t.sharing;

/** What every publication's detail has (the contract's common fields of achievements and demands). */
interface PublicationDetail {
  id: string;
  title: string;
  keywords: string[];
  technicalField: string | null;
  industry: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  publishedContact: ContactField[];
  status: PublicationStatus;
  reviewNote: string | null;
  publishedAt: string | null;
  updatedAt: string;
  canEdit: boolean;
  allowedActions: PublicationAction[];
  isDemo: boolean;
  version: number;
  history: PublicationEvent[];
}

interface Props<Detail extends PublicationDetail> {
  /** The record kind: its texts, paths and test ids (`achievement-edit`). */
  kind: 'achievement' | 'demand';
  record: UseQueryResult<Detail>;
  transition: UseMutationResult<unknown, Error, { id: string; body: PublicationTransition }>;
  remove: UseMutationResult<unknown, Error, { id: string; version: number }>;
  /** The record's text (成果简介, 需求描述), shown first and whole. */
  summary: (record: Detail) => { label: string; text: string | null };
  /** The kind's own facts, between 所属产业 and 联系人. */
  details: (record: Detail) => ReactElement[];
  /** The kind's own buttons, between 匹配 and 编辑. */
  actions?: (record: Detail) => ReactNode;
}

/** One achievement or demand: its facts, its status with the moves the user may take, its history, the way to matching. */
export function PublicationDetailPage<Detail extends PublicationDetail>({
  kind,
  record,
  transition,
  remove,
  summary,
  details,
  actions,
}: Props<Detail>) {
  useRecordName(record.data?.title);
  const navigate = useNavigate();
  const canMatch = useCan('matching:read');
  const { modal } = App.useApp();
  const notify = useNotify();
  const fields = text[kind].fields;
  const path = `/${kind}s`;

  if (record.isPending) return <PageLoading />;
  if (record.isError) return <LoadFailed error={record.error} onRetry={() => void record.refetch()} backTo={path} />;
  const r = record.data;
  const deletable = r.canEdit && (r.status === 'draft' || r.status === 'returned');
  const { label, text: body } = summary(r);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {r.title}
            <PublicationStatusTag status={r.status} />
            {r.isDemo ? <DemoTag /> : null}
          </Flex>
        }
        extra={
          <Space wrap>
            {canMatch && r.status === 'published' ? (
              <Button icon={<NodeIndexOutlined />} onClick={() => navigate(`/matching${path}/${r.id}`)} data-testid={`${kind}-matching`}>
                {text.matching}
              </Button>
            ) : null}
            {actions?.(r)}
            {r.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`${path}/${r.id}/edit`)} data-testid={`${kind}-edit`}>
                {t.common.edit}
              </Button>
            ) : null}
            {deletable ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() =>
                  modal.confirm({
                    title: text.deleteConfirm(r.title),
                    content: text.deleteHint,
                    okText: t.common.delete,
                    okButtonProps: { danger: true },
                    onOk: () =>
                      remove.mutateAsync(
                        { id: r.id, version: r.version },
                        {
                          onSuccess: () => {
                            notify.success(t.common.deleted);
                            navigate(path);
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
              allowed={r.allowedActions}
              pending={transition.isPending}
              onMove={(action, reason) =>
                transition.mutateAsync({ id: r.id, body: { action, version: r.version, ...(reason ? { reason } : {}) } })
              }
            />
          </Space>
        }
      />
      {r.reviewNote && (r.status === 'returned' || r.status === 'submitted') ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text type="warning" data-testid={`${kind}-review-note`}>
            {text.reviewNote}：{r.reviewNote}
          </Typography.Text>
        </Card>
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={label} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{formatText(body)}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={fields.keywords} span={2}>
            {r.keywords.length
              ? r.keywords.map((k) => (
                  <Tag key={k} color="blue" bordered={false}>
                    {k}
                  </Tag>
                ))
              : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.technicalField}>{formatText(r.technicalField)}</Descriptions.Item>
          <Descriptions.Item label={fields.industry}>{formatText(r.industry)}</Descriptions.Item>
          {details(r)}
          <Descriptions.Item label={fields.contactName}>{formatText(r.contactName)}</Descriptions.Item>
          <Descriptions.Item label={fields.contactPhone}>{formatText(r.contactPhone)}</Descriptions.Item>
          <Descriptions.Item label={fields.contactEmail}>{formatText(r.contactEmail)}</Descriptions.Item>
          <Descriptions.Item label={fields.publishedContact}>
            {r.publishedContact.length ? r.publishedContact.map((f) => text.contactField[f]).join('、') : text.none}
          </Descriptions.Item>
          <Descriptions.Item label={fields.publishedAt}>{formatChineseDateTime(r.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={fields.updatedAt}>{formatChineseDateTime(r.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PublicationHistory events={r.history} />
    </>
  );
}
