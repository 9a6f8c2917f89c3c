import { Card, Tag, Typography } from 'antd';
import { PageHeader } from '../../../shared/components/PageHeader';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { sectionsFor } from '../helpContent';

/** 操作手册: the main tasks of each role, the reader's own role first. */
export default function HelpPage() {
  const user = useCurrentUser();
  const sections = sectionsFor(user.role);
  return (
    <>
      <PageHeader title={t.shell.help} subtitle={<Typography.Text type="secondary">{t.shell.helpIntro}</Typography.Text>} />
      {sections.map((section) => {
        const isMine = user.role !== null && section.roles.includes(user.role);
        return (
          <Card
            key={section.title}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="help-section"
            title={
              <>
                {section.title}
                {isMine ? (
                  <Tag color="blue" bordered={false} style={{ marginInlineStart: 8 }}>
                    {t.shell.helpMine}
                  </Tag>
                ) : null}
              </>
            }
          >
            <Typography.Paragraph type="secondary">{section.intro}</Typography.Paragraph>
            {section.tasks.map((task) => (
              <div key={task.title} style={{ marginBottom: 12 }}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {task.title}
                </Typography.Title>
                <ol style={{ margin: 0, paddingInlineStart: 22 }}>
                  {task.steps.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </div>
            ))}
          </Card>
        );
      })}
    </>
  );
}
