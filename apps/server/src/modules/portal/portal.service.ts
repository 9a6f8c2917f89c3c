import {
  labels,
  type PublicAchievement,
  type PublicCall,
  type PublicChallenge,
  type PublicChallengeListItem,
  type PublicChallengeQuery,
  publicChallengeStatuses,
  type PublicContact,
  type PublicDemand,
  type PublicOverview,
  type PublicPlatformPage,
  type PublicPlatformQuery,
  type PortalSearchItem,
  type Page,
} from '@stip/contracts';
import { notFound } from '../../shared/app-error';
import type { RequestContext } from '../../shared/context';
import {
  countOpenChallengesForPublic,
  findOpenChallengesForPublic,
  findPublicChallengeOfDemand,
  getPublicChallenge as getChallengeForPublic,
} from '../challenges';
import * as repository from './portal.repository';

/**
 * The public portal's reads (科技创新资源共享平台). Nobody signs in, so there is no scope: what is public is public
 * to everyone, and the repository reads only published rows. A record that is not public answers 404 exactly
 * like one that does not exist, so a visitor learns nothing of drafts.
 */

/** The contact fields the owner chose to publish, and only those (a blank value is left out too). */
export function publicContact(row: repository.ContactColumns): PublicContact {
  const chosen = new Set(row.publishedContact);
  const contact: PublicContact = {};
  if (chosen.has('name') && row.contactName) contact.name = row.contactName;
  if (chosen.has('phone') && row.contactPhone) contact.phone = row.contactPhone;
  if (chosen.has('email') && row.contactEmail) contact.email = row.contactEmail;
  return contact;
}

/**
 * What every visitor's home page and platform filters share is read at most once per `publicCacheMs` per process:
 * the same for everyone (no scope), and a count a few seconds old is fine on a public page. Concurrent requests
 * share one load; a failed load is not kept.
 */
export const publicCacheMs = 15_000;
const publicCache = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

function cachedPublic<T>(ctx: RequestContext, key: string, load: () => Promise<T>): Promise<T> {
  let entries = publicCache.get(ctx.db);
  if (!entries) publicCache.set(ctx.db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < publicCacheMs) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at: Date.now(), value });
  value.catch(() => entries.delete(key));
  return value;
}

const iso = (moment: Date | null) => (moment ? moment.toISOString() : null);

/** The first characters of a text, as a card's snippet (the home page's latest records; no search terms). */
export function leadingSnippet(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type AchievementCard = Awaited<ReturnType<typeof repository.findAchievementCards>>[number];
type DemandCard = Awaited<ReturnType<typeof repository.findDemandCards>>[number];

/** A card of a published achievement or demand; the search hit's snippet when there is one. */
export function toSearchItem(
  card: AchievementCard | DemandCard,
  hit: { score: number; snippet: string; highlighted: string } | null = null,
): PortalSearchItem {
  const snippet = hit?.snippet ?? leadingSnippet(card.body);
  return {
    id: card.id,
    externalId: card.externalId,
    title: card.title,
    snippet,
    highlighted: hit?.highlighted ?? escapeHtml(snippet),
    score: hit?.score ?? 0,
    ownerName: card.ownerName,
    technicalField: card.technicalField,
    industry: card.industry,
    maturity: 'maturity' in card ? card.maturity : null,
    regionName: card.regionName,
    publishedAt: iso(card.publishedAt),
    source: 'source' in card ? card.source : null,
    isDemo: card.isDemo,
  };
}

/** One published achievement with the contact fields its owner chose to publish. */
export async function getPublicAchievement(ctx: RequestContext, id: string): Promise<PublicAchievement> {
  const row = await repository.findPublicAchievement(ctx.db, id);
  if (!row) throw notFound('科技成果不存在或未公开');
  const { contactName: _name, contactPhone: _phone, contactEmail: _email, publishedContact: _chosen, ...facts } = row;
  return { ...facts, contact: publicContact(row), publishedAt: iso(row.publishedAt) };
}

/** One published demand, with its 揭榜挂帅 call when one is public (its status as shown today). */
export async function getPublicDemand(ctx: RequestContext, id: string): Promise<PublicDemand> {
  const row = await repository.findPublicDemand(ctx.db, id);
  if (!row) throw notFound('技术需求不存在或未公开');
  const { contactName: _name, contactPhone: _phone, contactEmail: _email, publishedContact: _chosen, ...facts } = row;
  return {
    ...facts,
    contact: publicContact(row),
    publishedAt: iso(row.publishedAt),
    challenge: await findPublicChallengeOfDemand(ctx.db, id),
  };
}

/**
 * 揭榜挂帅 calls a visitor may see (every public status unless filtered), as the challenges module answers them:
 * open ones first (nearest deadline first), then those under review, decided or done.
 */
export async function findPublicChallenges(ctx: RequestContext, query: PublicChallengeQuery): Promise<Page<PublicChallengeListItem>> {
  const statuses = query.status?.length ? query.status : publicChallengeStatuses;
  return findOpenChallengesForPublic(ctx.db, { q: query.q, statuses, limit: query.limit, offset: query.offset });
}

/** One public 揭榜挂帅 call: its requirements, the chosen organisation and the reason, the milestones. */
export async function getPublicChallenge(ctx: RequestContext, id: string): Promise<PublicChallenge> {
  return getChallengeForPublic(ctx.db, id);
}

/** Calls for platform applications now accepting them (受理中), the nearest deadline first. */
export async function findOpenCalls(ctx: RequestContext, page: { limit: number; offset: number }): Promise<Page<PublicCall>> {
  const result = await repository.findOpenCalls(ctx.db, page);
  return {
    total: result.total,
    items: result.items.map((row) => ({
      id: row.id,
      title: row.title,
      year: row.year,
      regionName: row.regionName,
      opensOn: row.opensOn,
      closesOn: row.closesOn,
      status: row.status,
      description: row.description,
      types: row.typeIds
        .map((typeId) => result.types.get(typeId))
        .filter((type) => type !== undefined)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((type) => ({ name: type.name, level: type.level })),
      materials: publicMaterials(row.materials),
      isDemo: row.isDemo,
    })),
  };
}

/** A call's required-materials list as the applicant reads it (name and whether required; codes stay inside). */
function publicMaterials(materials: unknown): PublicCall['materials'] {
  if (!Array.isArray(materials)) return [];
  return materials
    .filter((m): m is { name: string; required?: unknown } => typeof m === 'object' && m !== null && typeof m.name === 'string')
    .map((m) => ({ name: m.name, required: m.required === true }));
}

/** The public list of recognised platforms (在册), with what its filters offer. */
export async function findPublicPlatforms(ctx: RequestContext, query: PublicPlatformQuery): Promise<PublicPlatformPage> {
  const [page, options] = await Promise.all([
    repository.findPublicPlatforms(ctx.db, query, query),
    cachedPublic(ctx, 'platformFilterOptions', () => repository.findPlatformFilterOptions(ctx.db)),
  ]);
  const levelLabel = (level: string) => labels.platformLevel[level as keyof typeof labels.platformLevel] ?? level;
  return {
    total: page.total,
    items: page.items.map(({ recognizedOn, ...row }) => ({
      ...row,
      recognizedYear: recognizedOn ? Number(recognizedOn.slice(0, 4)) : null,
    })),
    options: {
      level: options.level.map((o) => ({ value: o.key, label: levelLabel(o.key), count: o.count })),
      system: options.system.map((o) => ({ value: o.key, label: o.label, count: o.count })),
      region: options.region.map((o) => ({ value: o.key, label: o.label, count: o.count })),
    },
  };
}

/** The portal's home: its region, counts of what it offers, and the latest of each (shared for `publicCacheMs`). */
export function getOverview(ctx: RequestContext): Promise<PublicOverview> {
  return cachedPublic(ctx, 'overview', () => loadOverview(ctx));
}

async function loadOverview(ctx: RequestContext): Promise<PublicOverview> {
  const [regionName, counts, openChallenges, achievements, demands, challenges, openCalls] = await Promise.all([
    repository.findPortalRegionName(ctx.db),
    repository.countPublic(ctx.db),
    countOpenChallengesForPublic(ctx.db),
    repository.findAchievementCards(ctx.db, null, 6),
    repository.findDemandCards(ctx.db, null, 6),
    findPublicChallenges(ctx, { limit: 4, offset: 0 }),
    findOpenCalls(ctx, { limit: 4, offset: 0 }),
  ]);
  return {
    regionName,
    counts: { ...counts, challenges: openChallenges },
    latestAchievements: achievements.map((card) => toSearchItem(card)),
    latestDemands: demands.map((card) => toSearchItem(card)),
    latestChallenges: challenges.items,
    openCalls: openCalls.items,
  };
}
