import { Collapse, Tag, Typography } from 'antd';
import { PageHeader } from '../../../shared/components/PageHeader';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { type HelpSection, sectionsFor } from '../helpContent';

function SectionBody({ section }: { section: HelpSection }) {
  return (
    <>
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
    </>
  );
}

/** 操作手册: the main tasks of each role; the reader's own role first and open, the others folded below it. */
export default function HelpPage() {
  const user = useCurrentUser();
  const sections = sectionsFor(user.role);
  const isMine = (section: HelpSection) => user.role !== null && section.roles.includes(user.role);
  // Open: the reader's own sections and the one for everybody.
  const open = sections.filter((section) => isMine(section) || section.roles.length === 0).map((section) => section.title);
  return (
    <>
      <PageHeader title={t.shell.help} subtitle={<Typography.Text type="secondary">{t.shell.helpIntro}</Typography.Text>} />
      <Collapse
        defaultActiveKey={open}
        items={sections.map((section) => ({
          key: section.title,
          label: (
            <span data-testid="help-section">
              <Typography.Text strong>{section.title}</Typography.Text>
              {isMine(section) ? (
                <Tag color="blue" bordered={false} style={{ marginInlineStart: 8 }}>
                  {t.shell.helpMine}
                </Tag>
              ) : null}
            </span>
          ),
          children: <SectionBody section={section} />,
        }))}
      />
    </>
  );
}
