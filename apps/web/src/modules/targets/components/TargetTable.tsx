import type { Target, TargetKind } from '@stip/contracts';
import { Flex, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { EditDeleteActions } from '../../../shared/components/EditDeleteActions';
import { t } from '../../../shared/i18n/zh-CN';
import { TargetProgressBar } from './TargetProgressBar';
import { TargetStatusTag } from './TargetStatusTag';
import { requirementText } from './targetFormat';

const fields = t.targets.fields;

interface TargetTableProps {
  items: Target[] | undefined;
  loading: boolean;
  /** The day the progress was computed for; the detail page opens on the same day. */
  asOf: string | undefined;
  onEdit?: (target: Target) => void;
  onDelete?: (target: Target) => void;
}

/** A plan's targets with their progress as of a day. */
export function TargetTable({ items, loading, asOf, onEdit, onDelete }: TargetTableProps) {
  const detailPath = (target: Target) => (asOf ? `/targets/${target.id}?${new URLSearchParams({ asOf })}` : `/targets/${target.id}`);
  const [noDataOnly, setNoDataOnly] = useState(false);
  const noData = (items ?? []).filter((target) => target.progress.status === 'no_data');
  return (
    <Flex vertical gap={8}>
      {noData.length ? (
        <Space>
          <Switch size="small" checked={noDataOnly} onChange={setNoDataOnly} data-testid="target-no-data-only" />
          <span>{`${t.targets.truth.noDataOnly}（${noData.length}）`}</span>
        </Space>
      ) : null}
      <ChoosableTable<Target>
        tableKey="targets"
        emptyText={t.targets.empty}
        size="small"
        rowKey="id"
        bordered
        loading={loading}
        dataSource={noDataOnly ? noData : items}
        pagination={false}
        data-testid="target-table"
        columns={[
          {
            title: fields.subject,
            dataIndex: 'subject',
            fixed: 'left',
            width: 300,
            render: (subject: string, target) => (
              <Link to={detailPath(target)} data-testid="target-link">
                {subject}
              </Link>
            ),
          },
          {
            title: fields.kind,
            dataIndex: 'kind',
            width: 90,
            render: (kind: TargetKind) => <Tag bordered={false}>{t.targets.kind[kind]}</Tag>,
          },
          { title: fields.requirement, key: 'requirement', width: 130, render: (_: unknown, target) => requirementText(target) },
          { title: fields.deadline, dataIndex: 'deadline', width: 110 },
          {
            title: fields.progress,
            key: 'progress',
            width: 200,
            render: (_: unknown, target) => <TargetProgressBar target={target} width={180} />,
          },
          {
            title: fields.status,
            key: 'status',
            width: 90,
            render: (_: unknown, target) => <TargetStatusTag status={target.progress.status} />,
          },
          ...(onEdit || onDelete
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 90,
                  render: (_: unknown, target: Target) => (
                    <EditDeleteActions onEdit={onEdit && (() => onEdit(target))} onDelete={onDelete && (() => onDelete(target))} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
