import type { DemandListItem } from '@stip/contracts';
import { formatChineseDate } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { PublicationListPage } from '../../achievements/components/PublicationListPage';
import { demandsApi } from '../api';
import { useDemands } from '../hooks/useDemands';

const text = t.sharing;
const fields = text.demand.fields;
const facetNames = ['technicalField', 'industry', 'region'] as const;

/** 技术需求库: search, facets with counts, status tabs; enterprises post their demands, staff import and review. */
export default function DemandsPage() {
  return (
    <PublicationListPage<DemandListItem>
      kind="demand"
      facetNames={facetNames}
      useList={useDemands}
      exportList={demandsApi.exportList}
      columns={[
        { title: fields.enterprise, dataIndex: 'enterpriseName', width: 180, render: (v: string | null) => v ?? text.none },
        {
          title: fields.budget,
          dataIndex: 'budget',
          width: 100,
          align: 'right' as const,
          render: (v: number | null) => (v === null ? text.none : text.yuan(v)),
        },
        { title: fields.deadline, dataIndex: 'deadline', width: 120, render: (v: string | null) => formatChineseDate(v) },
      ]}
    />
  );
}
