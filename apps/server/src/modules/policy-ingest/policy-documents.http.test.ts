import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestConfirmInput, IngestProposal, PolicyDocument, PolicyDocumentPage, ReExtraction } from '@stip/contracts';
import { extractorVersion, type Extraction } from '@stip/policy-ingest';
import { buildTestApp } from '../../../test/build-test-app';
import { multipartBody } from '../../../test/multipart';
import { buildOrganization, buildRegion, buildUser } from '../../../test/factories';
import { auditLog, policyDocumentExtractions, policyDocuments, targets, type StoredExtraction } from '../../db/schema/index';
import { seedTaxonomyCatalogue } from '../../db/seed/taxonomy-catalogue';

const seedsDir = process.env.STIP_SEEDS_DIR ?? fileURLToPath(new URL('../../../../../packages/policy-ingest/test/seeds/', import.meta.url));
const seedFile = existsSync(seedsDir) ? readdirSync(seedsDir).find((name) => name.startsWith('000_')) : undefined;
if (!seedFile) throw new Error(`seed 000_*.txt not found in ${seedsDir} (set STIP_SEEDS_DIR)`);
const seed000 = readFileSync(join(seedsDir, seedFile), 'utf8');

const t = await buildTestApp();
const { db } = t.handle;

let cityId: string;
let cityCookie: string;
let xuanhanCookie: string;
let dazhuCookie: string;

beforeAll(async () => {
  const province = await buildRegion(db, { name: '四川省', level: 'province' });
  const city = await buildRegion(db, { parent: province, name: '达州市', level: 'city' });
  cityId = city.id;
  const xuanhan = await buildRegion(db, { parent: city, name: '宣汉县', level: 'county' });
  const dazhu = await buildRegion(db, { parent: city, name: '大竹县', level: 'county' });
  const bureau = await buildOrganization(db, { name: '达州市科学技术局', kind: 'department', regionId: city.id });
  await seedTaxonomyCatalogue(db, { supervisors: { 科技局: bureau } });
  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: city.id, organizationId: bureau })).username);
  xuanhanCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: xuanhan.id })).username);
  dazhuCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: dazhu.id })).username);
});

function upload(cookie: string, fileName: string, content: Buffer, date = '2021-04-15') {
  const { payload, contentType } = multipartBody({ name: fileName, content, type: 'text/plain' }, { date });
  return t.app.inject({ method: 'POST', url: '/api/policy-ingest/extract', headers: { cookie, 'content-type': contentType }, payload });
}

async function uploaded(cookie: string, fileName: string, content: Buffer): Promise<IngestProposal> {
  const response = await upload(cookie, fileName, content);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (cookie: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

async function list(cookie: string, query = ''): Promise<PolicyDocumentPage> {
  const response = await get(cookie, `/api/policy-documents${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A small plan of its own (distinct content per call), pasted rather than uploaded. */
const smallPlan = (name: string) => `${name}科技平台建设工作要点\n2024年，全县新建县级重点实验室3家以上，科技企业孵化器总数达到5家。\n`;

/** The reviewed confirmation of a proposal: the plan and its targets as reported figures, no tasks. */
function confirmation(proposal: IngestProposal): IngestConfirmInput {
  return {
    plan: {
      title: `${proposal.plan.title ?? '导入规划'}（文件库测试）`,
      periodStart: '2021-04-15',
      periodEnd: '2025-12-31',
      regionId: cityId,
    },
    targets: proposal.targets.slice(0, 3).map((target) => ({
      kind: 'amount' as const,
      subject: target.text,
      comparator: target.comparator,
      value: target.value,
      unit: target.unit || '项',
      deadline: '2025-12-31',
    })),
    tasks: [],
    documentId: proposal.document!.id,
  };
}

describe('the document library (政策文件库)', () => {
  let proposal: IngestProposal;
  const fileName = '达州市科技创新平台体系建设实施方案.txt';
  const content = Buffer.from(seed000, 'utf8');

  it('keeps an uploaded document with its bytes, hash, uploader, region and extraction, with an audit record', async () => {
    proposal = await uploaded(cityCookie, fileName, content);
    expect(proposal.document).toMatchObject({ isReopened: false, extractorVersion, isOutdated: false, version: 1 });
    const [row] = await db.select().from(policyDocuments).where(eq(policyDocuments.id, proposal.document!.id));
    expect(Buffer.compare(row!.content, content)).toBe(0);
    expect(row).toMatchObject({ fileName, size: content.length, regionId: cityId, extractorVersion, documentDate: '2021-04-15' });
    expect((row!.current.extraction as Extraction).targets.length).toBe(proposal.targets.length);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, row!.id), eq(auditLog.action, 'policy_document.upload')));
    expect(audit).toHaveLength(1);

    const page = await list(cityCookie);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: row!.id,
      fileName,
      title: '达州市科技创新平台体系建设实施方案',
      region: { id: cityId, name: '达州市' },
      uploadedBy: { organization: '达州市科学技术局' },
      targetCount: proposal.targets.length,
      taskCount: proposal.tasks.length,
      isOutdated: false,
      plan: null,
    });
  });

  it('reopens the kept record when the same file is uploaded again in the same region, instead of keeping a copy', async () => {
    const again = await uploaded(cityCookie, '另存为.txt', content);
    expect(again.document).toMatchObject({ id: proposal.document!.id, isReopened: true });
    expect(again.targets).toEqual(proposal.targets);
    expect((await list(cityCookie)).total).toBe(1);
    // Opening it from the library needs no upload.
    const opened = await get(cityCookie, `/api/policy-documents/${proposal.document!.id}/proposal`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect((opened.json() as IngestProposal).tasks).toEqual(proposal.tasks);
  });

  it('links the plan confirmed from a document, and filters by having a plan', async () => {
    const response = await post(cityCookie, '/api/policy-ingest/confirm', confirmation(proposal));
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    const page = await list(cityCookie);
    expect(page.items[0]!.plan).toEqual({ id: plan.id, name: plan.title });
    expect((await list(cityCookie, '?hasPlan=true')).total).toBe(1);
    expect((await list(cityCookie, '?hasPlan=false')).total).toBe(0);
    expect((await list(cityCookie, '?search=科技创新平台')).total).toBe(1);
    expect((await list(cityCookie, '?search=不存在的文件')).total).toBe(0);
    expect((await list(cityCookie, '?from=2021-01-01&to=2021-12-31')).total).toBe(1);
    expect((await list(cityCookie, '?from=2022-01-01')).total).toBe(0);
  });

  it('re-extracts after the extractor changed: shows what changed, the plan targets that differ, and keeps the new reading on request', async () => {
    const id = proposal.document!.id;
    // Simulate a reading by an older extractor: it read the first target's comparator as "=" and missed the last task.
    const [row] = await db.select().from(policyDocuments).where(eq(policyDocuments.id, id));
    const old = structuredClone(row!.current.extraction) as Extraction;
    const firstTarget = old.targets[0]!;
    const freshComparator = firstTarget.comparator;
    firstTarget.comparator = freshComparator === '=' ? '>=' : '=';
    const missedTask = old.tasks.pop()!;
    const older: StoredExtraction = { ...row!.current, extraction: old, extractorVersion: '0.0.9+r0' };
    await db.update(policyDocuments).set({ current: older, extractorVersion: '0.0.9+r0' }).where(eq(policyDocuments.id, id));
    // …and the confirmed plan carries the older comparator too.
    await db.update(targets).set({ comparator: firstTarget.comparator }).where(eq(targets.subject, firstTarget.text));

    const outdated = await list(cityCookie, '?outdated=true');
    expect(outdated.items.map((item) => item.id)).toEqual([id]);
    const version = outdated.items[0]!.version;

    const response = await post(cityCookie, `/api/policy-documents/${id}/re-extract`, { version });
    expect(response.statusCode, response.body).toBe(200);
    const result: ReExtraction = response.json();
    const sign = (comparator: string) => ({ '>=': '≥', '=': '=', '<=': '≤' })[comparator];
    expect(result).toMatchObject({ previousExtractorVersion: '0.0.9+r0', extractorVersion });
    expect(result.diff.targets.changed).toEqual([
      {
        name: firstTarget.text,
        changes: [{ field: 'comparator', label: '比较关系', before: sign(firstTarget.comparator), after: sign(freshComparator) }],
      },
    ]);
    expect(result.diff.tasks.added.map((item) => item.name)).toEqual([missedTask.title]);
    expect(result.diff.targets.added).toEqual([]);
    expect(result.diff.targets.removed).toEqual([]);
    expect(result.planDifferences).toEqual([
      expect.objectContaining({
        subject: firstTarget.text,
        isMissing: false,
        changes: [{ field: 'comparator', label: '比较关系', before: sign(firstTarget.comparator), after: sign(freshComparator) }],
      }),
    ]);
    expect(result.document).toMatchObject({ hasPendingExtraction: true, isOutdated: true, version: version + 1 });
    // The confirmed plan is never overwritten.
    const [planTarget] = await db.select().from(targets).where(eq(targets.subject, firstTarget.text));
    expect(planTarget!.comparator).toBe(firstTarget.comparator);

    // Keeping needs the current version: the one before the re-extraction is refused.
    const stale = await post(cityCookie, `/api/policy-documents/${id}/keep-extraction`, { version });
    expect(stale.statusCode).toBe(409);
    const kept = await post(cityCookie, `/api/policy-documents/${id}/keep-extraction`, { version: version + 1 });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json() as PolicyDocument).toMatchObject({
      isOutdated: false,
      extractorVersion,
      hasPendingExtraction: false,
      version: version + 2,
    });
    const history = await db.select().from(policyDocumentExtractions).where(eq(policyDocumentExtractions.documentId, id));
    expect(history.map((reading) => reading.extractorVersion)).toEqual(['0.0.9+r0']);
    const reopened: IngestProposal = (await get(cityCookie, `/api/policy-documents/${id}/proposal`)).json();
    expect(reopened.tasks).toHaveLength(proposal.tasks.length);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, id));
    expect(actions.map((record) => record.action)).toEqual(
      expect.arrayContaining(['policy_document.link_plan', 'policy_document.re_extract', 'policy_document.keep_extraction']),
    );
    const nothingPending = await post(cityCookie, `/api/policy-documents/${id}/keep-extraction`, { version: version + 2 });
    expect(nothingPending.statusCode).toBe(422);
  });

  it('downloads the original bytes with a safe Content-Disposition', async () => {
    const tricky = await uploaded(cityCookie, '../../工作 方案(1);x.txt', Buffer.from(smallPlan('达川区'), 'utf8'));
    const response = await get(cityCookie, `/api/policy-documents/${tricky.document!.id}/file`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.toString('utf8')).toBe(smallPlan('达川区'));
    const disposition = response.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="document\.txt"; filename\*=UTF-8''[\w%.-]+$/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('工作 方案(1);x.txt');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is scoped to the uploader’s region: another county sees nothing of it, the city sees its counties’', async () => {
    const pasted = await post(xuanhanCookie, '/api/policy-ingest/extract', { text: smallPlan('宣汉县'), date: '2024-02-01' });
    expect(pasted.statusCode, pasted.body).toBe(200);
    const id = (pasted.json() as IngestProposal).document!.id;
    expect((await list(xuanhanCookie)).items.map((item) => item.id)).toEqual([id]);
    expect((await list(cityCookie)).items.map((item) => item.id)).toContain(id);

    expect((await list(dazhuCookie)).total).toBe(0);
    for (const url of [`/api/policy-documents/${id}/proposal`, `/api/policy-documents/${id}/file`]) {
      expect((await get(dazhuCookie, url)).statusCode).toBe(404);
    }
    expect((await post(dazhuCookie, `/api/policy-documents/${id}/re-extract`, { version: 1 })).statusCode).toBe(404);
    const deleting = await t.app.inject({
      method: 'DELETE',
      url: `/api/policy-documents/${id}?version=1`,
      headers: { cookie: dazhuCookie },
    });
    expect(deleting.statusCode).toBe(404);
    // The county cannot see the city's documents either.
    expect((await get(xuanhanCookie, `/api/policy-documents/${proposal.document!.id}/file`)).statusCode).toBe(404);
    // The same text pasted in another county is that county's own record.
    const other = await post(dazhuCookie, '/api/policy-ingest/extract', { text: smallPlan('宣汉县'), date: '2024-02-01' });
    expect((other.json() as IngestProposal).document).toMatchObject({ isReopened: false });
    expect((other.json() as IngestProposal).document!.id).not.toBe(id);
  });

  it('deletes softly, with an audit record; the same file can then be kept anew', async () => {
    const kept = await uploaded(xuanhanCookie, '删除测试.txt', Buffer.from(smallPlan('宣汉县删除'), 'utf8'));
    const id = kept.document!.id;
    const del = (version: number) =>
      t.app.inject({ method: 'DELETE', url: `/api/policy-documents/${id}?version=${version}`, headers: { cookie: xuanhanCookie } });
    expect((await del(7)).statusCode).toBe(409);
    expect((await del(1)).statusCode).toBe(200);
    expect((await list(xuanhanCookie)).items.map((item) => item.id)).not.toContain(id);
    expect((await get(xuanhanCookie, `/api/policy-documents/${id}/proposal`)).statusCode).toBe(404);
    const [row] = await db.select().from(policyDocuments).where(eq(policyDocuments.id, id));
    expect(row!.deletedAt).not.toBeNull();
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'policy_document.delete')));
    expect(audit).toHaveLength(1);
    const again = await uploaded(xuanhanCookie, '删除测试.txt', Buffer.from(smallPlan('宣汉县删除'), 'utf8'));
    expect(again.document).toMatchObject({ isReopened: false });
    expect(again.document!.id).not.toBe(id);
  });

  it('is for plan writers only', async () => {
    const leader = await t.login((await buildUser(db, { role: 'leader', regionId: cityId })).username);
    expect((await get(leader, '/api/policy-documents')).statusCode).toBe(403);
  });
});
