import { Button, Card, Empty, List, Segmented, Tag, Typography } from 'antd';
import { type TodoKind, todoKinds } from '@stip/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { splitDemoMarks } from '../../../shared/format/demoName';
import { todayString } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { daysUntil, useTodos } from '../hooks/useTodos';

function DueTag({ dueOn, today }: { dueOn: string | null; today: string }) {
  if (!dueOn) return <Tag>{t.todos.noDeadline}</Tag>;
  const days = daysUntil(dueOn, today);
  if (days < 0) return <Tag color="error">{t.todos.overdue(-days)}</Tag>;
  if (days === 0) return <Tag color="warning">{t.todos.dueToday}</Tag>;
  return <Tag color={days <= 7 ? 'orange' : 'default'}>{t.todos.dueIn(days)}</Tag>;
}

/** 我的待办: what waits for the signed-in user across the system, most urgent first, filterable by kind. */
export default function TodosPage() {
  const todos = useTodos();
  const navigate = useNavigate();
  const [kind, setKind] = useState<TodoKind | 'all'>('all');
  const today = todayString();
  const items = todos.data?.items ?? [];
  const present = todoKinds.filter((k) => items.some((item) => item.kind === k));
  const shown = kind === 'all' ? items : items.filter((item) => item.kind === kind);

  return (
    <>
      <PageHeader
        title={t.todos.title}
        subtitle={<Typography.Text type="secondary">{todos.data ? t.todos.subtitle(todos.data.total) : null}</Typography.Text>}
      />
      <Card size="small">
        {todos.isError ? (
          <LoadFailed error={todos.error} onRetry={() => void todos.refetch()} />
        ) : (
          <>
            {present.length > 1 ? (
              <Segmented
                style={{ marginBottom: 8 }}
                value={kind}
                onChange={(value) => setKind(value as TodoKind | 'all')}
                options={[
                  { value: 'all', label: `${t.todos.all}（${items.length}）` },
                  ...present.map((k) => ({
                    value: k,
                    label: `${t.todos.kinds[k]}（${items.filter((item) => item.kind === k).length}）`,
                  })),
                ]}
                data-testid="todo-kinds"
              />
            ) : null}
            <List
              loading={todos.isPending}
              dataSource={shown}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.todos.empty} /> }}
              data-testid="todo-list"
              renderItem={(item) => {
                // A to-do about a demo record says 演示 once, in a tag, not in its title.
                const title = splitDemoMarks(item.title);
                return (
                  <List.Item
                    key={`${item.kind}:${item.subjectId}`}
                    actions={[
                      <Button key="open" type="link" onClick={() => navigate(item.path)}>
                        {t.todos.open}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <>
                          <Typography.Link onClick={() => navigate(item.path)} data-testid="todo-item">
                            {title.text}
                          </Typography.Link>
                          {title.isDemo ? (
                            <>
                              {' '}
                              <DemoTag />
                            </>
                          ) : null}
                        </>
                      }
                      description={
                        <>
                          <Tag color="blue">{t.todos.kinds[item.kind]}</Tag>
                          <DueTag dueOn={item.dueOn} today={today} />
                          {item.dueOn ? (
                            <Typography.Text type="secondary">
                              {t.todos.deadline}：{item.dueOn}
                            </Typography.Text>
                          ) : null}
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </>
        )}
      </Card>
    </>
  );
}
