import type { ChallengeApplicationStatus, ChallengeStatus } from '@stip/contracts';
import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const statusColor: Record<ChallengeStatus, string> = {
  draft: 'default',
  submitted: 'warning',
  open: 'processing',
  reviewing: 'purple',
  selected: 'cyan',
  completed: 'success',
  cancelled: 'default',
};
const applicationColor: Record<ChallengeApplicationStatus, string> = {
  submitted: 'processing',
  withdrawn: 'default',
  selected: 'success',
  not_selected: 'default',
};

export const ChallengeStatusTag = ({ status }: { status: ChallengeStatus }) => (
  <Tag color={statusColor[status]} data-testid="challenge-status">
    {t.challenges.status[status]}
  </Tag>
);

export const ChallengeApplicationStatusTag = ({ status }: { status: ChallengeApplicationStatus }) => (
  <Tag color={applicationColor[status]} data-testid="challenge-application-status">
    {t.challenges.applicationStatus[status]}
  </Tag>
);
