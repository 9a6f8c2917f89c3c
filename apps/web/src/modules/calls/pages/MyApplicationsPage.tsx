import { Card } from 'antd';
import { Link } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { pagination } from '../../../shared/components/tableDefaults';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { ApplicationTable } from '../components/ApplicationTable';
import { useApplications } from '../hooks/useCalls';

/** 我的申报: the host organisation's applications; drafts and returned ones open in the form. */
export default function MyApplicationsPage() {
  const params = useListParams();
  const list = useApplications({ limit: params.pageSize, offset: (params.page - 1) * params.pageSize });
  return (
    <>
      <PageHeader
        title={t.calls.application.mineTitle}
        subtitle={list.data ? t.calls.application.mineSubtitle(list.data.total) : null}
        extra={<Link to="/calls">{t.calls.menu.calls}</Link>}
      />
      <Card size="small">
        {list.isError ? (
          <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ApplicationTable
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            linkTo={(a) => (a.status === 'draft' || a.status === 'returned' ? `/applications/${a.id}/edit` : `/applications/${a.id}`)}
            pagination={pagination(params.page, params.pageSize, list.data?.total ?? 0, (page, pageSize) =>
              params.update({ page, pageSize }),
            )}
          />
        )}
      </Card>
    </>
  );
}
