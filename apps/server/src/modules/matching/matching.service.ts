import {
  labels,
  type MatchCandidate,
  type MatchKind,
  type MatchQuery,
  type MatchReason,
  type MatchResult,
  type MatchSubject,
} from '@stip/contracts';
import { notFound } from '../../shared/app-error';
import type { ActorContext } from '../../shared/context';
import { contentTerms, searchRecords } from '../search';
import { canSeeSubject, scopeRoot } from './matching.policy';
import * as repository from './matching.repository';
import { explainMatch, type MatchCandidateFacts, type MatchProfile, normaliseRanks, sharedTerms } from './matching.scoring';

/** How many search hits are scored per kind before the best `limit` are kept. */
const searchDepth = 40;
/** The text a record is matched on: title, keywords and body (the body cut, so a long description stays quick). */
const matchText = (record: repository.RecordFacts) => [record.title, record.keywords.join(' '), record.body.slice(0, 1500)].join('\n');

export type SubjectKind = 'demand' | 'achievement';

export interface Subject {
  kind: SubjectKind;
  record: repository.RecordFacts;
  profile: MatchProfile;
}

/** A candidate before it is sorted: what it is and how it scored. */
type Scored = Omit<MatchCandidate, 'leadId'>;

async function profileOf(record: repository.RecordFacts): Promise<MatchProfile> {
  return {
    terms: await contentTerms(matchText(record)),
    technicalFields: [record.technicalField],
    industry: record.industry,
    region: record.regionId ? { id: record.regionId, name: record.regionName ?? '' } : null,
  };
}

/** The demand or achievement to match, if the actor may see it (else 404, never saying which). */
export async function getSubject(ctx: ActorContext, kind: SubjectKind, id: string): Promise<Subject> {
  const [record] = kind === 'demand' ? await repository.findDemandFacts(ctx.db, [id]) : await repository.findAchievementFacts(ctx.db, [id]);
  if (!record || !canSeeSubject(ctx.actor, record)) throw notFound();
  return { kind, record, profile: await profileOf(record) };
}

/** Content terms with a per-call cache (experts and platforms repeat their fields). */
function termsCache() {
  const cache = new Map<string, Promise<string[]>>();
  return (text: string) => {
    let terms = cache.get(text);
    if (!terms) {
      terms = contentTerms(text);
      cache.set(text, terms);
    }
    return terms;
  };
}

/** Published achievements or demands: from the search (ranked) — or the given ones (a lead being recorded). */
async function recordCandidates(ctx: ActorContext, subject: Subject, kind: 'achievement' | 'demand', ids?: string[]): Promise<Scored[]> {
  let records: repository.RecordFacts[];
  let ranks = new Map<string, number>();
  if (ids) {
    records = await (kind === 'achievement' ? repository.findAchievementFacts(ctx.db, ids) : repository.findDemandFacts(ctx.db, ids));
    records = records.filter((record) => record.status === 'published');
  } else {
    const page = await searchRecords(ctx.db, kind, {
      q: matchText(subject.record),
      limit: searchDepth,
      offset: 0,
      statuses: ['published'],
      excludeIds: [subject.record.id],
    });
    const normalised = normaliseRanks(page.items.map((hit) => hit.score));
    ranks = new Map(page.items.map((hit, index) => [hit.id, normalised[index]!]));
    records = await (kind === 'achievement'
      ? repository.findAchievementFacts(ctx.db, [...ranks.keys()])
      : repository.findDemandFacts(ctx.db, [...ranks.keys()]));
  }
  const scored: Scored[] = [];
  for (const record of records) {
    const facts: MatchCandidateFacts = { ...(await profileOf(record)), textRank: ranks.get(record.id) ?? null };
    const explained = explainMatch(subject.profile, facts);
    if (!explained) continue;
    scored.push({ kind, id: record.id, title: record.title, subtitle: record.owner, ...explained, isDemo: record.isDemo });
  }
  return scored;
}

/** Experts in the actor's scope whose fields meet the demand's field or terms. */
async function expertCandidates(ctx: ActorContext, subject: Subject, ids?: string[]): Promise<Scored[]> {
  const root = scopeRoot(ctx.actor);
  if (root === 'nothing') return [];
  const termsOf = termsCache();
  const scored: Scored[] = [];
  for (const expert of await repository.findExpertFacts(ctx.db, root, ids)) {
    if (!expert.fields.length) continue;
    const fieldTerms = await Promise.all(expert.fields.map((field) => termsOf(field)));
    const subjectField = subject.profile.technicalFields[0]?.trim();
    const matchedFields = expert.fields.filter(
      (field, index) => field === subjectField || sharedTerms(subject.profile.terms, fieldTerms[index]!).length > 0,
    );
    const own: MatchReason[] = matchedFields.length
      ? [{ kind: 'expert_field', label: `专家领域：${matchedFields.join('、')}`, terms: matchedFields }]
      : [];
    const explained = explainMatch(subject.profile, {
      terms: fieldTerms.flat(),
      technicalFields: expert.fields,
      industry: null,
      region: expert.regionId ? { id: expert.regionId, name: expert.regionName ?? '' } : null,
      ownReasons: own,
    });
    if (!explained) continue;
    scored.push({
      kind: 'expert',
      id: expert.id,
      title: expert.name,
      subtitle: `${expert.organizationName} · ${expert.title}`,
      ...explained,
      isDemo: expert.isDemo,
    });
  }
  return scored;
}

const platformText = (platform: { name: string; industry: string | null; technicalFields: string[] }) =>
  [platform.name, platform.industry ?? '', platform.technicalFields.join(' ')].join(' ');

/** Platforms in force whose name, fields or industry meet the demand; each with its type and level as a reason. */
async function platformCandidates(ctx: ActorContext, subject: Subject, ids?: string[]): Promise<Scored[]> {
  const termsOf = termsCache();
  const scored: Scored[] = [];
  for (const platform of await repository.findPlatformFacts(ctx.db, ids)) {
    const explained = explainMatch(subject.profile, {
      terms: await termsOf(platformText(platform)),
      technicalFields: platform.technicalFields,
      industry: platform.industry,
      region: { id: platform.regionId, name: platform.regionName },
      ownReasons: [{ kind: 'platform_type', label: `平台类型：${platform.typeName}（${labels.platformLevel[platform.level]}）` }],
    });
    if (!explained) continue;
    scored.push({
      kind: 'platform',
      id: platform.id,
      title: platform.name,
      subtitle: `${platform.typeName} · ${platform.hostName}`,
      ...explained,
      isDemo: platform.isDemo,
    });
  }
  return scored;
}

/**
 * Enterprises in the actor's scope that could use an achievement, judged by what they show: the platforms
 * they host (names, fields, industry) and the demands they published. The achievement's owner is left out.
 */
async function enterpriseCandidates(ctx: ActorContext, subject: Subject, ids?: string[]): Promise<Scored[]> {
  const root = scopeRoot(ctx.actor);
  if (root === 'nothing') return [];
  const enterprises = (await repository.findEnterprises(ctx.db, root, ids)).filter((e) => e.id !== subject.record.organizationId);
  if (!enterprises.length) return [];
  const byId = new Set(enterprises.map((e) => e.id));
  const platforms = (await repository.findPlatformFacts(ctx.db)).filter((p) => byId.has(p.hostOrganizationId));
  const demandsOf = await repository.findPublishedDemandsOf(ctx.db, [...byId]);
  const termsOf = termsCache();
  const scored: Scored[] = [];
  for (const enterprise of enterprises) {
    const own = platforms.filter((p) => p.hostOrganizationId === enterprise.id);
    const posted = demandsOf.filter((d) => d.organizationId === enterprise.id);
    if (!own.length && !posted.length) continue;
    const platformTerms = await Promise.all(own.map((p) => termsOf(platformText(p))));
    const demandTerms = await Promise.all(posted.map((d) => termsOf([d.title, d.keywords.join(' ')].join(' '))));
    const reasons: MatchReason[] = [];
    const meetingPlatforms = own.filter((_, i) => sharedTerms(subject.profile.terms, platformTerms[i]!).length > 0);
    const meetingDemands = posted.filter((_, i) => sharedTerms(subject.profile.terms, demandTerms[i]!).length > 0);
    if (meetingPlatforms.length) {
      reasons.push({
        kind: 'enterprise_platform',
        label: `拥有平台：${meetingPlatforms
          .map((p) => p.name)
          .slice(0, 3)
          .join('、')}`,
      });
    }
    if (meetingDemands.length) {
      reasons.push({
        kind: 'enterprise_demand',
        label: `发布需求：${meetingDemands
          .map((d) => d.title)
          .slice(0, 3)
          .join('、')}`,
      });
    }
    const industries = [...own.map((p) => p.industry), ...posted.map((d) => d.industry)].filter(Boolean) as string[];
    const explained = explainMatch(subject.profile, {
      terms: [...platformTerms.flat(), ...demandTerms.flat()],
      technicalFields: [...own.flatMap((p) => p.technicalFields), ...posted.map((d) => d.technicalField)],
      industry: industries.find((industry) => industry === subject.profile.industry) ?? industries[0] ?? null,
      region: { id: enterprise.regionId, name: enterprise.regionName },
      ownReasons: reasons,
    });
    if (!explained) continue;
    scored.push({ kind: 'enterprise', id: enterprise.id, title: enterprise.name, subtitle: null, ...explained, isDemo: enterprise.isDemo });
  }
  return scored;
}

/** The candidates of one kind for a subject (all of them, unsorted); `ids` restricts to given records. */
export function candidatesOf(ctx: ActorContext, subject: Subject, kind: MatchKind, ids?: string[]): Promise<Scored[]> {
  switch (kind) {
    case 'achievement':
    case 'demand':
      return recordCandidates(ctx, subject, kind, ids);
    case 'expert':
      return expertCandidates(ctx, subject, ids);
    case 'platform':
      return platformCandidates(ctx, subject, ids);
    case 'enterprise':
      return enterpriseCandidates(ctx, subject, ids);
  }
}

/** What each subject is matched with. */
export const candidateKinds: Record<SubjectKind, MatchKind[]> = {
  demand: ['achievement', 'expert', 'platform'],
  achievement: ['demand', 'enterprise'],
};

const counterpartOf = (lead: Awaited<ReturnType<typeof repository.findLeadsOfSubject>>[number], subject: SubjectKind) =>
  subject === 'demand' ? (lead.achievementId ?? lead.expertId ?? lead.platformId) : (lead.demandId ?? lead.organizationId);

/**
 * 智能匹配: the best `limit` candidates of each kind for a demand (achievements, experts, platforms) or an
 * achievement (demands, enterprises), each with its score and reasons, and the lead already recorded if any.
 */
export async function findMatches(ctx: ActorContext, kind: SubjectKind, id: string, query: MatchQuery): Promise<MatchResult> {
  const subject = await getSubject(ctx, kind, id);
  const leads = await repository.findLeadsOfSubject(ctx.db, kind === 'demand' ? { demandId: id } : { achievementId: id });
  const leadOf = new Map(leads.map((lead) => [counterpartOf(lead, kind), lead.id]));
  const items: MatchCandidate[] = [];
  for (const candidateKind of candidateKinds[kind]) {
    const scored = await candidatesOf(ctx, subject, candidateKind);
    scored.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh-CN'));
    items.push(...scored.slice(0, query.limit).map((candidate) => ({ ...candidate, leadId: leadOf.get(candidate.id) ?? null })));
  }
  const r = subject.record;
  const subjectView: MatchSubject = {
    kind,
    id: r.id,
    title: r.title,
    status: r.status,
    technicalField: r.technicalField,
    industry: r.industry,
    region: r.regionId ? { id: r.regionId, name: r.regionName ?? '' } : null,
    terms: subject.profile.terms.filter((term) => [...term].length >= 2).slice(0, 12),
    isDemo: r.isDemo,
  };
  return { subject: subjectView, items, total: items.length };
}
