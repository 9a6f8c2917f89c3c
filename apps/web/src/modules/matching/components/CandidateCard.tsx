import type { MatchCandidate, MatchReason } from '@stip/contracts';
import { Button, Card, Flex, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';

const reasonColor: Record<MatchReason['kind'], string> = {
  shared_terms: 'blue',
  technical_field: 'green',
  industry: 'cyan',
  region: 'gold',
  platform_type: 'purple',
  expert_field: 'geekblue',
  enterprise_platform: 'purple',
  enterprise_demand: 'magenta',
};

/** Where a candidate's own record is shown. */
function recordPath(candidate: MatchCandidate): string | null {
  switch (candidate.kind) {
    case 'achievement':
      return `/achievements/${candidate.id}`;
    case 'demand':
      return `/demands/${candidate.id}`;
    case 'platform':
      return `/platforms/${candidate.id}`;
    default:
      return null;
  }
}

/** The reasons a match was proposed, as tags (the shared terms listed in full on hover). */
export function ReasonTags({ reasons }: { reasons: MatchReason[] }) {
  return (
    <Flex wrap gap={4} data-testid="match-reasons">
      {reasons.map((reason) => (
        <Tooltip key={reason.kind + reason.label} title={reason.terms?.join('、')}>
          <Tag
            color={reasonColor[reason.kind]}
            style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
            data-testid={`match-reason-${reason.kind}`}
          >
            {reason.label}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** One proposed match: what it is, its score, why, and 「记录对接」 (or the lead already recorded). */
export function CandidateCard({
  candidate,
  canRecord,
  onRecord,
}: {
  candidate: MatchCandidate;
  canRecord: boolean;
  onRecord: (candidate: MatchCandidate) => void;
}) {
  const path = recordPath(candidate);
  const title = withoutDemoMark(candidate.title);
  return (
    <Card size="small" data-testid={`match-candidate-${candidate.kind}`} data-id={candidate.id}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space direction="vertical" size={4} style={{ minWidth: 0, flex: 1 }}>
          <Space size={6} wrap>
            {path ? (
              <Link to={path} data-testid="match-candidate-title">
                {title}
              </Link>
            ) : (
              <Typography.Text strong data-testid="match-candidate-title">
                {title}
              </Typography.Text>
            )}
            {candidate.isDemo ? <DemoTag /> : null}
          </Space>
          {candidate.subtitle ? <Typography.Text type="secondary">{withoutDemoMark(candidate.subtitle)}</Typography.Text> : null}
          <ReasonTags reasons={candidate.reasons} />
        </Space>
        <Flex vertical align="flex-end" gap={6} style={{ width: 140 }}>
          <Tooltip title={t.matching.score}>
            <Progress percent={candidate.score} size="small" format={(value) => `${value}`} style={{ width: 130 }} />
          </Tooltip>
          {candidate.leadId ? (
            <Link to={`/leads/${candidate.leadId}`} data-testid="match-view-lead">
              {t.matching.viewLead}
            </Link>
          ) : canRecord ? (
            <Button size="small" type="primary" ghost onClick={() => onRecord(candidate)} data-testid="match-record-lead">
              {t.matching.recordLead}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}
