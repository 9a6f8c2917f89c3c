import type { CreateLead, MatchCandidate, MatchKind } from '@stip/contracts';
import { publicationStatusLabels } from '@stip/contracts';
import { Card, Descriptions, Empty, Flex, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { isMissingRecord, LoadFailed, MissingRecord } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { CandidateCard } from '../components/CandidateCard';
import { useCreateLead, useMatches } from '../hooks/useMatching';

const sectionsOf: Record<'demand' | 'achievement', MatchKind[]> = {
  demand: ['achievement', 'expert', 'platform'],
  achievement: ['demand', 'enterprise'],
};

/** The lead a candidate makes with the subject. */
function leadBody(subject: 'demand' | 'achievement', subjectId: string, candidate: MatchCandidate): CreateLead {
  const side = subject === 'demand' ? { demandId: subjectId } : { achievementId: subjectId };
  const counterpart = {
    achievement: { achievementId: candidate.id },
    demand: { demandId: candidate.id },
    expert: { expertId: candidate.id },
    platform: { platformId: candidate.id },
    enterprise: { organizationId: candidate.id },
  }[candidate.kind];
  return { ...side, ...counterpart };
}

/**
 * 智能匹配: for a demand, the achievements, experts and platforms that could meet it; for an achievement, the
 * demands and enterprises that could use it — each ranked, with its reasons and 「记录对接」.
 */
export default function MatchingPage({ subject }: { subject: 'demand' | 'achievement' }) {
  const { id = '' } = useParams();
  const matches = useMatches(subject, id);
  const user = useCurrentUser();
  const canRecord = user.permissions.includes('lead:write');
  const createLead = useCreateLead();
  const notify = useNotify();
  const navigate = useNavigate();
  const [recording, setRecording] = useState<MatchCandidate | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  useRecordName(matches.data ? withoutDemoMark(matches.data.subject.title) : undefined);

  if (matches.isPending) return <PageLoading />;
  if (matches.isError) {
    const back = subject === 'demand' ? '/demands' : '/achievements';
    return isMissingRecord(matches.error) ? (
      <MissingRecord backTo={back} />
    ) : (
      <LoadFailed error={matches.error} onRetry={() => void matches.refetch()} />
    );
  }
  const { subject: s, items } = matches.data;

  const record = (values: { note?: string }) => {
    if (!recording) return;
    createLead.mutate(
      { ...leadBody(subject, id, recording), note: values.note?.trim() || null },
      {
        onSuccess: (lead) => {
          notify.success(t.matching.leadCreated);
          setRecording(null);
          form.resetFields();
          void navigate(`/leads/${lead.id}`);
        },
        onError: (error) => notify.error(error, form),
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={
          <Space wrap>
            {`${t.matching.pageTitle} · ${withoutDemoMark(s.title)}`}
            {s.isDemo ? <DemoTag /> : null}
          </Space>
        }
        subtitle={
          <Space wrap>
            <Tag>{t.matching.subjectLabel[s.kind]}</Tag>
            <Tag>{publicationStatusLabels[s.status]}</Tag>
          </Space>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t.matching.subjectFacts.field}>{s.technicalField ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.matching.subjectFacts.industry}>{s.industry ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.matching.subjectFacts.region}>{s.region?.name ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={t.matching.subjectFacts.terms} span={3}>
            <Flex wrap gap={4}>
              {s.terms.map((term) => (
                <Tag key={term} style={{ marginInlineEnd: 0 }}>
                  {term}
                </Tag>
              ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {sectionsOf[subject].map((kind) => {
        const found = items.filter((item) => item.kind === kind);
        return (
          <Card key={kind} size="small" title={`${t.matching.sections[kind]}（${found.length}）`} data-testid={`match-section-${kind}`}>
            {found.length ? (
              <Flex vertical gap={8}>
                {found.map((candidate) => (
                  <CandidateCard key={candidate.id} candidate={candidate} canRecord={canRecord} onRecord={setRecording} />
                ))}
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.matching.empty} />
            )}
          </Card>
        );
      })}
      <Modal
        open={!!recording}
        title={recording ? t.matching.recordLeadTitle(withoutDemoMark(recording.title)) : ''}
        okText={t.matching.recordLead}
        confirmLoading={createLead.isPending}
        onOk={() => form.submit()}
        onCancel={() => setRecording(null)}
        okButtonProps={{ 'data-testid': 'match-record-lead-confirm' } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={record}>
          <Form.Item name="note" label={t.matching.leadNote}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="match-record-lead-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
