import { type LeadAction, leadActionLabels } from '@stip/contracts';
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Row, Space, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { isMissingRecord, LoadFailed, MissingRecord } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatChineseDateTime } from '../../../shared/format/format';
import { requiredText, toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { ContractFormDrawer, type ContractDraft } from '../../technology-contracts/components/ContractFormDrawer';
import { ReasonTags } from '../components/CandidateCard';
import { LeadStatusTag } from '../components/LeadStatusTag';
import { leadSides } from '../components/leadNames';
import { useFollowUpLead, useLead } from '../hooks/useMatching';

const l = t.matching.leads;
/** The follow-ups staff may take from each status (the server's lifecycle decides; these only offer the buttons). */
const followUps: Record<string, Exclude<LeadAction, 'sign'>[]> = {
  new: ['contact', 'negotiate', 'drop'],
  contacted: ['negotiate', 'drop'],
  negotiating: ['drop'],
};

/** One lead: the pair, why it was proposed, the follow-up timeline, its contracts; follow it up or register a contract. */
export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const lead = useLead(id);
  const user = useCurrentUser();
  const followUp = useFollowUpLead();
  const notify = useNotify();
  const [action, setAction] = useState<Exclude<LeadAction, 'sign'> | null>(null);
  const [registering, setRegistering] = useState(false);
  const [form] = Form.useForm<{ note: string; occurredOn?: Dayjs | null }>();
  const sides = lead.data ? leadSides(lead.data) : null;
  useRecordName(sides?.subject);
  const draft = useMemo<ContractDraft | undefined>(
    () =>
      lead.data
        ? {
            leadId: lead.data.id,
            title: sides?.subject,
            regionId: lead.data.region.id,
          }
        : undefined,
    [lead.data, sides?.subject],
  );

  if (lead.isPending) return <PageLoading />;
  if (lead.isError) {
    return isMissingRecord(lead.error) ? (
      <MissingRecord backTo="/leads" />
    ) : (
      <LoadFailed error={lead.error} onRetry={() => void lead.refetch()} />
    );
  }
  const data = lead.data;
  const canWrite = user.permissions.includes('lead:write');
  const canRegister = user.permissions.includes('technology-contract:write') && data.status !== 'dropped';
  const matchingPath = data.demand
    ? `/matching/demands/${data.demand.id}`
    : data.achievement
      ? `/matching/achievements/${data.achievement.id}`
      : null;

  const submit = (values: { note: string; occurredOn?: Dayjs | null }) => {
    if (!action) return;
    followUp.mutate(
      { id, body: { action, note: values.note.trim(), occurredOn: toDateString(values.occurredOn) ?? undefined, version: data.version } },
      {
        onSuccess: () => {
          notify.success(t.common.saved);
          setAction(null);
          form.resetFields();
        },
        onError: (error) => notify.error(error, form),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {sides!.subject}
            <LeadStatusTag status={data.status} />
            {data.isDemo ? <DemoTag /> : null}
          </Space>
        }
        subtitle={sides!.counterpart}
        extra={
          <>
            {matchingPath ? <Link to={matchingPath}>{l.openMatching}</Link> : null}
            {canWrite
              ? (followUps[data.status] ?? []).map((move) => (
                  <Button key={move} danger={move === 'drop'} onClick={() => setAction(move)} data-testid={`lead-${move}`}>
                    {leadActionLabels[move]}
                  </Button>
                ))
              : null}
            {canRegister ? (
              <Button type="primary" onClick={() => setRegistering(true)} data-testid="lead-register-contract">
                {l.registerContract}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={l.reasons} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={l.columns.score}>{data.score ?? t.common.none}</Descriptions.Item>
              <Descriptions.Item label={l.columns.region}>{data.region.name}</Descriptions.Item>
              <Descriptions.Item label={l.note}>{data.note ?? t.common.none}</Descriptions.Item>
            </Descriptions>
            <ReasonTags reasons={data.reasons} />
          </Card>
          <Card size="small" title={l.contracts}>
            {data.contracts.length ? (
              <List
                size="small"
                dataSource={data.contracts}
                renderItem={(contract) => (
                  <List.Item>
                    <Link to={`/technology-contracts/${contract.id}`} data-testid="lead-contract-link">
                      {contract.registrationNumber}
                    </Link>
                    <span>{contract.amount} 万元</span>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={l.noContracts} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={l.timeline}>
            <Timeline
              data-testid="lead-timeline"
              items={data.events.map((event) => ({
                children: (
                  <>
                    <LeadStatusTag status={event.status} /> {formatChineseDateTime(event.occurredAt)}
                    <div>{event.note}</div>
                    {event.recordedBy ? <div style={{ color: '#888' }}>{event.recordedBy}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={!!action}
        title={action ? `${l.followUp}：${leadActionLabels[action]}` : ''}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        confirmLoading={followUp.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="note" label={l.followUpNote} rules={[requiredText(l.followUpNote)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="lead-follow-up-note" />
          </Form.Item>
          <Form.Item name="occurredOn" label={l.followUpDate}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <ContractFormDrawer open={registering} contract={null} draft={draft} onClose={() => setRegistering(false)} />
    </>
  );
}
