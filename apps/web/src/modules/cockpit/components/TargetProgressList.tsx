import type { Target } from '@stip/contracts';
import { Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../shared/i18n/zh-CN';
import { TargetStatusTag } from '../../targets/components/TargetStatusTag';
import { TargetFacts } from '../../targets/components/TargetFacts';
import { currentText, figureUnit, formatFigure } from '../../targets/components/targetFormat';
import { isBrokenBeforeBaseline, targetOfClick, targetsOption } from './cockpitCharts';
import { type ChartClick, EChart } from './EChart';

interface TargetProgressListProps {
  targets: Target[];
  onOpen: (target: Target) => void;
}

/** Height of one target's bar in the chart: the chart grows with the targets, so nothing scrolls inside the card. */
const rowHeight = 36;

/**
 * The targets' progress: an ECharts bar per target (share of what it requires, coloured by status,
 * labelled current / required) and, beside it, the same targets as a compact list of buttons for
 * keyboards and screen readers. A bar, its name or a list row opens the platforms the target counts.
 */
export function TargetProgressList({ targets, onOpen }: TargetProgressListProps) {
  const option = useMemo(() => targetsOption(targets), [targets]);
  if (!targets.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.cockpit.targetsEmpty} />;
  const plans = [...new Set(targets.map((target) => target.planTitle))];
  const open = (params: ChartClick) => {
    const target = targetOfClick(params, targets);
    if (target) onOpen(target);
  };

  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} xl={14}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.cockpit.targetsChartHint}
        </Typography.Text>
        <div className="stip-cockpit-targets-chart">
          <EChart option={option} height={targets.length * rowHeight + 40} onClick={open} data-testid="cockpit-chart-targets" />
        </div>
      </Col>
      <Col xs={24} xl={10}>
        <nav className="stip-cockpit-targets" aria-label={t.cockpit.targetList} data-testid="cockpit-targets">
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
                        style={{ fontSize: 13, flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}
                        data-testid="cockpit-target-subject"
                      >
                        {target.subject}
                      </Typography.Text>
                      <span className="stip-cockpit-target-figure">
                        <strong data-testid="cockpit-target-current">{currentText(target)}</strong>
                        {` / ${formatFigure(target.progress.required)} ${figureUnit(target)}`}
                      </span>
                      {isBrokenBeforeBaseline(target) ? (
                        <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="cockpit-target-broken-before-baseline">
                          {t.cockpit.brokenBeforeBaseline}
                        </Tag>
                      ) : null}
                      <TargetStatusTag status={target.progress.status} />
                    </Flex>
                    <TargetFacts target={target} compact />
                  </button>
                ))}
            </div>
          ))}
        </nav>
      </Col>
    </Row>
  );
}
