import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, inArray } from 'drizzle-orm';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestConfirmInput, IngestProposal, IngestUnitRef, Plan, Target, Task } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { zipArchive } from '../../../test/zip-bomb';
import { buildOrganization, buildPlatform, buildRegion, buildUser } from '../../../test/factories';
import { auditLog, organizations, plans, targets, tasks } from '../../db/schema/index';
import { makeCreditCode } from '../../db/seed/credit-codes';
import { seedTaxonomyCatalogue } from '../../db/seed/taxonomy-catalogue';
import { verifyAuditChain } from '../audit/audit.service';

const seedsDir = process.env.STIP_SEEDS_DIR ?? fileURLToPath(new URL('../../../../../packages/policy-ingest/test/seeds/', import.meta.url));

function seedText(number: string): string {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((name) => name.startsWith(`${number}_`)) : undefined;
  if (!file) throw new Error(`seed ${number}_*.txt not found in ${seedsDir} (set STIP_SEEDS_DIR)`);
  return readFileSync(join(seedsDir, file), 'utf8');
}

const t = await buildTestApp();
const { db } = t.handle;
const seed000 = seedText('000');

let cityCookie: string;
let countyCookie: string;
let cityId: string;
let typeIds: Map<string, string>;
const organizationIds = new Map<string, string>();

const departments = [
  '达州市科学技术局',
  '达州市经济和信息化局',
  '达州市发展和改革委员会',
  '达州市市场监督管理局',
  '达州市卫生健康委员会',
  '达州市教育局',
  '达州市农业农村局',
  '达州市商务局',
  '达州市人力资源和社会保障局',
];
const counties = ['通川区', '达川区', '宣汉县', '开江县', '大竹县', '渠县', '万源市'];

beforeAll(async () => {
  const province = await buildRegion(db, { name: '四川省', level: 'province' });
  const city = await buildRegion(db, { parent: province, name: '达州市', level: 'city' });
  cityId = city.id;
  const countyIds = new Map<string, string>();
  for (const name of counties) countyIds.set(name, (await buildRegion(db, { parent: city, name, level: 'county' })).id);
  const zone = await buildRegion(db, { parent: city, name: '达州高新区', level: 'zone' });
  const otherCity = await buildRegion(db, { parent: province, name: '广安市', level: 'city' });

  for (const name of departments) organizationIds.set(name, await buildOrganization(db, { name, kind: 'department', regionId: city.id }));
  for (const [county, regionId] of countyIds) {
    organizationIds.set(
      `${county}人民政府`,
      await buildOrganization(db, { name: `${county}人民政府`, kind: 'county_government', regionId }),
    );
  }
  organizationIds.set(
    '达州高新区管委会',
    await buildOrganization(db, { name: '达州高新区管委会', kind: 'zone_committee', regionId: zone.id }),
  );
  organizationIds.set(
    '四川文理学院',
    await buildOrganization(db, { name: '四川文理学院', kind: 'university', regionId: countyIds.get('通川区')! }),
  );
  // The same office of another city: out of the Dazhou user's sight, never suggested.
  organizationIds.set(
    '广安市科学技术局',
    await buildOrganization(db, { name: '广安市科学技术局', kind: 'department', regionId: otherCity.id }),
  );

  typeIds = await seedTaxonomyCatalogue(db, { supervisors: { 科技局: organizationIds.get('达州市科学技术局') } });
  for (const county of ['宣汉县', '大竹县', '通川区']) {
    await buildPlatform(db, { typeId: typeIds.get('市级重点实验室')!, regionId: countyIds.get(county)!, recognizedOn: '2022-05-01' });
  }

  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: city.id })).username);
  countyCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: countyIds.get('宣汉县')! })).username);
});

const inject = (cookie: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

/** A multipart body with one file part and optional text fields. */
function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----stip-ingest-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(cookie: string, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const body = multipart(fileName, content, fields);
  return t.app.inject({ method: 'POST', url: '/api/policy-ingest/extract', headers: { cookie, ...body.headers }, payload: body.payload });
}

async function extractSeed000(cookie = cityCookie): Promise<IngestProposal> {
  const response = await upload(cookie, '达州市科技创新平台体系建设实施方案.txt', Buffer.from(seed000, 'utf8'), { date: '2021-04-15' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * The confirmation a reviewer would send after accepting every suggestion: suggested filters or
 * reported kinds, matched units (collective names expanded), unmatched names created as new units.
 */
function acceptAll(proposal: IngestProposal, regionId: string): IngestConfirmInput {
  const newOrganizations = new Map<string, string>();
  const refsOf = (names: string[]): IngestUnitRef[] =>
    names.flatMap((name): IngestUnitRef[] => {
      const unit = proposal.units.find((candidate) => candidate.name === name)!;
      if (unit.organization) return [{ organizationId: unit.organization.id }];
      if (unit.expandsTo.length) return unit.expandsTo.map((member) => ({ organizationId: member.id }));
      newOrganizations.set(name, makeCreditCode(`ingest|${name}`, '511700', '11'));
      return [{ newOrganizationName: name }];
    });
  const endOfMonth = (month: string | null, fallback: string) => {
    if (!month) return fallback;
    const [year, monthNumber] = month.split('-').map(Number);
    return new Date(Date.UTC(year!, monthNumber!, 0)).toISOString().slice(0, 10);
  };
  const periodEnd = proposal.plan.periodEnd!;
  return {
    plan: {
      title: `${proposal.plan.title!}（导入）`,
      issuingBody: proposal.plan.issuingBody,
      documentNo: proposal.plan.documentNo,
      issuedOn: proposal.plan.issuedOn,
      periodStart: proposal.plan.periodStart!,
      periodEnd,
      regionId,
      sourceText: proposal.text,
    },
    targets: proposal.targets.map((target) => {
      const base = {
        subject: target.text,
        comparator: target.comparator,
        value: target.value,
        unit: target.unit,
        deadline: endOfMonth(target.deadline, periodEnd),
        perYear: target.perYear,
      };
      const suggestion = target.suggestion;
      if (suggestion.mode === 'reported') return { ...base, kind: suggestion.kind, metric: suggestion.metric ?? null };
      return {
        ...base,
        kind: suggestion.kind,
        baselineDate: suggestion.baselineDate,
        filter: {
          typeIds: suggestion.types.map((type) => type.id),
          levels: suggestion.levels,
          systemIds: suggestion.systems.map((system) => system.id),
        },
        coverageRegionId: suggestion.kind === 'coverage' ? regionId : null,
      };
    }),
    tasks: proposal.tasks.map((task) => ({
      title: task.title,
      content: task.content,
      leadUnits: refsOf(task.lead),
      participantUnits: refsOf(task.participants),
      deadline: task.deadline || !task.recurring ? endOfMonth(task.deadline, periodEnd) : null,
      deadlineText: task.deadlineText,
      isRecurring: task.recurring,
      recurrenceText: task.recurrenceText,
      targetIndexes: task.targetIndexes,
    })),
    newOrganizations: [...newOrganizations].map(([name, creditCode]) => ({ name, creditCode })),
  };
}

async function counts() {
  const [[planRows], [targetRows], [taskRows], [organizationRows]] = await Promise.all([
    db.select({ n: count() }).from(plans),
    db.select({ n: count() }).from(targets),
    db.select({ n: count() }).from(tasks),
    db.select({ n: count() }).from(organizations),
  ]);
  return { plans: planRows!.n, targets: targetRows!.n, tasks: taskRows!.n, organizations: organizationRows!.n };
}

describe('reading a plan document', () => {
  it('proposes seed 000’s targets with their phrases and maps 市级重点实验室 to that type', async () => {
    const proposal = await extractSeed000();
    expect(proposal.fileName).toBe('达州市科技创新平台体系建设实施方案.txt');
    expect(proposal.targets.length).toBeGreaterThanOrEqual(15);
    for (const target of proposal.targets) expect(proposal.text.slice(target.span![0], target.span![1])).toBe(target.text);

    const cityLab = proposal.targets.find((target) => target.text.includes('市级重点实验室15家'))!;
    expect(cityLab).toMatchObject({ value: 15, unit: '家', comparator: '>=', kind: 'count', deadline: '2025-12' });
    expect(cityLab.suggestion).toMatchObject({
      mode: 'platforms',
      kind: 'count',
      types: [{ id: typeIds.get('市级重点实验室'), name: '市级重点实验室' }],
    });
    expect(cityLab.suggestion.confidence).toBeGreaterThanOrEqual(0.9);

    const provincialLab = proposal.targets.find((target) => target.subject.startsWith('省级重点实验室（包括'))!;
    expect(provincialLab.suggestion).toMatchObject({ mode: 'platforms', types: [{ id: typeIds.get('省级重点实验室') }] });
    const incubators = proposal.targets.find((target) => target.subject.includes('科技企业孵化器'))!;
    expect(incubators.suggestion.mode === 'platforms' && incubators.suggestion.types.map((type) => type.name).sort()).toEqual(
      [
        '众创空间（国家级）',
        '众创空间（省级）',
        '星创天地（国家级）',
        '星创天地（省级）',
        '科技企业孵化器（国家级）',
        '科技企业孵化器（省级）',
      ].sort(),
    );
    const first = proposal.targets.find((target) => target.kind === 'first' && target.subject.startsWith('国家重点实验室'))!;
    expect(first.suggestion).toMatchObject({ mode: 'platforms', kind: 'first', types: [{ id: typeIds.get('国家重点实验室') }] });
    const coverage = proposal.targets.find((target) => target.kind === 'coverage')!;
    expect(coverage.suggestion).toMatchObject({
      mode: 'platforms',
      kind: 'coverage',
      systems: [{ name: '科技服务平台体系' }],
      coverageRegion: { id: cityId },
    });
  });

  it('matches unit names to the register: 市科技局 is 达州市科学技术局, collective names expand', async () => {
    const proposal = await extractSeed000();
    const unit = (name: string) => proposal.units.find((candidate) => candidate.name === name)!;
    expect(unit('市科技局').organization).toEqual({ id: organizationIds.get('达州市科学技术局'), name: '达州市科学技术局' });
    expect(unit('市发展改革委').organization?.name).toBe('达州市发展和改革委员会');
    expect(unit('市经信局').organization?.name).toBe('达州市经济和信息化局');
    expect(unit('市人力资源社会保障局').organization?.name).toBe('达州市人力资源和社会保障局');
    expect(unit('市市场监管局').organization?.name).toBe('达州市市场监督管理局');
    expect(unit('市卫生健康委').organization?.name).toBe('达州市卫生健康委员会');
    expect(unit('高新区管委会').organization?.name).toBe('达州高新区管委会');
    expect(unit('宣汉县人民政府').organization).toMatchObject({ id: organizationIds.get('宣汉县人民政府'), name: '宣汉县人民政府' });
    expect(unit('各县（市、区）人民政府')).toMatchObject({ organization: null });
    expect(
      unit('各县（市、区）人民政府')
        .expandsTo.map((member) => member.name)
        .sort(),
    ).toEqual(counties.map((county) => `${county}人民政府`).sort());
    // 市科协 is not registered here: no organisation, and never another city's office.
    expect(unit('市科协').organization).toBeNull();
    for (const suggestion of proposal.units) {
      expect(suggestion.organization?.name).not.toBe('广安市科学技术局');
      expect(suggestion.candidates.map((candidate) => candidate.name)).not.toContain('广安市科学技术局');
    }
    const annexRow = proposal.tasks.find((task) => task.content.startsWith('围绕全市“6+3”重点产业发展科技需求，择优组建'))!;
    expect(annexRow).toMatchObject({
      title: '布局建设市级重点实验室',
      lead: ['市科技局'],
      deadline: '2025-12',
      deadlineText: '2025年12月前',
    });
    expect(annexRow.targetIndexes.map((index) => proposal.targets[index]!.text)).toContain('市级重点实验室15家以上');
  });

  it('guesses the plan’s particulars from the document head', async () => {
    const proposal = await extractSeed000();
    expect(proposal.plan).toEqual({
      title: '达州市科技创新平台体系建设实施方案',
      issuingBody: '达州市人民政府办公室',
      documentNo: null,
      issuedOn: '2021-04-15',
      periodStart: '2021-04-15',
      periodEnd: '2025-12-31',
      region: { id: cityId, name: '达州市' },
    });
  });

  it('reads pasted text, a Word document and a web page', async () => {
    const pasted = await inject(cityCookie, '/api/policy-ingest/extract', { text: seed000, date: '2021-04-15' });
    expect(pasted.statusCode, pasted.body).toBe(200);
    expect(pasted.json().targets.length).toBeGreaterThanOrEqual(15);

    const document = new Document({ sections: [{ children: seed000.split('\n').map((line) => new Paragraph(line)) }] });
    const response = await upload(cityCookie, '实施方案.docx', await Packer.toBuffer(document), { date: '2021-04-15' });
    expect(response.statusCode, response.body).toBe(200);
    const proposal: IngestProposal = response.json();
    expect(proposal.targets.map((target) => target.text)).toContain('市级重点实验室15家以上');
    expect(proposal.plan.title).toBe('达州市科技创新平台体系建设实施方案');

    const page = `<html><head><meta charset="utf-8"><title>通知</title></head><body>
      <h1>达州市科学技术局关于印发《2024年达州市科技平台建设工作要点》的通知</h1>
      <p>2024年，全市新建市级重点实验室5家以上。</p>
      <table><tr><td>任务</td><td>具体内容</td><td>责任单位</td><td>完成时限</td></tr>
      <tr><td>建设市级重点实验室</td><td>新建市级重点实验室5家以上。</td><td>市科技局，市经信局</td><td>2024年12月前</td></tr></table>
      </body></html>`;
    const html = await upload(cityCookie, '工作要点.html', Buffer.from(page, 'utf8'), { date: '2024-03-01' });
    expect(html.statusCode, html.body).toBe(200);
    const fromPage: IngestProposal = html.json();
    expect(fromPage.text).not.toContain('<td>');
    expect(fromPage.plan.title).toBe('2024年达州市科技平台建设工作要点');
    expect(fromPage.targets.map((target) => [target.text, target.deadline])).toContainEqual(['全市新建市级重点实验室5家以上', '2024-12']);
    expect(fromPage.tasks).toHaveLength(1);
    expect(fromPage.tasks[0]).toMatchObject({ title: '建设市级重点实验室', lead: ['市科技局'], participants: ['市经信局'] });
  });

  it('reads the files bureaus hold: a Word table, an Excel task sheet, a PDF table, a pasted web table', async () => {
    const formatsDir = fileURLToPath(new URL('../../../../../packages/policy-ingest/test/formats/docs/', import.meta.url));
    const read = async (file: string, date: string) => {
      const response = await upload(cityCookie, file, readFileSync(join(formatsDir, file)), { date });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as IngestProposal;
    };
    const word = await read('docx-table-zigong.docx', '2024-05-20');
    expect(word.tasks.map((task) => task.lead)).toHaveLength(6);
    expect(word.tasks[1]).toMatchObject({ lead: ['市科技局'], participants: ['四川轻化工大学'], deadline: '2026-12' });
    const sheet = await read('xlsx-tasks-yueyang.xlsx', '2024-02-26');
    expect(sheet.tasks).toHaveLength(9);
    expect(sheet.tasks[3]).toMatchObject({ lead: ['岳阳经开区管委会'], participants: ['市科技局'], deadline: '2024-06' });
    const pdf = await read('pdf-table-baoding.pdf', '2024-06-14');
    expect(pdf.tasks).toHaveLength(5);
    expect(pdf.tasks[4]).toMatchObject({ lead: ['市财政局'], deadline: '2025-06' });
    expect(pdf.targets.map((target) => target.value)).toContain(3000);
    // Spans index the proposal's text, in which the tables are rows.
    const span = pdf.tasks[0]!.span!;
    expect(pdf.text.slice(span[0], span[1])).toContain('实施孵化载体倍增计划\t');

    const webTable = readFileSync(join(formatsDir, 'space-wrapped-nanchong.txt'), 'utf8');
    const pasted = await inject(cityCookie, '/api/policy-ingest/extract', { text: webTable, date: '2024-03-12' });
    expect(pasted.statusCode, pasted.body).toBe(200);
    const fromPaste: IngestProposal = pasted.json();
    expect(fromPaste.tasks).toHaveLength(8);
    expect(fromPaste.tasks[0]).toMatchObject({ lead: ['市科技局'], deadline: '2024-12' });
  });

  it('asks for .docx when given an old Word or WPS file, by name or by content', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    for (const name of ['方案.doc', '方案.wps', '改了扩展名的方案.docx', '方案.txt']) {
      const response = await upload(cityCookie, name, ole);
      expect(response.statusCode, name).toBe(400);
      expect(response.json(), name).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('另存为 .docx') });
    }
    const sheet = await upload(cityCookie, '任务表.xls', ole);
    expect(sheet.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('.xlsx') });
  });

  it('suggests only organisations the user sees', async () => {
    const proposal = await extractSeed000(countyCookie);
    const names = proposal.units.flatMap((unit) => [unit.organization?.name, ...unit.candidates.map((candidate) => candidate.name)]);
    expect(names).not.toContain('达州市科学技术局');
    expect(proposal.units.find((unit) => unit.name === '宣汉县人民政府')!.organization?.name).toBe('宣汉县人民政府');
  });

  it('refuses a Word document that would unpack to more than the limit, before reading it', async () => {
    const paragraphs = Buffer.alloc(100 * 1024 * 1024, '<w:p><w:r><w:t>一</w:t></w:r></w:p>');
    const bomb = zipArchive({ '[Content_Types].xml': '<Types/>', 'word/document.xml': paragraphs });
    const response = await upload(cityCookie, '方案.docx', bomb);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_REJECTED', message: expect.stringMatching(/解压后超过 64 MB/) });
  });

  it('refuses what it cannot read with a 400', async () => {
    const pdf = await upload(cityCookie, '方案.pdf', Buffer.from('%PDF-1.4 ...'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('.pdf') });
    const brokenWord = await upload(cityCookie, '方案.docx', Buffer.from('not a zip archive at all'));
    expect(brokenWord.statusCode).toBe(400);
    expect(brokenWord.json().code).toBe('VALIDATION_FAILED');
    const binary = await upload(cityCookie, '方案.txt', Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 7) % 32)));
    expect(binary.statusCode).toBe(400);
    const empty = await upload(cityCookie, '方案.txt', Buffer.from('  \n\n  '));
    expect(empty.statusCode).toBe(400);
    const badDate = await upload(cityCookie, '方案.txt', Buffer.from(seed000), { date: '2021-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details).toEqual([{ field: 'date', message: '日期格式不正确' }]);
    const blank = await inject(cityCookie, '/api/policy-ingest/extract', { text: '   ' });
    expect(blank.statusCode).toBe(400);
    const nothing = await t.app.inject({ method: 'POST', url: '/api/policy-ingest/extract', headers: { cookie: cityCookie } });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().code).toBe('VALIDATION_FAILED');
  });

  it('is for plan writers only', async () => {
    const leader = await t.login((await buildUser(db, { role: 'leader', regionId: cityId })).username);
    const response = await inject(leader, '/api/policy-ingest/extract', { text: seed000 });
    expect(response.statusCode).toBe(403);
    const confirm = await inject(leader, '/api/policy-ingest/confirm', {});
    expect(confirm.statusCode).toBe(403);
  });
});

describe('confirming a proposal', () => {
  it('creates the plan with every kept target and task in one go; targets answer with progress', async () => {
    const proposal = await extractSeed000();
    const body = acceptAll(proposal, cityId);
    expect(body.newOrganizations!.map((organization) => organization.name)).toEqual(['市科协']);
    const before = await counts();
    const response = await inject(cityCookie, '/api/policy-ingest/confirm', body);
    expect(response.statusCode, response.body).toBe(200);
    const plan: Plan = response.json();
    expect(plan).toMatchObject({
      title: '达州市科技创新平台体系建设实施方案（导入）',
      issuingBody: '达州市人民政府办公室',
      issuedOn: '2021-04-15',
      regionId: cityId,
      targetCount: body.targets.length,
      taskCount: body.tasks.length,
    });
    expect(plan.sourceText).toBe(proposal.text.trim());
    expect(await counts()).toEqual({
      plans: before.plans + 1,
      targets: before.targets + body.targets.length,
      tasks: before.tasks + body.tasks.length,
      organizations: before.organizations + 1,
    });

    const list = await t.app.inject({ url: `/api/targets?planId=${plan.id}&asOf=2024-01-01&limit=500`, headers: { cookie: cityCookie } });
    expect(list.statusCode, list.body).toBe(200);
    const page: { items: Target[]; total: number } = list.json();
    expect(page.total).toBe(body.targets.length);
    const cityLab = page.items.find((target) => target.subject === '市级重点实验室15家以上')!;
    expect(cityLab.filter?.types).toEqual([{ id: typeIds.get('市级重点实验室'), name: '市级重点实验室' }]);
    expect(cityLab.progress).toMatchObject({ current: 3, required: 15 });
    const coverage = page.items.find((target) => target.kind === 'coverage')!;
    expect(coverage.coverageRegion).toEqual({ id: cityId, name: '达州市' });
    expect(page.items.every((target) => target.progress.asOf === '2024-01-01')).toBe(true);

    const taskList = await t.app.inject({ url: `/api/tasks?planId=${plan.id}&limit=500`, headers: { cookie: cityCookie } });
    const taskPage: { items: Task[]; total: number } = taskList.json();
    expect(taskPage.total).toBe(body.tasks.length);
    const annexRow = taskPage.items.find((task) => task.content.startsWith('围绕全市“6+3”重点产业发展科技需求，择优组建'))!;
    expect(annexRow.leadUnits).toEqual([{ id: organizationIds.get('达州市科学技术局'), name: '达州市科学技术局' }]);
    expect(annexRow.participantUnits.map((unit) => unit.name)).toContain('宣汉县人民政府');
    expect(annexRow.targets.map((target) => target.subject)).toEqual(['市级重点实验室15家以上']);
    const academician = taskPage.items.find((task) => task.title === '推动院士（专家）工作站建设')!;
    expect(academician.leadUnits.map((unit) => unit.name)).toEqual(['达州市科学技术局', '市科协']);

    const [created] = await db.select().from(organizations).where(eq(organizations.name, '市科协'));
    expect(created).toMatchObject({ kind: 'department', regionId: cityId });
    const actions = await db
      .select({ action: auditLog.action, n: count() })
      .from(auditLog)
      .where(inArray(auditLog.action, ['plan.create', 'target.create', 'task.create', 'organization.create']))
      .groupBy(auditLog.action);
    expect(Object.fromEntries(actions.map((row) => [row.action, row.n]))).toMatchObject({
      'plan.create': 1,
      'target.create': body.targets.length,
      'task.create': body.tasks.length,
      'organization.create': 1,
    });
  });

  it('creates a 技术合同登记额 target summed from the registered contracts, and leaves growth rates and other amounts reported', async () => {
    const text = `达州市技术转移行动方案（2026—2028年）
一、发展目标
到2028年，全市技术合同登记额达到12亿元，技术合同成交额年均增长15%以上，全社会研发投入达到20亿元；每年技术合同成交额不低于3000万元。`;
    const response = await inject(cityCookie, '/api/policy-ingest/extract', { text, date: '2026-01-10' });
    expect(response.statusCode, response.body).toBe(200);
    const proposal: IngestProposal = response.json();
    const metricOf = (target: IngestProposal['targets'][number]) =>
      target.suggestion.mode === 'reported' ? (target.suggestion.metric ?? null) : 'platforms';
    expect(proposal.targets.map((target) => [target.subject, target.value, target.unit, metricOf(target)])).toEqual([
      ['技术合同登记额', 12, '亿元', 'technology_contract_amount'],
      ['技术合同成交额年均增长', 15, '%', null],
      ['全社会研发投入', 20, '亿元', null],
      ['技术合同成交额', 3000, '万元', 'technology_contract_amount'],
    ]);
    expect(proposal.targets[3]!.perYear).toBe(true);

    const body = acceptAll(proposal, cityId);
    const confirmed = await inject(cityCookie, '/api/policy-ingest/confirm', body);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const plan: Plan = confirmed.json();
    const list = await t.app.inject({ url: `/api/targets?planId=${plan.id}&asOf=2026-06-30&limit=50`, headers: { cookie: cityCookie } });
    const created = (list.json().items as Target[]).map((target) => [target.subject, target.kind, target.metric, target.perYear]);
    expect(created).toEqual([
      ['全市技术合同登记额达到12亿元', 'amount', 'technology_contract_amount', false],
      ['技术合同成交额年均增长15%以上', 'ratio', null, false],
      ['全社会研发投入达到20亿元', 'amount', null, false],
      ['每年技术合同成交额不低于3000万元', 'amount', 'technology_contract_amount', true],
    ]);
    const summed = (list.json().items as Target[])[0]!;
    expect(summed).toMatchObject({ canReport: false, progress: { current: 0, contracts: { count: 0 } } });
  });

  it('refuses a plan for a region outside the user’s scope, and creates nothing', async () => {
    const body = acceptAll(await extractSeed000(), cityId);
    const before = await counts();
    const response = await inject(countyCookie, '/api/policy-ingest/confirm', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'plan.regionId' }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a task naming a missing organisation, and creates nothing — not even the new units', async () => {
    const body = acceptAll(await extractSeed000(), cityId);
    body.newOrganizations = [{ name: '达州市科学技术普及中心', creditCode: makeCreditCode('ingest|科普中心', '511700', '12') }];
    body.tasks![0] = {
      ...body.tasks![0]!,
      participantUnits: [...(body.tasks![0]!.participantUnits ?? []), { newOrganizationName: '达州市科学技术普及中心' }],
    };
    body.tasks![3] = { ...body.tasks![3]!, leadUnits: [{ organizationId: '00000000-0000-4000-8000-000000000000' }] };
    const before = await counts();
    const response = await inject(cityCookie, '/api/policy-ingest/confirm', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('第4项任务'),
      details: [{ field: 'tasks.3.leadUnitIds' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a task whose unit is neither registered nor among the new units', async () => {
    const body = acceptAll(await extractSeed000(), cityId);
    body.newOrganizations = [];
    body.tasks![2] = { ...body.tasks![2]!, leadUnits: [{ newOrganizationName: '市科普中心' }] };
    const response = await inject(cityCookie, '/api/policy-ingest/confirm', body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: expect.stringContaining('市科普中心'), details: [{ field: 'tasks.2.leadUnits.0' }] });
  });

  it('refuses a target that breaks the target rules, naming the item', async () => {
    const body = acceptAll(await extractSeed000(), cityId);
    const index = body.targets.findIndex((target) => target.kind === 'coverage');
    body.targets[index] = { ...body.targets[index]!, coverageRegionId: null };
    const response = await inject(cityCookie, '/api/policy-ingest/confirm', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].field).toBe(`body.targets.${index}.coverageRegionId`);
  });

  it('refuses a new unit that is already registered', async () => {
    const body = acceptAll(await extractSeed000(), cityId);
    body.newOrganizations = [{ name: '达州市教育局', creditCode: makeCreditCode('ingest|教育局', '511700', '11') }];
    const response = await inject(cityCookie, '/api/policy-ingest/confirm', body);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ALREADY_EXISTS');
  });

  it('leaves the audit chain intact', async () => {
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
