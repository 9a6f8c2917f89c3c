import { Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { t } from '../../../shared/i18n/zh-CN';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import type { DraftUnit, UnitAction } from '../draft';
import { ConfidenceTag } from './ConfidenceTag';

const text = t.ingest.review;

interface UnitsTableProps {
  /** The unit names the tasks use, in order. */
  names: string[];
  units: Record<string, DraftUnit>;
  onChange: (name: string, next: DraftUnit) => void;
}

function status(unit: DraftUnit) {
  if (unit.action === 'ignore') return <Tag>{text.unitStatus.ignored}</Tag>;
  if (unit.action === 'create') return <Tag color="blue">{text.unitStatus.created}</Tag>;
  if (!unit.organizationIds.length) return <Tag color="orange">{text.unitStatus.missing}</Tag>;
  const suggestion = unit.suggestion;
  if (suggestion?.expandsTo.length) return <Tag color="green">{text.unitStatus.expanded(unit.organizationIds.length)}</Tag>;
  if (suggestion?.organization && unit.organizationIds.length === 1 && unit.organizationIds[0] === suggestion.organization.id) {
    return <ConfidenceTag confidence={suggestion.confidence} />;
  }
  return <Tag color="green">{text.unitStatus.matched}</Tag>;
}

/** Each unit name of the tasks and the organisation(s) it stands for: chosen, created as a new unit, or left out. */
export function UnitsTable({ names, units, onChange }: UnitsTableProps) {
  const rows = names.map((name) => units[name]).filter((unit): unit is DraftUnit => !!unit);
  const columns: ColumnsType<DraftUnit> = [
    { title: text.unit.name, key: 'name', width: 150, render: (_value, unit) => <Typography.Text strong>{unit.name}</Typography.Text> },
    {
      title: text.unit.action,
      key: 'action',
      width: 136,
      render: (_value, unit) => (
        <Select<UnitAction>
          size="small"
          value={unit.action}
          options={(['match', 'create', 'ignore'] as const).map((action) => ({ value: action, label: text.unitAction[action] }))}
          onChange={(action) => onChange(unit.name, { ...unit, action })}
          style={{ width: 128 }}
          data-testid="ingest-unit-action"
        />
      ),
    },
    {
      title: text.unit.organization,
      key: 'organization',
      width: 300,
      render: (_value, unit) => {
        if (unit.action === 'ignore') return null;
        if (unit.action === 'create') {
          return (
            <Flex vertical gap={4}>
              <Input
                size="small"
                addonBefore={text.unit.newName}
                value={unit.newName}
                maxLength={200}
                onChange={(event) => onChange(unit.name, { ...unit, newName: event.target.value })}
              />
              <Input
                size="small"
                addonBefore={text.unit.creditCode}
                value={unit.creditCode}
                maxLength={18}
                placeholder={t.organizations.creditCodePlaceholder}
                onChange={(event) => onChange(unit.name, { ...unit, creditCode: event.target.value.toUpperCase() })}
                data-testid="ingest-unit-credit-code"
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text.newUnitHint}
              </Typography.Text>
            </Flex>
          );
        }
        const candidates =
          unit.suggestion && !unit.suggestion.organization && !unit.suggestion.expandsTo.length ? unit.suggestion.candidates : [];
        return (
          <Flex vertical gap={4}>
            <OrganizationSelect
              mode="multiple"
              value={unit.organizationIds}
              known={unit.known}
              onChange={(organizationIds) => onChange(unit.name, { ...unit, organizationIds })}
              data-testid="ingest-unit-organization"
            />
            {candidates.length && !unit.organizationIds.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text.candidates(candidates.map((candidate) => candidate.name).join('、'))}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    { title: text.unit.status, key: 'status', width: 110, render: (_value, unit) => status(unit) },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{text.unitsHint}</Typography.Text>
      <Table<DraftUnit>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 696 }}
        locale={{ emptyText: text.emptyUnits }}
        onRow={() => ({ 'data-testid': 'ingest-unit-row' }) as React.HTMLAttributes<HTMLElement>}
        data-testid="ingest-units"
      />
    </Flex>
  );
}
