import {
  type ApplicationAction,
  type ApplicationObjection,
  type ApplicationReview,
  type ReviewAction,
  reviewActions,
  sixHavesItems,
} from '@stip/contracts';
import { Button, Card, Collapse, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { DemoTag } from '../../../shared/components/DemoTag';
import { applicationsApi } from '../api';
import { EligibilityTable } from '../components/EligibilityTable';
import { ReasonModal, type ReasonValues } from '../components/ReasonModal';
import { ApplicationStatusTag } from '../components/StatusTags';
import { useApplication, useCallsMutation } from '../hooks/useCalls';
import { ApplicationPanelCard } from '../../experts/components/ApplicationPanelCard';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const isReviewAction = (action: ApplicationAction): action is ReviewAction => (reviewActions as readonly string[]).includes(action);

/**
 * One application as every party sees it: the form, materials with digests, eligibility now and at each
 * step, every submitted version, the review history, the public notice with its objections, the recognition;
 * and the steps the signed-in user may take.
 */
export default function ApplicationDetailPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const notify = useNotify();
  const application = useApplication(id);
  useRecordName(application.data?.platformName);
  const [action, setAction] = useState<ReviewAction | null>(null);
  const [objecting, setObjecting] = useState(false);
  const [resolving, setResolving] = useState<ApplicationObjection | null>(null);
  const [objectionForm] = Form.useForm<{ raisedBy: string; text: string }>();
  const [resolveForm] = Form.useForm<{ resolution: 'upheld' | 'dismissed'; note: string }>();
  const review = useCallsMutation((values: ReasonValues & { action: ReviewAction }) =>
    applicationsApi.review(id!, { ...values, version: application.data!.version }),
  );
  const addObjection = useCallsMutation((values: { raisedBy: string; text: string }) => applicationsApi.addObjection(id!, values));
  const resolve = useCallsMutation((values: { resolution: 'upheld' | 'dismissed'; note: string }) =>
    applicationsApi.resolveObjection(id!, resolving!.id, { ...values, version: application.data!.version }),
  );

  if (application.isLoading) return <PageLoading />;
  if (application.isError || !application.data)
    return <LoadFailed error={application.error} onRetry={() => void application.refetch()} backTo="/todos" />;
  const a = application.data;
  const reviewerActions = a.allowedActions.filter(isReviewAction);
  const canEdit = a.allowedActions.includes('submit') || a.allowedActions.includes('resubmit');
  const isCity = user.role === 'city_staff';
  const form = a.form;

  return (
    <>
      <PageHeader
        title={
          <>
            {a.platformName} <ApplicationStatusTag status={a.status} /> {a.isDemo ? <DemoTag /> : null}
          </>
        }
        subtitle={<Link to={`/calls/${a.callId}`}>{a.callTitle}</Link>}
        extra={
          <Space wrap>
            {canEdit ? (
              <Link to={`/applications/${a.id}/edit`}>
                <Button type="primary">{t.calls.edit.fill}</Button>
              </Link>
            ) : null}
            {reviewerActions.map((reviewAction) => (
              <Button
                key={reviewAction}
                type={reviewAction === 'return' || reviewAction === 'reject' ? 'default' : 'primary'}
                danger={reviewAction === 'reject'}
                onClick={() => setAction(reviewAction)}
                data-testid={`review-${reviewAction}`}
              >
                {t.calls.applicationAction[reviewAction]}
              </Button>
            ))}
            <Button onClick={() => void applicationsApi.dossier(a.id)}>{t.calls.review.dossier}</Button>
          </Space>
        }
      />
      <Card size="small" title={t.calls.review.eligibilityNow} style={{ marginBottom: 12 }}>
        <EligibilityTable results={a.eligibility} />
      </Card>
      <Card size="small" title={t.calls.review.form} style={{ marginBottom: 12 }}>
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t.calls.application.organization}>{a.organization.name}</Descriptions.Item>
          <Descriptions.Item label={t.calls.application.type}>{a.type.name}</Descriptions.Item>
          <Descriptions.Item label={t.calls.application.region}>{a.region.name}</Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.technicalFields}>{a.technicalFields.join('、') || t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.rdSpend}>{form.rdSpendLastYear ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.researchStaff}>{form.researchStaff ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.director}>{form.director || t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.collaborators}>
            {a.collaborators.map((c) => (c.organization ? `${c.name}（${c.organization}）` : c.name)).join('、') || t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.summary} span={2}>
            {form.summary || t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={t.calls.edit.sixHaves} span={2}>
            {sixHavesItems.map((item) => (
              <Tag key={item} color={form.sixHaves?.[item] === true ? 'green' : form.sixHaves?.[item] === false ? 'red' : 'default'}>
                {t.calls.sixHaves[item]}：
                {form.sixHaves?.[item] === true ? t.common.yes : form.sixHaves?.[item] === false ? t.common.no : t.common.none}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t.calls.review.materials} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.materials}
          locale={{ emptyText: t.calls.review.none }}
          columns={[
            { title: t.calls.field.materialName, render: (_, m) => a.call.materials.find((x) => x.code === m.code)?.name ?? m.code },
            {
              title: t.calls.review.download,
              render: (_, m) => (
                <Button type="link" size="small" onClick={() => void applicationsApi.downloadMaterial(a.id, m)}>
                  {m.fileName}
                </Button>
              ),
            },
            { title: t.calls.review.size, dataIndex: 'size', width: 100 },
            {
              title: t.calls.review.digest,
              dataIndex: 'sha256',
              render: (v: string) => (
                <Typography.Text code copyable>
                  {v}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {user.permissions.includes('expert:read') &&
      ['formal_review', 'expert_review', 'public_notice', 'recognized', 'rejected'].includes(a.status) ? (
        <ApplicationPanelCard applicationId={a.id} />
      ) : null}
      <Card
        size="small"
        title={t.calls.review.notice}
        style={{ marginBottom: 12 }}
        extra={
          isCity && a.status === 'public_notice' ? <Button onClick={() => setObjecting(true)}>{t.calls.review.addObjection}</Button> : null
        }
      >
        <Typography.Paragraph>
          {a.noticeStartsOn && a.noticeEndsOn ? t.calls.review.noticePeriod(a.noticeStartsOn, a.noticeEndsOn) : t.calls.review.noNotice}
        </Typography.Paragraph>
        <Table<ApplicationObjection>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.objections}
          locale={{ emptyText: t.calls.review.noObjections }}
          columns={[
            { title: t.calls.review.raisedBy, dataIndex: 'raisedBy', width: 160 },
            { title: t.calls.review.objectionText, dataIndex: 'text' },
            { title: t.calls.application.submittedAt, dataIndex: 'recordedAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t.calls.review.resolution,
              width: 220,
              render: (_, o) =>
                o.resolution ? (
                  <>
                    <Tag color={o.resolution === 'upheld' ? 'red' : 'green'}>{t.calls.objectionResolution[o.resolution]}</Tag>{' '}
                    {o.resolutionNote}
                  </>
                ) : isCity && a.status === 'public_notice' ? (
                  <Button size="small" onClick={() => setResolving(o)}>
                    {t.calls.review.resolve}
                  </Button>
                ) : (
                  t.calls.review.pending
                ),
            },
          ]}
        />
      </Card>
      {a.status === 'recognized' ? (
        <Card size="small" title={t.calls.review.recognition} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t.calls.review.documentNo}>{a.recognitionDocNo}</Descriptions.Item>
            <Descriptions.Item label={t.calls.review.recognizedOn}>{a.recognizedOn}</Descriptions.Item>
            <Descriptions.Item label={t.calls.review.platform}>
              {a.platformId ? <Link to={`/platforms/${a.platformId}`}>{a.platformName}</Link> : null}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Card size="small" title={t.calls.review.history} style={{ marginBottom: 12 }}>
        <Timeline
          items={a.reviews.map((r: ApplicationReview) => ({
            key: r.id,
            color: r.toStatus === 'returned' || r.toStatus === 'rejected' ? 'red' : 'blue',
            children: (
              <>
                <div>
                  <Typography.Text strong>{t.calls.applicationAction[r.action]}</Typography.Text> · {r.actorName} ·{' '}
                  {formatDateTime(r.createdAt)} · {t.calls.applicationStatus[r.fromStatus]} → {t.calls.applicationStatus[r.toStatus]}
                </div>
                {r.comment ? <div data-testid="review-comment">{r.comment}</div> : null}
                {r.eligibility?.length ? (
                  <Collapse
                    size="small"
                    ghost
                    items={[{ key: 'e', label: t.calls.review.eligibilityAt, children: <EligibilityTable results={r.eligibility} /> }]}
                  />
                ) : null}
              </>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t.calls.review.versions}>
        <Collapse
          size="small"
          items={a.versions.map((v) => ({
            key: v.id,
            label: `${t.calls.review.version(v.seq)} · ${formatDateTime(v.createdAt)}`,
            children: <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(v.snapshot, null, 2)}</pre>,
          }))}
        />
      </Card>
      <ReasonModal
        open={action !== null}
        title={action ? t.calls.applicationAction[action] : ''}
        needs={action === 'startPublicNotice' ? 'notice' : action === 'recognize' ? 'recognition' : 'reason'}
        reasonRequired={action === 'return' || action === 'reject'}
        busy={review.isPending}
        onCancel={() => setAction(null)}
        onOk={(values) =>
          review.mutate(
            { ...values, action: action! },
            {
              onSuccess: () => {
                notify.success(t.calls.review.actionDone(t.calls.applicationAction[action!]));
                setAction(null);
              },
              onError: (error) => notify.error(error),
            },
          )
        }
      />
      <Modal
        open={objecting}
        title={t.calls.review.addObjection}
        onCancel={() => setObjecting(false)}
        onOk={() => objectionForm.submit()}
        confirmLoading={addObjection.isPending}
        destroyOnHidden
      >
        <Form
          form={objectionForm}
          layout="vertical"
          preserve={false}
          onFinish={(values) =>
            addObjection.mutate(values, { onSuccess: () => setObjecting(false), onError: (e) => notify.error(e, objectionForm) })
          }
        >
          <Form.Item
            name="raisedBy"
            label={t.calls.review.raisedBy}
            rules={[{ required: true, whitespace: true, message: t.calls.form.required }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="text"
            label={t.calls.review.objectionText}
            rules={[{ required: true, whitespace: true, message: t.calls.form.required }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resolving !== null}
        title={t.calls.review.resolve}
        onCancel={() => setResolving(null)}
        onOk={() => resolveForm.submit()}
        confirmLoading={resolve.isPending}
        destroyOnHidden
      >
        <Form
          form={resolveForm}
          layout="vertical"
          preserve={false}
          initialValues={{ resolution: 'dismissed' }}
          onFinish={(values) =>
            resolve.mutate(values, { onSuccess: () => setResolving(null), onError: (e) => notify.error(e, resolveForm) })
          }
        >
          <Form.Item name="resolution" label={t.calls.review.resolution}>
            <Radio.Group options={(['dismissed', 'upheld'] as const).map((r) => ({ value: r, label: t.calls.objectionResolution[r] }))} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t.calls.review.resolutionNote}
            rules={[{ required: true, whitespace: true, message: t.calls.form.required }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
