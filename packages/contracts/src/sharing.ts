/**
 * Shared vocabulary of the sharing services (DOMAIN.md §6): achievements (科技成果), technology demands
 * (技术需求), 揭榜挂帅 challenges, matching leads and technology contracts. The enums live here because the
 * database enums, the zod schemas and the web labels all derive from them.
 */

/** 成熟度: laboratory, small-scale trial, pilot, industrialised. */
export const achievementMaturities = ['lab', 'small_trial', 'pilot', 'industrial'] as const;
export type AchievementMaturity = (typeof achievementMaturities)[number];
export const achievementMaturityLabels: Record<AchievementMaturity, string> = {
  lab: '实验室',
  small_trial: '小试',
  pilot: '中试',
  industrial: '产业化',
};

/** 转化方式. */
export const transferModes = ['transfer', 'license', 'equity', 'cooperation'] as const;
export type TransferMode = (typeof transferModes)[number];
export const transferModeLabels: Record<TransferMode, string> = {
  transfer: '转让',
  license: '许可',
  equity: '作价入股',
  cooperation: '合作开发',
};

/** Who owns an achievement, for the portal's facet: derived from the owner organisation's kind, or typed in. */
export const ownerTypes = ['enterprise', 'university', 'institute', 'hospital', 'individual', 'other'] as const;
export type OwnerType = (typeof ownerTypes)[number];
export const ownerTypeLabels: Record<OwnerType, string> = {
  enterprise: '企业',
  university: '高校',
  institute: '科研院所',
  hospital: '医疗机构',
  individual: '个人',
  other: '其他',
};

/**
 * The publication lifecycle shared by achievements and demands: draft → submitted (review by bureau staff)
 * → published, or back to returned (退回修改) → submitted …; published → closed (no longer offered) → archived.
 */
export const publicationStatuses = ['draft', 'submitted', 'returned', 'published', 'closed', 'archived'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const publicationStatusLabels: Record<PublicationStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  published: '已发布',
  closed: '已关闭',
  archived: '已归档',
};

/** The contact fields an owner may choose to publish; anything not chosen never leaves the system. */
export const contactFields = ['name', 'phone', 'email'] as const;
export type ContactField = (typeof contactFields)[number];

/** Where an achievement record came from. */
export const achievementSources = ['manual', 'excel', 'jsonl'] as const;
export type AchievementSource = (typeof achievementSources)[number];

/**
 * 揭榜挂帅: draft → (an enterprise's list goes to the bureau) submitted → open → (deadline passes or the owner closes
 * applications) reviewing → selected → completed; or cancelled. 'submitted' is the bureau's review before release.
 */
export const challengeStatuses = ['draft', 'submitted', 'open', 'reviewing', 'selected', 'completed', 'cancelled'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];
export const challengeStatusLabels: Record<ChallengeStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  open: '揭榜中',
  reviewing: '评选中',
  selected: '已选定',
  completed: '已完成',
  cancelled: '已撤榜',
};

export const challengeApplicationStatuses = ['submitted', 'withdrawn', 'selected', 'not_selected'] as const;
export type ChallengeApplicationStatus = (typeof challengeApplicationStatuses)[number];
export const challengeApplicationStatusLabels: Record<ChallengeApplicationStatus, string> = {
  submitted: '已提交',
  withdrawn: '已撤回',
  selected: '已选中',
  not_selected: '未选中',
};

/** 对接记录: a match followed from first contact to a signed contract (or dropped). */
export const leadStatuses = ['new', 'contacted', 'negotiating', 'signed', 'dropped'] as const;
export type LeadStatus = (typeof leadStatuses)[number];
export const leadStatusLabels: Record<LeadStatus, string> = {
  new: '待跟进',
  contacted: '已联系',
  negotiating: '洽谈中',
  signed: '已签约',
  dropped: '已终止',
};
