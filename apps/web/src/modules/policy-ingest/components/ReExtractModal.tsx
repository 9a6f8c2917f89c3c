import type { ItemsDiff, ReExtraction } from '@stip/contracts';
import { Alert, Button, Flex, List, Modal, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.policyDocuments.diff;

function DiffSection({ title, diff, testId }: { title: string; diff: ItemsDiff; testId: string }) {
  const rows = [
    ...diff.added.map((item) => ({ ...item, tag: <Tag color="green">{text.tags.added}</Tag> })),
    ...diff.removed.map((item) => ({ ...item, tag: <Tag color="red">{text.tags.removed}</Tag> })),
    ...diff.changed.map((item) => ({ ...item, tag: <Tag color="blue">{text.tags.changed}</Tag> })),
  ];
  if (!rows.length) return null;
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}（{[text.added(diff.added.length), text.removed(diff.removed.length), text.changed(diff.changed.length)].join('，')}）
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={rows}
        renderItem={(row) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <span>
                {row.tag}
                {row.name}
              </span>
              {row.changes.map((change) => (
                <Typography.Text key={change.field} type="secondary" data-testid="diff-change">
                  {text.change(change.label, change.before, change.after)}
                </Typography.Text>
              ))}
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
}

const isEmpty = (diff: ItemsDiff) => !diff.added.length && !diff.removed.length && !diff.changed.length;

/**
 * What a re-extraction reads differently from the stored reading (added / removed / changed targets and
 * tasks, field by field), which targets of a confirmed plan now differ, and the choice to keep it.
 */
export function ReExtractModal({
  result,
  onKeep,
  onClose,
  isKeeping,
}: {
  result: ReExtraction | null;
  onKeep: () => void;
  onClose: () => void;
  isKeeping: boolean;
}) {
  if (!result) return null;
  const { document, diff, planDifferences } = result;
  const unchanged = isEmpty(diff.targets) && isEmpty(diff.tasks);
  return (
    <Modal
      open
      width={760}
      title={text.title(document.fileName)}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{text.discard}</Button>
          <Button type="primary" loading={isKeeping} onClick={onKeep} data-testid="library-keep">
            {text.keep}
          </Button>
        </Flex>
      }
    >
      <div data-testid="library-diff">
        <Typography.Paragraph type="secondary">
          {text.versions(result.previousExtractorVersion, result.extractorVersion)}
        </Typography.Paragraph>
        {unchanged ? <Alert type="success" showIcon message={text.unchanged} style={{ marginBottom: 12 }} /> : null}
        <DiffSection title={text.targets} diff={diff.targets} testId="diff-targets" />
        <DiffSection title={text.tasks} diff={diff.tasks} testId="diff-tasks" />
        {document.plan ? (
          planDifferences.length ? (
            <Alert
              type="warning"
              showIcon
              data-testid="diff-plan"
              message={
                <span>
                  {text.plan(document.plan.name)} <Link to={`/plans/${document.plan.id}`}>{document.plan.name}</Link>
                </span>
              }
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {planDifferences.map((difference) => (
                    <li key={difference.targetId}>
                      <Link to={`/targets/${difference.targetId}`}>{difference.subject}</Link>：
                      {difference.isMissing
                        ? text.planMissing
                        : difference.changes.map((change) => text.change(change.label, change.before, change.after)).join('；')}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert type="info" showIcon message={text.planSame(document.plan.name)} data-testid="diff-plan" />
          )
        ) : null}
      </div>
    </Modal>
  );
}
