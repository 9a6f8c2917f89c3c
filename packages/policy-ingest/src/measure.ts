/**
 * How a target's figure is measured when people need not report it: an amount whose subject names a sum the platform
 * keeps (技术合同登记额 → the registered technology contracts). Read from the extracted target alone, so a reading kept
 * in the document library gets it too; the extraction itself (and the CLI's JSON) does not change.
 */
import { SUMMED_AMOUNTS } from './catalogue.js';
import type { ExtractedTarget } from './types.js';

/** A sum the platform keeps, by the name the server's targets use for it. */
export type SummedMetric = (typeof SUMMED_AMOUNTS)[number]['metric'];

/**
 * The metric an amount target's figure is summed from (`technology_contract_amount` for 技术合同登记额达到50亿元), or
 * null when people report it: counts (技术合同500项), ratios and growth rates (年均增长15%), other amounts (研发投入).
 */
export function summedMetricOf(target: Pick<ExtractedTarget, 'subject' | 'kind' | 'unit'>): SummedMetric | null {
  if (target.kind !== 'amount') return null;
  const subject = target.subject.normalize('NFKC').replace(/\s+/g, '');
  const unit = target.unit.trim();
  return SUMMED_AMOUNTS.find((entry) => entry.units.includes(unit) && entry.subject.test(subject))?.metric ?? null;
}
