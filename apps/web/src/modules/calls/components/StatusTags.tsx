import type { ApplicationStatus, CallStatus, EligibilityOutcome } from '@stip/contracts';
import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const callColor: Record<CallStatus, string> = { draft: 'default', open: 'processing', closed: 'warning', archived: 'default' };
const applicationColor: Record<ApplicationStatus, string> = {
  draft: 'default',
  county_review: 'processing',
  returned: 'warning',
  formal_review: 'processing',
  expert_review: 'purple',
  public_notice: 'cyan',
  recognized: 'success',
  rejected: 'error',
  withdrawn: 'default',
};
const outcomeColor: Record<EligibilityOutcome, string> = { pass: 'success', fail: 'error', needs_judgement: 'warning' };

export const CallStatusTag = ({ status }: { status: CallStatus }) => <Tag color={callColor[status]}>{t.calls.callStatus[status]}</Tag>;
export const ApplicationStatusTag = ({ status }: { status: ApplicationStatus }) => (
  <Tag color={applicationColor[status]} data-testid="application-status">
    {t.calls.applicationStatus[status]}
  </Tag>
);
export const OutcomeTag = ({ outcome }: { outcome: EligibilityOutcome }) => (
  <Tag color={outcomeColor[outcome]}>{t.calls.eligibilityOutcome[outcome]}</Tag>
);
