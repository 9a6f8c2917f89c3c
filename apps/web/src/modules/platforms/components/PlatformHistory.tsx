import type { PlatformVersion } from '@stip/contracts';
import { Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { usePlatformHistory } from '../hooks/usePlatforms';
import { fieldLabel, formatChangeValue, isFilled } from './formatChange';

const text = t.platforms.history;

function VersionEntry({ version, isFirst }: { version: PlatformVersion; isFirst: boolean }) {
  return (
    <div data-testid="platform-history-entry">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{text.validRange(version.validFrom, version.validTo)}</Typography.Text>
        {version.validTo === null ? <Tag color="blue">{text.current}</Tag> : null}
        <Typography.Text type="secondary">{text.version(version.version)}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text.recorded(version.recordedBy, formatDateTime(version.recordedAt))}
      </Typography.Text>
      {version.changeNote ? <Typography.Paragraph style={{ margin: '4px 0' }}>{text.note(version.changeNote)}</Typography.Paragraph> : null}
      {isFirst ? (
        <div>
          <Tag>{text.initial}</Tag>
        </div>
      ) : version.changes.length === 0 ? (
        <Typography.Text type="secondary">{text.noChanges}</Typography.Text>
      ) : (
        <Table
          size="small"
          bordered
          pagination={false}
          style={{ marginTop: 6, maxWidth: 760 }}
          rowKey="field"
          dataSource={version.changes}
          columns={[
            { title: text.field, dataIndex: 'field', width: 140, render: (field: string) => fieldLabel(field) },
            {
              title: text.before,
              dataIndex: 'before',
              render: (value: unknown, row) => (
                <Typography.Text delete={isFilled(value)} type="secondary">
                  {formatChangeValue(row.field, value)}
                </Typography.Text>
              ),
            },
            { title: text.after, dataIndex: 'after', render: (value: unknown, row) => formatChangeValue(row.field, value) },
          ]}
        />
      )}
    </div>
  );
}

/** Every version of the platform, newest first: when each state held, who recorded it, what changed. */
export function PlatformHistory({ platformId }: { platformId: string }) {
  const history = usePlatformHistory(platformId);
  if (history.isPending) return <PageLoading />;
  if (history.isError) return <LoadFailed error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Empty description={text.empty} />;

  const versions = [...history.data].sort((a, b) => b.version - a.version);
  const oldest = Math.min(...versions.map((version) => version.version));
  return (
    <Timeline
      style={{ paddingTop: 8 }}
      data-testid="platform-history"
      items={versions.map((version) => ({
        key: version.version,
        color: version.validTo === null ? 'blue' : 'gray',
        children: <VersionEntry version={version} isFirst={version.version === oldest} />,
      }))}
    />
  );
}
