import { type ExpenditureCategory, expenditureCategoryLabels, forbiddenExpenditureCategories, formatFen } from '@stip/contracts';

/** The rule every refusal names: seed 004, 省技术创新中心建设指引 §六(五) 资金支持. */
export const forbiddenUseRule =
  '财政支持资金不得用于基本建设、赞助、捐赠、投资、支付各种罚款、偿还债务等（《四川省技术创新中心建设工作指引》六(五)）';

/**
 * Words in a description that name a forbidden use, with the use they name. Kept to words that in
 * an expense description mean the forbidden use itself (投资 as an outlay, 罚款 and 罚金 as fines …).
 */
const forbiddenTerms: { term: string; use: string }[] = [
  { term: '基本建设', use: '基本建设' },
  { term: '基建', use: '基本建设' },
  { term: '赞助', use: '赞助' },
  { term: '捐赠', use: '捐赠' },
  { term: '捐款', use: '捐赠' },
  { term: '投资', use: '投资' },
  { term: '入股', use: '投资' },
  { term: '罚款', use: '支付各种罚款' },
  { term: '罚金', use: '支付各种罚款' },
  { term: '滞纳金', use: '支付各种罚款' },
  { term: '偿还债务', use: '偿还债务' },
  { term: '还债', use: '偿还债务' },
  { term: '偿还贷款', use: '偿还债务' },
  { term: '还贷', use: '偿还债务' },
  { term: '偿还', use: '偿还债务' },
];

/** Why an expenditure line is refused for a forbidden use (by its category or its description), or null. */
export function forbiddenUseRefusal(line: { category: ExpenditureCategory; description: string }): string | null {
  if ((forbiddenExpenditureCategories as readonly string[]).includes(line.category)) {
    return `支出类别“${expenditureCategoryLabels[line.category]}”属于禁止用途：${forbiddenUseRule}`;
  }
  const text = line.description.replace(/\s+/g, '');
  const hit = forbiddenTerms.find((entry) => text.includes(entry.term));
  if (hit) return `支出说明含“${hit.term}”，属于禁止用途“${hit.use}”：${forbiddenUseRule}`;
  return null;
}

/** Why a payment of `amountFen` is refused by the grant's or the budget's balance, or null. Integer 分 throughout. */
export function paymentRefusal(
  amountFen: number,
  grant: { amountFen: number; paidFen: number },
  budget: { amountFen: number; paidFen: number },
): string | null {
  const grantLeft = grant.amountFen - grant.paidFen;
  if (amountFen > grantLeft) return `拨付金额超过该资助的未拨付余额（余额${formatFen(grantLeft)}元）`;
  const budgetLeft = budget.amountFen - budget.paidFen;
  if (amountFen > budgetLeft) return `拨付金额超过本年度预算余额（余额${formatFen(budgetLeft)}元）`;
  return null;
}

/** Why an expenditure line of `amountFen` is refused because the grant's lines would exceed what was paid, or null. */
export function expenditureOverrun(amountFen: number, grant: { paidFen: number; spentFen: number }): string | null {
  const left = grant.paidFen - grant.spentFen;
  if (amountFen > left) return `支出合计不能超过已拨付金额（已拨付${formatFen(grant.paidFen)}元，尚可填报${formatFen(left)}元）`;
  return null;
}
