import { extname } from 'node:path';
import { type Extraction, extractPlan, readDocumentText, rebuildSpaceTables, UnsupportedDocumentError } from '@stip/policy-ingest';
import {
  type CreateTask,
  ErrorCode,
  type ErrorDetail,
  type IngestConfirm,
  type IngestProposal,
  type IngestUnitRef,
  type NamedRef,
  type Plan,
  ingestFileExtensions,
  ingestLegacyExtensions,
  ingestTextMaxLength,
  zCreateTask,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, invalidField } from '../../shared/app-error';
import { checkOfficeUpload, parseSlots, sniffType } from '../../shared/uploads';
import { type ActorContext, inTransaction } from '../../shared/context';
import { createOrganizationInTx } from '../organizations';
import { createPlanInTx, getPlan } from '../plans';
import { createTargetInTx } from '../targets';
import { createTaskInTx } from '../tasks';
import * as repository from './policy-ingest.repository';
import { guessIssuedOn, guessPlanMetadata } from './policy-ingest.metadata';
import { canSuggestPlanRegion, suggestableOrganizations } from './policy-ingest.policy';
import { buildProposal } from './policy-ingest.proposal';
import { type RegionFact, shortRegionName, UnitMatcher, UnitNameContext } from './policy-ingest.units';

/** How many organisations unit names are matched against (a city's register is far smaller). */
const organizationLimit = 20_000;

/** Whether decoded "text" is really binary: replacement and control characters in more than 2% of it. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 20_000);
  if (!sample.length) return false;
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return odd / sample.length > 0.02;
}

/** Asks for a file the reader understands instead of an old binary one (.doc, .wps, .xls). */
function legacyFormatMessage(extension: string): string {
  if (extension === '.xls' || extension === '.et') return '不支持旧版 Excel（.xls、.et）文件：请另存为 .xlsx 后上传';
  const what = extension === '.wps' ? 'WPS 文字（.wps）' : '旧版 Word（.doc）';
  return `不支持${what}文件：请在 Word 或 WPS 中另存为 .docx 后上传，或复制正文粘贴`;
}

/**
 * Reads an uploaded document (.docx, .pdf, .xlsx, .html, .txt) as text, telling the file by its content: an old
 * binary Office or WPS file (by name or by its bytes) answers 400 asking for .docx; a wrong type, damaged, scanned or
 * empty file 400; an Office file that would unpack to too much 413; a busy server (two documents being read) 429.
 */
export async function readUploadedDocument(fileName: string, content: Buffer): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  if ((ingestLegacyExtensions as readonly string[]).includes(extension)) throw invalidField('file', legacyFormatMessage(extension));
  if (!(ingestFileExtensions as readonly string[]).includes(extension)) {
    throw invalidField('file', `不支持的文件类型${extension ? `：${extension}` : ''}（请上传 .docx、.pdf、.xlsx、.html 或 .txt 文件）`);
  }
  if (!content.length) throw invalidField('file', '上传的文件是空的');
  const sniffed = sniffType(content);
  if (sniffed === 'ole') throw invalidField('file', legacyFormatMessage(extension === '.xlsx' ? '.xls' : '.doc'));
  // A .docx or .xlsx is a ZIP archive that its reader unpacks whole: check what it unpacks to before it does.
  if (extension === '.docx' || extension === '.xlsx') await checkOfficeUpload(content, extension);
  if (extension === '.pdf' && sniffed !== 'pdf')
    throw invalidField('file', '无法读取该文件：不是有效的 .pdf 文件（文件可能已损坏，或与其扩展名不符）');
  let text: string;
  try {
    text = await parseSlots.run(() => readDocumentText(content, fileName));
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof UnsupportedDocumentError) throw invalidField('file', error.message);
    const what = extension === '.txt' || extension.startsWith('.htm') ? '' : `不是有效的 ${extension} 文件：`;
    throw invalidField('file', `无法读取该文件：${what}文件可能已损坏，或与其扩展名不符`);
  }
  if (looksBinary(text)) throw invalidField('file', '无法读取该文件：内容不是文字（请确认文件类型）');
  if (!text.trim()) throw invalidField('file', '文件中没有可识别的文字');
  return text.slice(0, ingestTextMaxLength);
}

/**
 * The region the plan covers: the most specific region named in its title or issuing body that the
 * actor may place a plan in, else the actor's own region.
 */
function guessPlanRegion(ctx: ActorContext, regions: RegionFact[], words: string): RegionFact | null {
  const compact = words.replace(/\s+/g, '');
  let best: { region: RegionFact; length: number; depth: number } | null = null;
  for (const region of regions) {
    if (!canSuggestPlanRegion(ctx.actor, region.path)) continue;
    const names = [region.name, shortRegionName(region.name)].filter((name): name is string => !!name);
    const hit = names.find((name) => compact.includes(name));
    if (!hit) continue;
    const depth = region.path.split('/').length;
    if (!best || depth > best.depth || (depth === best.depth && hit.length > best.length)) best = { region, length: hit.length, depth };
  }
  if (best) return best.region;
  return regions.find((region) => region.id === ctx.actor.regionId && canSuggestPlanRegion(ctx.actor, region.path)) ?? null;
}

const named = (region: RegionFact | null): NamedRef | null => (region ? { id: region.id, name: region.name } : null);

/**
 * Reads a plan document into a proposal: the targets and tasks the extractor finds (with spans into
 * `text`), a platform filter or reported kind suggested for each target from the live taxonomy, the
 * organisation suggested for each unit name, and the plan's particulars guessed from its head.
 */
export async function extractProposal(
  ctx: ActorContext,
  input: { text: string; date?: string | undefined; fileName?: string | null },
): Promise<IngestProposal> {
  return proposalFromReading(ctx, { ...readText(input.text, input.date), fileName: input.fileName ?? null });
}

/** The extractor's reading of a document's text: against the given date, else the date its head gives. */
export function readText(fullText: string, givenDate?: string | null): { text: string; date: string | null; extraction: Extraction } {
  // Pasted text may hold a table copied from a web page, its cells separated by spaces: rebuilt as rows first, so
  // that the proposal's text, which spans index, is the one read (a file's text already is; rebuilding it again
  // changes nothing).
  const text = rebuildSpaceTables(fullText.slice(0, ingestTextMaxLength)).slice(0, ingestTextMaxLength);
  if (!text.trim()) throw invalidField('text', '没有可读取的文字：请粘贴政策文件的正文，或上传文件');
  const date = givenDate ?? guessIssuedOn(text.slice(0, 4000)) ?? null;
  return { text, date, extraction: extractPlan(text, date ? { date } : {}) };
}

/**
 * A proposal from a reading of the extractor (fresh, or kept in the library): the plan's particulars
 * guessed from the text, suggestions from the live taxonomy and organisation register.
 */
export async function proposalFromReading(
  ctx: ActorContext,
  input: { text: string; date: string | null; extraction: Extraction; fileName: string | null },
): Promise<IngestProposal> {
  const { text, date, extraction } = input;
  const years = [...extraction.targets, ...extraction.tasks].flatMap((item) => (item.deadline ? [Number(item.deadline.slice(0, 4))] : []));
  const metadata = guessPlanMetadata(text, years.length ? Math.max(...years) : null, date);
  const issuedOn = metadata.issuedOn ?? date ?? null;

  const [regions, types, systems, organizations] = await Promise.all([
    repository.findRegionFacts(ctx.db),
    repository.findTypeFacts(ctx.db),
    repository.findSystemFacts(ctx.db),
    repository.findOrganizationFacts(ctx.db, suggestableOrganizations(ctx.actor), organizationLimit),
  ]);
  const planRegion = guessPlanRegion(ctx, regions, `${metadata.title ?? ''} ${metadata.issuingBody ?? ''}`);
  const { targets, tasks } = buildProposal(text, extraction, {
    types,
    systems,
    coverageRegion: named(planRegion),
    documentDate: date,
  });

  const matcher = new UnitMatcher(organizations, new UnitNameContext(regions, planRegion?.id ?? null));
  const unitNames = [...new Set(tasks.flatMap((task) => [...task.lead, ...task.participants]))];

  return {
    text,
    fileName: input.fileName,
    date,
    plan: {
      title: metadata.title,
      issuingBody: metadata.issuingBody,
      documentNo: metadata.documentNo,
      issuedOn,
      periodStart: metadata.periodStart ?? (issuedOn ? issuedOn : null),
      periodEnd: metadata.periodEnd,
      region: named(planRegion),
    },
    targets,
    tasks,
    units: unitNames.map((name) => matcher.match(name)),
  };
}

/** Reads an uploaded document and proposes its plan (see `extractProposal`). */
export async function extractProposalFromUpload(
  ctx: ActorContext,
  upload: { fileName: string; content: Buffer; date?: string | undefined },
): Promise<IngestProposal> {
  const text = await readUploadedDocument(upload.fileName, upload.content);
  return extractProposal(ctx, { text, date: upload.date, fileName: upload.fileName });
}

/** Runs one item's creation; its errors name the item ("第3项任务：…", field `tasks.2.leadUnitIds`). */
async function asItem<T>(label: string, path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details: ErrorDetail[] = (error.details ?? [{ message: error.message }]).map((detail) => ({
      ...detail,
      field: detail.field ? `${path}.${detail.field}` : path,
    }));
    throw new AppError(error.code, { message: `${label}：${error.message}`, details, cause: error });
  }
}

/** The organisation ids of a task's unit references, in order, without repeats. */
function resolveUnits(refs: IngestUnitRef[], created: Map<string, string>, path: string): string[] {
  const ids: string[] = [];
  for (const [index, ref] of refs.entries()) {
    if ('organizationId' in ref) {
      if (!ids.includes(ref.organizationId)) ids.push(ref.organizationId);
      continue;
    }
    const id = created.get(ref.newOrganizationName.trim());
    if (!id) throw invalidField(`${path}.${index}`, `单位“${ref.newOrganizationName}”既未选择已登记的单位，也不在本次新建的单位中`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

async function createNewOrganizations(tx: Transaction, ctx: ActorContext, input: IngestConfirm): Promise<Map<string, string>> {
  const names = input.newOrganizations.map((organization) => organization.name.trim());
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw invalidField('newOrganizations', `新建单位“${repeated}”重复`);
  const taken = await repository.findTakenOrganizationNames(tx, names);
  if (taken.length) {
    throw new AppError(ErrorCode.AlreadyExists, {
      message: `单位“${taken[0]}”已经登记，请直接选择该单位`,
      details: [{ field: `newOrganizations.${names.indexOf(taken[0]!)}.name`, message: '已登记' }],
    });
  }
  const created = new Map<string, string>();
  for (const [index, organization] of input.newOrganizations.entries()) {
    const id = await asItem(`新建单位“${organization.name}”`, `newOrganizations.${index}`, () =>
      createOrganizationInTx(tx, ctx, {
        name: names[index]!,
        kind: 'department',
        creditCode: organization.creditCode,
        regionId: input.plan.regionId,
      }),
    );
    created.set(names[index]!, id);
  }
  return created;
}

/**
 * Creates the reviewed plan in one transaction: the plan, the new units (as departments in the
 * plan's region), its targets and its tasks, each with its audit record. Any refusal creates nothing.
 */
export async function confirmProposal(
  ctx: ActorContext,
  input: IngestConfirm,
  /** Runs last in the same transaction with the new plan's id (the library links its document). */
  afterCreate?: (tx: Transaction, planId: string) => Promise<void>,
): Promise<Plan> {
  const planId = await inTransaction(ctx, async (tx) => {
    const id = await asItem('规划', 'plan', () => createPlanInTx(tx, ctx, input.plan));
    const created = await createNewOrganizations(tx, ctx, input);

    const targetIds: string[] = [];
    for (const [index, target] of input.targets.entries()) {
      targetIds.push(
        await asItem(`第${index + 1}项目标`, `targets.${index}`, () =>
          createTargetInTx(tx, ctx, id, { ...target, sortOrder: target.sortOrder ?? (index + 1) * 10 }),
        ),
      );
    }

    for (const [index, task] of input.tasks.entries()) {
      const path = `tasks.${index}`;
      await asItem(`第${index + 1}项任务`, path, async () => {
        const leadUnitIds = resolveUnits(task.leadUnits, created, 'leadUnits');
        const participantUnitIds = resolveUnits(task.participantUnits, created, 'participantUnits').filter(
          (unit) => !leadUnitIds.includes(unit),
        );
        const unknownTarget = task.targetIndexes.find((target) => target >= targetIds.length);
        if (unknownTarget !== undefined) throw invalidField('targetIndexes', `关联的第${unknownTarget + 1}项目标不在本次导入的目标中`);
        const parsed = zCreateTask.safeParse({
          title: task.title,
          content: task.content,
          leadUnitIds,
          participantUnitIds,
          deadline: task.deadline ?? null,
          deadlineText: task.deadlineText ?? null,
          isRecurring: task.isRecurring,
          recurrenceText: task.recurrenceText ?? null,
          targetIds: [...new Set(task.targetIndexes)].map((target) => targetIds[target]!),
          sortOrder: (index + 1) * 10,
        } satisfies CreateTask);
        if (!parsed.success) {
          const details = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
          throw new AppError(ErrorCode.ValidationFailed, { message: details[0]!.message, details });
        }
        return createTaskInTx(tx, ctx, id, parsed.data);
      });
    }
    await afterCreate?.(tx, id);
    return id;
  });
  return getPlan(ctx, planId);
}
