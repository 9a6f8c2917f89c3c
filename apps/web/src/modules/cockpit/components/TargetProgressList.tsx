import type { Target } from '@stip/contracts';
import { Empty, Flex, Progress, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { TargetStatusTag } from '../../targets/components/TargetStatusTag';
import { figureUnit, formatFigure, targetPercent, targetStatusColor } from '../../targets/components/targetFormat';

interface TargetProgressListProps {
  targets: Target[];
  onOpen: (target: Target) => void;
}

/** Every target as a row: subject and status, a bar of its figure against what it requires, and its deadline; grouped by plan. */
export function TargetProgressList({ targets, onOpen }: TargetProgressListProps) {
  if (!targets.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.cockpit.targetsEmpty} />;
  const plans = [...new Set(targets.map((target) => target.planTitle))];
  return (
    <div className="stip-cockpit-targets" data-testid="cockpit-targets">
      {plans.map((planTitle) => (
        <div key={planTitle}>
          {plans.length > 1 ? <div className="stip-cockpit-plan">{planTitle}</div> : null}
          {targets
            .filter((target) => target.planTitle === planTitle)
            .map((target) => (
              <button
                key={target.id}
                type="button"
                className="stip-cockpit-target"
                onClick={() => onOpen(target)}
                data-testid="cockpit-target"
                data-target-id={target.id}
              >
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text
                    ellipsis={{ tooltip: target.subject }}
                    strong
                    style={{ fontSize: 13 }}
                    data-testid="cockpit-target-subject"
                  >
                    {target.subject}
                  </Typography.Text>
                  <TargetStatusTag status={target.progress.status} />
                </Flex>
                <Flex align="center" gap={10}>
                  <Progress
                    percent={targetPercent(target)}
                    strokeColor={targetStatusColor[target.progress.status]}
                    showInfo={false}
                    size="small"
                    style={{ flex: 1, margin: 0 }}
                  />
                  <span className="stip-cockpit-target-figure">
                    <strong data-testid="cockpit-target-current">
                      {target.progress.current === null ? t.cockpit.notReported : formatFigure(target.progress.current)}
                    </strong>
                    {` / ${formatFigure(target.progress.required)} ${figureUnit(target)}`}
                  </span>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${t.common.labelled(t.targets.fields.deadline)}${target.deadline} · ${t.targets.kind[target.kind]}`}
                </Typography.Text>
              </button>
            ))}
        </div>
      ))}
    </div>
  );
}
