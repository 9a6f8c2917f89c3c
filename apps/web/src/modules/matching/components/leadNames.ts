import type { Lead } from '@stip/contracts';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';

const kinds = t.matching.leads.counterpartKinds;

/** The subject of a lead (the demand, else the achievement) and its counterpart, as the list shows them. */
export function leadSides(lead: Lead): { subject: string; subjectPath: string | null; counterpart: string } {
  const subject = lead.demand
    ? { subject: withoutDemoMark(lead.demand.name), subjectPath: `/demands/${lead.demand.id}` }
    : lead.achievement
      ? { subject: withoutDemoMark(lead.achievement.name), subjectPath: `/achievements/${lead.achievement.id}` }
      : { subject: t.common.none, subjectPath: null };
  const counterpart = lead.demand
    ? lead.achievement
      ? `${kinds.achievement}：${withoutDemoMark(lead.achievement.name)}`
      : lead.expert
        ? `${kinds.expert}：${withoutDemoMark(lead.expert.name)}`
        : lead.platform
          ? `${kinds.platform}：${withoutDemoMark(lead.platform.name)}`
          : t.common.none
    : lead.organization
      ? `${kinds.enterprise}：${withoutDemoMark(lead.organization.name)}`
      : t.common.none;
  return { ...subject, counterpart };
}
