import type { Target } from '@stip/contracts';
import { Flex, Progress, Typography } from 'antd';
import { TargetFacts } from './TargetFacts';
import { targetFigure, targetPercent, targetStatusColor } from './targetFormat';

/** A target's figure against what it requires, as a bar coloured by its status, with what the figure means beneath. */
export function TargetProgressBar({ target, width = 200 }: { target: Target; width?: number }) {
  return (
    <Flex vertical gap={0} style={{ width }}>
      <Progress
        percent={targetPercent(target)}
        strokeColor={targetStatusColor[target.progress.status]}
        size="small"
        showInfo={false}
        style={{ margin: 0 }}
      />
      <Typography.Text style={{ fontSize: 12 }} data-testid="target-figure">
        {targetFigure(target)}
      </Typography.Text>
      <TargetFacts target={target} compact />
    </Flex>
  );
}
