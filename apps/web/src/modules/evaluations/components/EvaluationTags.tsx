import {
  type EvaluationGrade,
  evaluationLabels,
  type EvaluationOutcome,
  type EvaluationRoundStatus,
  rectificationLabels,
  type RectificationStatus,
} from '@stip/contracts';
import { Tag } from 'antd';

const roundColors: Record<EvaluationRoundStatus, string> = {
  draft: 'default',
  scoring: 'processing',
  reviewing: 'warning',
  published: 'cyan',
  applied: 'success',
};
const gradeColors: Record<EvaluationGrade, string> = { excellent: 'green', good: 'blue', qualified: 'default', unqualified: 'red' };
const outcomeColors: Record<EvaluationOutcome, string> = { keep: 'default', rectify: 'orange', revoke: 'red', recommend: 'green' };
const rectificationColors: Record<RectificationStatus, string> = {
  ordered: 'orange',
  submitted: 'processing',
  passed: 'success',
  revoked: 'red',
};

export function RoundStatusTag({ status }: { status: EvaluationRoundStatus }) {
  return <Tag color={roundColors[status]}>{evaluationLabels.roundStatus[status]}</Tag>;
}

export function GradeTag({ grade }: { grade: EvaluationGrade | null }) {
  return grade ? (
    <Tag color={gradeColors[grade]} data-testid="grade-tag">
      {evaluationLabels.grade[grade]}
    </Tag>
  ) : null;
}

export function OutcomeTag({ outcome }: { outcome: EvaluationOutcome | null }) {
  return outcome ? <Tag color={outcomeColors[outcome]}>{evaluationLabels.outcome[outcome]}</Tag> : null;
}

export function RectificationStatusTag({ status }: { status: RectificationStatus }) {
  return <Tag color={rectificationColors[status]}>{rectificationLabels.status[status]}</Tag>;
}
