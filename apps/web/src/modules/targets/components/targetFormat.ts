import { type Target, type TargetStatus, targetKindSpec } from '@stip/contracts';
import { t } from '../../../shared/i18n/zh-CN';

/** Tag colours (antd presets) and bar colours of the four target statuses: green, blue, amber, red. */
export const targetStatusTagColor: Record<TargetStatus, string> = {
  achieved: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  missed: 'error',
  no_data: 'default',
};
export const targetStatusColor: Record<TargetStatus, string> = {
  achieved: '#389e0d',
  on_track: '#1d4f91',
  at_risk: '#d48806',
  missed: '#cf1322',
  no_data: '#8c8c8c',
};

/** 15 → "15", 1.41 → "1.41", 7.970 → "7.97": figures as people write them. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined) return t.common.none;
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** What the figure is counted in: regions for coverage targets, regions meeting it for per-region ones, the target's own unit otherwise. */
export function figureUnit(target: Pick<Target, 'kind' | 'unit'> & { perRegion?: boolean }): string {
  if (target.perRegion) return t.targets.truth.regionsMeeting;
  return targetKindSpec(target.kind).figureUnit === 'regions' ? t.targets.regionsUnit : target.unit;
}

/** The figure alone: "8", "新增 2", "未报送". */
export function currentText(target: Target): string {
  const { current } = target.progress;
  if (current === null) return t.targets.status.no_data;
  return target.progress.additionsSince ? t.targets.truth.added(formatFigure(current)) : formatFigure(current);
}

/** "8 / 15 家", "新增 2 / 5 家", "6 / 8 个区域", "1 / 2 个区域达标", "未报送 / 1.3 亿元". */
export function targetFigure(target: Target): string {
  const figure = t.targets.figure(currentText(target), formatFigure(target.progress.required));
  const unit = figureUnit(target);
  return unit ? `${figure} ${unit}` : figure;
}

/** "不少于 15 家". */
export function requirementText(target: Pick<Target, 'comparator' | 'value' | 'unit'>): string {
  return t.targets.requirement(t.targets.comparator[target.comparator], formatFigure(target.value), target.unit);
}

/** How far the figure has come towards what is required, 0–100 (a figure not yet reported is 0). */
export function targetPercent(target: Target): number {
  const { current, required } = target.progress;
  if (current === null) return 0;
  if (required <= 0) return current >= required ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((current / required) * 100)));
}
