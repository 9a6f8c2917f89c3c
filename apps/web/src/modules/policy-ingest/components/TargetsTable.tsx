import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  computedIngestKinds,
  targetKindSpec,
  type PlatformLevel,
  platformLevels,
  reportedIngestKinds,
  type TargetBasis,
  targetBases,
  type TargetComparator,
  targetComparators,
  type TargetKind,
  type TargetMetric,
  targetMetricLabels,
  targetMetrics,
  targetMetricSources,
} from '@stip/contracts';
import { Button, Checkbox, DatePicker, Flex, Input, InputNumber, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { toDateString } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import { type DraftTarget, withKind } from '../draft';
import { ConfidenceTag } from './ConfidenceTag';

const text = t.ingest.review;

interface TargetsTableProps {
  targets: DraftTarget[];
  focusKey: string | null;
  onChange: (key: string, next: DraftTarget) => void;
  onDrop: (key: string) => void;
  onAdd: () => void;
  onFocus: (key: string) => void;
}

function Mapping({ target, onChange }: { target: DraftTarget; onChange: (next: DraftTarget) => void }) {
  const taxonomy = useTaxonomy();
  const spec = targetKindSpec(target.kind);
  const computed = spec.isComputed;
  const suggestion = target.suggestion;
  const kinds: readonly TargetKind[] = computed ? computedIngestKinds : reportedIngestKinds;
  return (
    <Flex vertical gap={6}>
      <Flex gap={6} align="center" wrap>
        <Segmented
          size="small"
          value={computed ? 'platforms' : 'reported'}
          options={[
            { value: 'platforms', label: text.mode.platforms },
            { value: 'reported', label: text.mode.reported },
          ]}
          onChange={(mode) => {
            const fallback: TargetKind = mode === 'platforms' ? 'count' : 'amount';
            const suggested = suggestion && (suggestion.mode === mode ? suggestion.kind : null);
            onChange(withKind(target, suggested ?? fallback));
          }}
          data-testid="ingest-target-mode"
        />
        <Select
          size="small"
          value={target.kind}
          options={kinds.map((kind) => ({ value: kind, label: t.targets.kind[kind] }))}
          onChange={(kind: TargetKind) => onChange(withKind(target, kind))}
          style={{ width: 96 }}
          aria-label={text.kindPlaceholder}
        />
        {suggestion ? <ConfidenceTag confidence={suggestion.confidence} reason={suggestion.reason} isTrusted={target.isTrusted} /> : null}
      </Flex>
      {target.doubts.length ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="ingest-target-doubts">
          {text.doubts(target.doubts.join('；'))}
        </Typography.Text>
      ) : null}
      <Flex gap={6} wrap>
        {spec.baseline === 'countsNew' ? (
          <Segmented
            size="small"
            value={target.basis}
            options={targetBases.map((value) => ({ value, label: t.targets.truth.basisLabels[value] }))}
            onChange={(basis) => onChange({ ...target, basis: basis as TargetBasis })}
            data-testid="ingest-target-basis"
          />
        ) : null}
        {spec.measure === 'registryCount' || spec.measure === 'reportedFigure' ? (
          <Checkbox checked={target.perYear} onChange={(event) => onChange({ ...target, perYear: event.target.checked })}>
            {text.perYear}
          </Checkbox>
        ) : null}
        {target.kind === 'count' ? (
          <Checkbox checked={target.perRegion} onChange={(event) => onChange({ ...target, perRegion: event.target.checked })}>
            {text.perRegion}
          </Checkbox>
        ) : null}
      </Flex>
      {target.kind === 'amount' ? (
        <Select<TargetMetric>
          size="small"
          allowClear
          value={target.metric ?? undefined}
          placeholder={t.targets.metric.reported}
          options={targetMetrics.map((value) => ({ value, label: `${targetMetricLabels[value]}（${targetMetricSources[value]}）` }))}
          onChange={(metric?: TargetMetric) => onChange({ ...target, metric: metric ?? null })}
          aria-label={t.targets.metric.label}
          style={{ width: '100%' }}
          data-testid="ingest-target-metric"
        />
      ) : null}
      {computed ? (
        <>
          <PlatformTypeSelect
            mode="multiple"
            activeOnly
            value={target.typeIds}
            onChange={(typeIds) => onChange({ ...target, typeIds })}
            placeholder={text.typesPlaceholder}
            style={{ width: '100%' }}
            data-testid="ingest-target-types"
          />
          <Flex gap={6}>
            <Select<PlatformLevel[]>
              mode="multiple"
              size="small"
              value={target.levels}
              options={platformLevels.map((level) => ({ value: level, label: t.labels.platformLevel[level] }))}
              onChange={(levels) => onChange({ ...target, levels })}
              placeholder={text.levelsPlaceholder}
              style={{ flex: 1, minWidth: 120 }}
            />
            <Select<string[]>
              mode="multiple"
              size="small"
              value={target.systemIds}
              options={(taxonomy.data?.systems ?? []).map((system) => ({ value: system.id, label: system.name }))}
              onChange={(systemIds) => onChange({ ...target, systemIds })}
              placeholder={text.systemsPlaceholder}
              style={{ flex: 1, minWidth: 120 }}
            />
          </Flex>
          {spec.needsCoverageRegion ? (
            <RegionTreeSelect
              value={target.coverageRegionId}
              onChange={(coverageRegionId) => onChange({ ...target, coverageRegionId: coverageRegionId ?? null })}
              placeholder={text.coverageRegionPlaceholder}
              style={{ width: '100%' }}
            />
          ) : null}
          {spec.baseline === 'countsNew' ? (
            <DatePicker
              size="small"
              value={target.baselineDate ? dayjs(target.baselineDate) : null}
              onChange={(value) => onChange({ ...target, baselineDate: toDateString(value) })}
              placeholder={text.baselinePlaceholder}
              style={{ width: 160 }}
            />
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}

/** The proposed targets, each editable: wording, requirement, deadline, and what it counts. */
export function TargetsTable({ targets, focusKey, onChange, onDrop, onAdd, onFocus }: TargetsTableProps) {
  const columns: ColumnsType<DraftTarget> = [
    { title: text.columns.index, key: 'index', width: 44, render: (_value, _target, index) => index + 1 },
    {
      title: text.columns.subject,
      key: 'subject',
      width: 300,
      render: (_value, target) => (
        <Flex vertical gap={6}>
          <Input.TextArea
            value={target.subject}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={300}
            onChange={(event) => onChange(target.key, { ...target, subject: event.target.value })}
            aria-label={text.columns.subject}
            data-testid="ingest-target-subject"
          />
          <Flex gap={6} wrap>
            <Space.Compact size="small">
              <Select<TargetComparator>
                value={target.comparator}
                options={targetComparators.map((comparator) => ({ value: comparator, label: t.targets.comparator[comparator] }))}
                onChange={(comparator) => onChange(target.key, { ...target, comparator })}
                style={{ width: 90 }}
                aria-label={text.columns.requirement}
              />
              <InputNumber
                value={target.value}
                min={0}
                onChange={(value) => onChange(target.key, { ...target, value: typeof value === 'number' ? value : null })}
                style={{ width: 76 }}
                data-testid="ingest-target-value"
              />
              <Input
                value={target.unit}
                maxLength={20}
                placeholder={text.unitPlaceholder}
                onChange={(event) => onChange(target.key, { ...target, unit: event.target.value })}
                style={{ width: 52 }}
              />
            </Space.Compact>
            <DatePicker
              size="small"
              value={target.deadline ? dayjs(target.deadline) : null}
              onChange={(value) => onChange(target.key, { ...target, deadline: toDateString(value) })}
              placeholder={text.deadlineDefault}
              aria-label={text.columns.deadline}
              style={{ width: 122 }}
            />
          </Flex>
          {target.text !== target.subject ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {target.text ? text.phrase(target.text) : text.manual}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: text.columns.mapping,
      key: 'mapping',
      width: 320,
      render: (_value, target) => <Mapping target={target} onChange={(next) => onChange(target.key, next)} />,
    },
    {
      title: text.columns.actions,
      key: 'actions',
      width: 52,
      fixed: 'right',
      render: (_value, target) => (
        <Button
          type="link"
          danger
          size="small"
          icon={<DeleteOutlined />}
          onClick={() => onDrop(target.key)}
          aria-label={text.drop}
          data-testid="ingest-target-drop"
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Table<DraftTarget>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={targets}
        pagination={false}
        scroll={{ x: 716 }}
        locale={{ emptyText: text.emptyTargets }}
        rowClassName={(target) => (target.key === focusKey ? 'stip-ingest-row-active' : '')}
        onRow={(target) =>
          ({
            onMouseEnter: () => onFocus(target.key),
            onFocus: () => onFocus(target.key),
            'data-testid': 'ingest-target-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="ingest-targets"
      />
      <Button icon={<PlusOutlined />} onClick={onAdd} style={{ alignSelf: 'flex-start' }} data-testid="ingest-target-add">
        {text.addTarget}
      </Button>
    </Flex>
  );
}
