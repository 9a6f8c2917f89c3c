import { z } from 'zod';
import { zCsv, zDate, zId, zLimit, zOffset, zText, zVersion } from './common';
import { zNamedRef } from './platforms';
import { leadStatuses, publicationStatuses } from './sharing';

/**
 * 智能匹配 and 对接记录 (DOMAIN.md §6): for a demand, the achievements, experts and platforms that could meet
 * it; for an achievement, the demands and enterprises that could use it — each with the reasons it was
 * proposed. Staff record a proposal as a lead and follow it to a signed technology contract.
 */

/** What a proposed match is. */
export const matchKinds = ['achievement', 'expert', 'platform', 'demand', 'enterprise'] as const;
export const zMatchKind = z.enum(matchKinds);
export type MatchKind = z.infer<typeof zMatchKind>;
export const matchKindLabels: Record<MatchKind, string> = {
  achievement: '科技成果',
  expert: '专家',
  platform: '创新平台',
  demand: '技术需求',
  enterprise: '企业',
};

/** Why a match was proposed: shared terms of the two texts, the same field / industry / region, and so on. */
export const matchReasonKinds = [
  'shared_terms',
  'technical_field',
  'industry',
  'region',
  'platform_type',
  'expert_field',
  'enterprise_platform',
  'enterprise_demand',
] as const;
export const zMatchReasonKind = z.enum(matchReasonKinds);
export type MatchReasonKind = z.infer<typeof zMatchReasonKind>;
export const matchReasonKindLabels: Record<MatchReasonKind, string> = {
  shared_terms: '共同关键词',
  technical_field: '技术领域相同',
  industry: '所属产业相同',
  region: '同一区域',
  platform_type: '平台类型',
  expert_field: '专家领域',
  enterprise_platform: '企业平台',
  enterprise_demand: '企业需求',
};

export const zMatchReason = z.object({
  kind: zMatchReasonKind,
  /** The reason as shown: 「技术领域相同：新材料」, 「共同关键词：玄武岩纤维、强度」. */
  label: z.string(),
  /** Shared terms, most specific first (shared_terms, expert_field). */
  terms: z.array(z.string()).optional(),
});
export type MatchReason = z.infer<typeof zMatchReason>;

export const zMatchCandidate = z.object({
  kind: zMatchKind,
  id: zId,
  title: z.string(),
  /** A second line: the owner, the expert's organisation and title, the platform's type and host. */
  subtitle: z.string().nullable(),
  /** 0—100, best first (see matching.scoring.ts). */
  score: z.number(),
  reasons: z.array(zMatchReason),
  /** The lead already recorded for this pair, if any. */
  leadId: zId.nullable(),
  isDemo: z.boolean(),
});
export type MatchCandidate = z.infer<typeof zMatchCandidate>;

export const zMatchSubject = z.object({
  kind: z.enum(['demand', 'achievement']),
  id: zId,
  title: z.string(),
  status: z.enum(publicationStatuses),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  region: zNamedRef.nullable(),
  /** The subject's content terms the candidates were matched on (the first few). */
  terms: z.array(z.string()),
  isDemo: z.boolean(),
});
export type MatchSubject = z.infer<typeof zMatchSubject>;

/** A subject's matches: at most `limit` per kind, each kind best first. */
export const zMatchResult = z.object({ subject: zMatchSubject, items: z.array(zMatchCandidate), total: z.number().int() });
export type MatchResult = z.infer<typeof zMatchResult>;

export const zMatchQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export type MatchQuery = z.infer<typeof zMatchQuery>;

// ——— leads (对接记录) ———

export const zLeadStatus = z.enum(leadStatuses);

/** The follow-up moves staff make on a lead; 签约 is made by registering a technology contract from it. */
export const leadActions = ['contact', 'negotiate', 'sign', 'drop'] as const;
export const zLeadAction = z.enum(leadActions);
export type LeadAction = z.infer<typeof zLeadAction>;
export const leadActionLabels: Record<LeadAction, string> = {
  contact: '联系',
  negotiate: '洽谈',
  sign: '签约',
  drop: '终止',
};

export const zLeadEvent = z.object({
  id: zId,
  status: zLeadStatus,
  note: z.string().nullable(),
  occurredAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type LeadEvent = z.infer<typeof zLeadEvent>;

export const zLead = z.object({
  id: zId,
  demand: zNamedRef.nullable(),
  achievement: zNamedRef.nullable(),
  expert: zNamedRef.nullable(),
  platform: zNamedRef.nullable(),
  organization: zNamedRef.nullable(),
  region: zNamedRef,
  status: zLeadStatus,
  score: z.number().nullable(),
  reasons: z.array(zMatchReason),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** The contracts registered from this lead (the detail only: empty in lists). */
  contracts: z.array(z.object({ id: zId, registrationNumber: z.string(), amount: z.number() })),
  /** The follow-up timeline, oldest first (the detail only: empty in lists). */
  events: z.array(zLeadEvent),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type Lead = z.infer<typeof zLead>;

/**
 * Records a proposed match as a lead: a demand or an achievement (the subject) with one counterpart —
 * an achievement, expert or platform for a demand; a demand or an enterprise for an achievement. The
 * reasons are worked out again by the server, never taken from the client.
 */
export const zCreateLead = z
  .object({
    demandId: zId.nullable().optional(),
    achievementId: zId.nullable().optional(),
    expertId: zId.nullable().optional(),
    platformId: zId.nullable().optional(),
    organizationId: zId.nullable().optional(),
    note: zText(2000).nullable().optional(),
  })
  .superRefine((lead, ctx) => {
    const counterparts = [lead.expertId, lead.platformId, lead.organizationId].filter(Boolean).length;
    const pair = lead.demandId && lead.achievementId ? 1 : 0;
    if (!lead.demandId && !lead.achievementId) {
      ctx.addIssue({ code: 'custom', path: ['demandId'], message: '须选择一项技术需求或科技成果' });
    } else if (counterparts + pair !== 1) {
      ctx.addIssue({ code: 'custom', path: ['demandId'], message: '一条对接记录只对接一个对象（成果、需求、专家、平台或企业之一）' });
    } else if (lead.demandId && lead.organizationId) {
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: '技术需求只能对接成果、专家或平台' });
    } else if (lead.achievementId && !lead.demandId && (lead.expertId || lead.platformId)) {
      ctx.addIssue({ code: 'custom', path: ['expertId'], message: '科技成果只能对接需求或企业' });
    }
  });
export type CreateLead = z.infer<typeof zCreateLead>;

/** A follow-up (跟进): what happened, moving the lead by `action`. */
export const zLeadFollowUp = z.object({
  action: zLeadAction.exclude(['sign']),
  note: zText(2000).min(1, { message: '请填写跟进情况' }),
  occurredOn: zDate.optional(),
  version: zVersion,
});
export type LeadFollowUp = z.infer<typeof zLeadFollowUp>;

export const zUpdateLead = z.object({ note: zText(2000).nullable(), version: zVersion });
export type UpdateLead = z.infer<typeof zUpdateLead>;

export const zLeadQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  status: zCsv(zLeadStatus).optional(),
  regionId: zId.optional(),
  demandId: zId.optional(),
  achievementId: zId.optional(),
});
export type LeadQuery = z.infer<typeof zLeadQuery>;
