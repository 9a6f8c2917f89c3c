import type { ApplicationListItem, ApplicationStatus } from '@stip/contracts';
import { Table, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { DemoTag } from '../../platforms/components/DemoTag';
import { ApplicationStatusTag } from './StatusTags';
import { withoutDemoMark } from '../../platforms/components/demoName';

/** The applications list every page shares (queue, mine, a call's applications). */
export function ApplicationTable(
  props: Omit<TableProps<ApplicationListItem>, 'columns' | 'rowKey'> & { linkTo?: (a: ApplicationListItem) => string },
) {
  const { linkTo = (a) => `/applications/${a.id}`, ...rest } = props;
  return (
    <Table<ApplicationListItem>
      rowKey="id"
      size="small"
      scroll={tableScroll}
      locale={{ emptyText: t.calls.application.empty }}
      {...rest}
      columns={[
        {
          title: t.calls.application.platformName,
          dataIndex: 'platformName',
          render: (name: string, a) => (
            <>
              <Link to={linkTo(a)} data-testid="application-link">
                {a.isDemo ? withoutDemoMark(name) : name}
              </Link>{' '}
              {a.isDemo ? <DemoTag /> : null}
            </>
          ),
        },
        { title: t.calls.application.type, render: (_, a) => a.type.name },
        { title: t.calls.application.organization, render: (_, a) => a.organization.name },
        { title: t.calls.application.region, width: 100, render: (_, a) => a.region.name },
        {
          title: t.calls.application.status,
          dataIndex: 'status',
          width: 130,
          render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
        },
        { title: t.calls.application.submittedAt, dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        { title: t.calls.application.closesOn, dataIndex: 'closesOn', width: 100, render: (v: string) => formatDate(v) },
      ]}
    />
  );
}
