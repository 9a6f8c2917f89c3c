import { type Target, targetKindSpec } from '@stip/contracts';
import { Alert, Col, Descriptions, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { Link } from 'react-router-dom';
import { formatChineseDate } from '../../../shared/format/format';
import { TargetFacts } from './TargetFacts';
import { TargetStatusTag } from './TargetStatusTag';
import { currentText, figureUnit, formatFigure, requirementText, targetPercent, targetStatusColor } from './targetFormat';

const labels = t.targets.progress;

/** Where the target stands: its figure against what it requires and what a steady pace would have reached. */
export function TargetProgressPanel({ target }: { target: Target }) {
  const { progress } = target;
  const unit = figureUnit(target);
  return (
    <Flex vertical gap={12} data-testid="target-progress">
      {progress.isScopeLimited && !progress.contribution ? <Alert type="info" showIcon message={labels.scopeLimited} /> : null}
      {targetKindSpec(target.kind).baseline === 'reportedBeside' && progress.baselineCount ? (
        <Alert
          type="warning"
          showIcon
          message={labels.brokenBeforeBaseline(progress.start.date, formatFigure(progress.baselineCount))}
          data-testid="target-broken-before-baseline"
        />
      ) : null}
      {progress.measuredOn < progress.asOf ? (
        <Alert type="warning" showIcon message={labels.final(progress.measuredOn)} data-testid="target-final" />
      ) : null}
      <Row gutter={16} align="middle">
        <Col xs={12} md={6}>
          <Statistic
            title={labels.current}
            value={currentText(target)}
            suffix={progress.current === null ? undefined : unit}
            valueStyle={{ color: targetStatusColor[progress.status], fontWeight: 600 }}
            valueRender={(node) => <span data-testid="target-current">{node}</span>}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={labels.required} value={formatFigure(progress.required)} suffix={unit} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={labels.expected} value={formatFigure(progress.expected)} suffix={unit} />
        </Col>
        <Col xs={12} md={6}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t.targets.fields.status}</Typography.Text>
            <span>
              <TargetStatusTag status={progress.status} />
            </span>
          </Flex>
        </Col>
      </Row>
      <Progress percent={targetPercent(target)} strokeColor={targetStatusColor[progress.status]} />
      <TargetFacts target={target} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t.targets.fields.requirement}>{requirementText(target)}</Descriptions.Item>
        <Descriptions.Item label={t.targets.fields.deadline}>{target.deadline}</Descriptions.Item>
        <Descriptions.Item label={t.targets.progress.measuredOn}>{progress.measuredOn}</Descriptions.Item>
        <Descriptions.Item label={t.targets.fields.kind}>{t.targets.kind[target.kind]}</Descriptions.Item>
        <Descriptions.Item label={t.targets.truth.basis}>{t.targets.truth.basisLabels[target.basis]}</Descriptions.Item>
        <Descriptions.Item label={t.targets.fields.baselineDate}>{target.baselineDate ?? t.common.none}</Descriptions.Item>
        <Descriptions.Item label={t.targets.fields.plan}>{target.planTitle}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {labels.start(progress.start.date, formatFigure(progress.start.value))}
        {progress.report
          ? ` · ${labels.reportedPeriod(progress.report.period)} · ${labels.source(progress.report.source, progress.report.reportedBy)}`
          : ''}
      </Typography.Text>
      {target.metric && progress.contracts ? (
        <Typography.Text data-testid="target-metric-source">
          {t.targets.metric.summed(
            progress.contracts.count,
            formatChineseDate(progress.contracts.from),
            formatChineseDate(progress.contracts.to),
          )}
          {target.link ? (
            <>
              {' · '}
              <Link to={`${target.link.to}?${new URLSearchParams(target.link.query).toString()}`} data-testid="target-metric-contracts">
                {t.targets.metric.viewContracts}
              </Link>
            </>
          ) : null}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
