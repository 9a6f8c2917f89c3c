import type { AchievementListItem, AchievementMaturity } from '@stip/contracts';
import { t } from '../../../shared/i18n/zh-CN';
import { achievementsApi } from '../api';
import { PublicationListPage } from '../components/PublicationListPage';
import { useAchievements } from '../hooks/useAchievements';

const text = t.sharing;
const fields = text.achievement.fields;
const facetNames = ['technicalField', 'industry', 'maturity', 'region', 'ownerType'] as const;

/** 科技成果库: search (whole sentences too), facets with counts, status tabs; owners register, staff import and review. */
export default function AchievementsPage() {
  return (
    <PublicationListPage<AchievementListItem>
      kind="achievement"
      facetNames={facetNames}
      useList={useAchievements}
      exportList={achievementsApi.exportList}
      columns={[
        {
          title: fields.maturity,
          dataIndex: 'maturity',
          width: 80,
          render: (v: AchievementMaturity | null) => (v ? text.maturity[v] : text.none),
        },
        { title: fields.owner, dataIndex: 'ownerName', width: 180, render: (v: string | null) => v ?? text.none },
      ]}
    />
  );
}
