import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../shared/components/PageHeader';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan, useCurrentUser } from '../../accounts/hooks/useSession';
import { BudgetsPanel } from '../components/BudgetsPanel';
import { GrantsPanel } from '../components/GrantsPanel';
import { RulesPanel } from '../components/RulesPanel';

/**
 * 资金管理: grants (后补助 / 以奖代补) with their payments and balances, the yearly budgets with what is
 * used and left, and the subsidy rules by grade. Host organisations see their own platforms' grants only.
 */
export default function FundingPage() {
  const user = useCurrentUser();
  const canWrite = useCan('funding:write');
  const [params, setParams] = useSearchParams();
  const seesBudgets = user.role !== 'host_user';
  const tab = params.get('tab') ?? 'grants';
  const items = [
    { key: 'grants', label: t.funding.tabs.grants, children: <GrantsPanel canWrite={canWrite} /> },
    ...(seesBudgets ? [{ key: 'budgets', label: t.funding.tabs.budgets, children: <BudgetsPanel canWrite={canWrite} /> }] : []),
    { key: 'rules', label: t.funding.tabs.rules, children: <RulesPanel canWrite={canWrite} /> },
  ];
  return (
    <>
      <PageHeader title={t.funding.title} />
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'grants' ? {} : { tab: key })} items={items} destroyOnHidden />
    </>
  );
}
