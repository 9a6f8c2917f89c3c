import { PlusOutlined } from '@ant-design/icons';
import { type EvaluationRound, evaluationGrades, evaluationLabels, evaluationRoundStatuses } from '@stip/contracts';
import { Alert, Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { RoundStatusTag } from '../components/EvaluationTags';
import { RoundFormModal } from '../components/RoundFormModal';
import { useRounds } from '../hooks/useEvaluations';

const fields = t.evaluations.fields;

/** 评估考核: the rounds the user sees, newest first; city staff open new ones. */
export default function EvaluationRoundsPage() {
  const list = useListParams();
  const rounds = useRounds({ q: list.get('q'), status: list.get('status'), limit: list.pageSize, offset: list.offset });
  const canWrite = useCan('evaluation:write');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t.evaluations.title}
        subtitle={
          <Typography.Text type="secondary" data-testid="round-total">
            {rounds.data ? t.evaluations.total(rounds.data.total) : t.common.loading}
          </Typography.Text>
        }
        extra={
          canWrite ? (
            <Space>
              <Link to="/evaluation-formulas">{t.evaluations.formulaMenu}</Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
                {t.evaluations.create}
              </Button>
            </Space>
          ) : null
        }
      />
      <Alert type="info" showIcon message={t.evaluations.hint} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <SearchInput value={list.get('q')} onSearch={(q) => list.update({ q })} placeholder={t.evaluations.keywordPlaceholder} />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t.evaluations.statusFilter}
            value={list.get('status')}
            onChange={(status?: string) => list.update({ status })}
            options={evaluationRoundStatuses.map((status) => ({ value: status, label: evaluationLabels.roundStatus[status] }))}
          />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {rounds.isError ? (
        <LoadFailed error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : (
        <Table<EvaluationRound>
          size="small"
          rowKey="id"
          bordered
          loading={rounds.isFetching}
          dataSource={rounds.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: t.evaluations.empty }}
          pagination={pagination(list.page, list.pageSize, rounds.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="round-table"
          columns={[
            {
              title: fields.title,
              dataIndex: 'title',
              width: 320,
              render: (title: string, round) => (
                <Flex gap={6} align="center">
                  <Link to={`/evaluations/${round.id}`} data-testid="round-title-link">
                    {title}
                  </Link>
                  {round.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
                </Flex>
              ),
            },
            {
              title: fields.types,
              key: 'types',
              width: 220,
              render: (_: unknown, round) => round.types.map((type) => type.name).join('、'),
            },
            {
              title: fields.period,
              key: 'period',
              width: 110,
              render: (_: unknown, round) => t.evaluations.period(round.periodFrom, round.periodTo),
            },
            {
              title: fields.status,
              dataIndex: 'status',
              width: 90,
              render: (_: unknown, round) => <RoundStatusTag status={round.status} />,
            },
            { title: fields.results, dataIndex: 'resultCount', width: 80, align: 'right' },
            {
              title: fields.grades,
              key: 'grades',
              width: 260,
              render: (_: unknown, round) =>
                evaluationGrades
                  .filter((grade) => round.gradeCounts[grade])
                  .map((grade) => `${evaluationLabels.grade[grade]} ${round.gradeCounts[grade]}`)
                  .join('，'),
            },
            { title: fields.publishedOn, dataIndex: 'publishedOn', width: 100, render: formatDate },
            { title: fields.appliedOn, dataIndex: 'appliedOn', width: 100, render: formatDate },
          ]}
        />
      )}
      <RoundFormModal
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(round) => navigate(`/evaluations/${round.id}`)}
      />
    </>
  );
}
