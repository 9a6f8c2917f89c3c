import type { ApplicationListItem, ApplicationStatus } from '@stip/contracts';
import { Link } from 'react-router-dom';
import { ChoosableTable, type ChoosableTableProps } from '../../../shared/components/ChoosableTable';
import { DemoTag } from '../../../shared/components/DemoTag';
import { tableScroll } from '../../../shared/components/tableDefaults';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { ApplicationStatusTag } from './StatusTags';

/** Less important columns, hidden until the user picks them in 列设置: the default columns fit at 1280 px. */
const defaultHidden = ['closesOn'];

/** The applications list every page shares (queue, mine, a call's applications), with 列设置 and a fixed name column. */
export function ApplicationTable(
  props: Omit<ChoosableTableProps<ApplicationListItem>, 'columns' | 'rowKey' | 'tableKey'> & {
    linkTo?: (a: ApplicationListItem) => string;
  },
) {
  const { linkTo = (a) => `/applications/${a.id}`, ...rest } = props;
  return (
    <ChoosableTable<ApplicationListItem>
      tableKey="applications"
      defaultHidden={defaultHidden}
      rowKey="id"
      size="small"
      scroll={{ y: tableScroll.y }}
      emptyText={t.calls.application.empty}
      {...rest}
      columns={[
        {
          title: t.calls.application.platformName,
          dataIndex: 'platformName',
          fixed: 'left',
          width: 260,
          // A demo record says 演示 once, in its tag, not again at the end of its name.
          render: (name: string, a) => (
            <>
              <Link to={linkTo(a)} data-testid="application-link">
                {a.isDemo ? withoutDemoMark(name) : name}
              </Link>{' '}
              {a.isDemo ? <DemoTag /> : null}
            </>
          ),
        },
        { title: t.calls.application.type, key: 'type', width: 150, render: (_, a) => a.type.name },
        { title: t.calls.application.organization, key: 'organization', width: 180, render: (_, a) => a.organization.name },
        { title: t.calls.application.region, key: 'region', width: 100, render: (_, a) => a.region.name },
        {
          title: t.calls.application.status,
          dataIndex: 'status',
          width: 130,
          render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
        },
        { title: t.calls.application.submittedAt, dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        { title: t.calls.application.closesOn, dataIndex: 'closesOn', width: 110, render: (v: string) => formatDate(v) },
      ]}
    />
  );
}
