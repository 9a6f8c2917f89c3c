import type { Target } from '@stip/contracts';
import { Flex, Table, Tag, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { TargetStatusTag } from './TargetStatusTag';
import { figureUnit, formatFigure } from './targetFormat';

const labels = t.targets.truth;

/**
 * What a target's figure means, in words beside it (issue 11): additions since when, the actor's
 * contribution to a wider region's figure, the forecast to the deadline, the lagging regions, who owes a
 * missing figure, and (not compact) the yearly series. The cockpit and the targets pages both use it.
 */
export function TargetFacts({ target, compact = false }: { target: Target; compact?: boolean }) {
  const { progress } = target;
  const unit = figureUnit(target);
  const lines: { key: string; node: React.ReactNode }[] = [];
  if (progress.additionsSince) lines.push({ key: 'since', node: labels.since(progress.additionsSince) });
  if (progress.contribution) {
    lines.push({
      key: 'contribution',
      node: labels.contribution(
        progress.contribution.region.name,
        formatFigure(progress.contribution.current),
        target.filter?.region.name ?? target.planTitle,
        formatFigure(progress.current),
        target.perRegion ? labels.regionsMeeting : unit,
      ),
    });
  }
  if (progress.forecast) {
    lines.push({
      key: 'forecast',
      node: (
        <>
          {labels.forecast(formatFigure(progress.forecast.value), formatFigure(progress.required), target.perRegion ? '' : unit)}
          {progress.forecast.onPace ? null : (
            <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="target-forecast-behind">
              {labels.behind}
            </Tag>
          )}
        </>
      ),
    });
  }
  if (progress.laggingRegions?.length) {
    lines.push({ key: 'lagging', node: labels.lagging(progress.laggingRegions.map((region) => region.name).join('、')) });
  }
  if (progress.status === 'no_data') {
    const units = target.reportingUnits.map((unit) => unit.name).join('、');
    lines.push({ key: 'owed', node: units ? labels.owedBy(units) : labels.owedByPlan });
  }
  const series = progress.series;
  if (!lines.length && !(series && !compact)) return null;
  return (
    <Flex vertical gap={2} data-testid="target-facts">
      {lines.map((line) => (
        <Typography.Text key={line.key} type="secondary" style={{ fontSize: 12 }} data-testid={`target-fact-${line.key}`}>
          {line.node}
        </Typography.Text>
      ))}
      {series && compact ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-fact-series">
          {series
            .map(
              (year) =>
                `${year.year}：${year.status === null ? labels.notStarted : `${formatFigure(year.current)}/${formatFigure(year.required)}`}`,
            )
            .join('　')}
        </Typography.Text>
      ) : null}
      {series && !compact ? (
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          title={() => labels.series}
          dataSource={series}
          data-testid="target-series"
          columns={[
            { title: labels.year, dataIndex: 'year', width: 80 },
            {
              title: labels.yearFigure,
              key: 'current',
              render: (_: unknown, year) => (year.current === null ? t.common.none : `${formatFigure(year.current)} ${unit}`),
            },
            { title: labels.yearRequired, key: 'required', render: (_: unknown, year) => `${formatFigure(year.required)} ${unit}` },
            {
              title: labels.yearStatus,
              key: 'status',
              render: (_: unknown, year) => (year.status ? <TargetStatusTag status={year.status} /> : labels.notStarted),
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
