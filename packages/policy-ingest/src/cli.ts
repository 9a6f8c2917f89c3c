/** `policy-ingest FILE [--date YYYY-MM-DD] [--json]`: read a plan (.docx .pdf .xlsx .html .txt), print its targets and tasks. */
import { readFile } from 'node:fs/promises';
import { extractPlan } from './extract.js';
import { readDocumentText } from './read-document.js';
import type { ExtractedTarget, ExtractedTask, Extraction } from './types.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE =
  '用法：policy-ingest <文件> [--date YYYY-MM-DD] [--json]\n文件：.docx、.pdf、.xlsx、.html、.txt（.doc、.wps 请另存为 .docx）\n';
const EXIT_OK = 0;
const EXIT_USAGE = 2;

interface CliArguments {
  file: string;
  date: string | undefined;
  isJson: boolean;
  isHelp: boolean;
}

function isValidDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function parseArguments(argv: readonly string[]): CliArguments | { error: string } {
  const files: string[] = [];
  let date: string | undefined;
  let isJson = false;
  let isHelp = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--json') isJson = true;
    else if (argument === '--help' || argument === '-h') isHelp = true;
    else if (argument === '--date' || argument.startsWith('--date=')) {
      const value = argument === '--date' ? argv[(index += 1)] : argument.slice('--date='.length);
      if (!value || !isValidDate(value)) return { error: `日期格式应为 YYYY-MM-DD：${value ?? '（缺失）'}` };
      date = value;
    } else if (argument.startsWith('-')) return { error: `未知选项：${argument}` };
    else files.push(argument);
  }
  if (isHelp) return { file: '', date, isJson, isHelp };
  if (files.length !== 1) return { error: files.length === 0 ? '缺少文件参数' : '只能指定一个文件' };
  return { file: files[0] ?? '', date, isJson, isHelp };
}

/** The CLI's JSON: exactly these keys, in this order, without spans. */
export function toJsonShape(extraction: Extraction) {
  return {
    targets: extraction.targets.map((target: ExtractedTarget) => ({
      text: target.text,
      subject: target.subject,
      level: target.level,
      comparator: target.comparator,
      value: target.value,
      unit: target.unit,
      deadline: target.deadline,
      kind: target.kind,
    })),
    tasks: extraction.tasks.map((task: ExtractedTask) => ({
      title: task.title,
      lead: task.lead,
      participants: task.participants,
      deadline: task.deadline,
      recurring: task.recurring,
    })),
  };
}

const COMPARATOR_SIGNS = { '>=': '≥', '=': '=', '<=': '≤' } as const;
const KIND_NAMES = { count: '数量', amount: '金额', ratio: '比例', coverage: '覆盖', first: '零的突破' } as const;

function describeTarget(target: ExtractedTarget, index: number): string {
  const level = target.level ? ` · ${target.level}级` : '';
  const deadline = target.deadline ? ` · ${target.deadline} 前` : ' · 未注明时限';
  return (
    `  ${index + 1}. ${target.subject} ${COMPARATOR_SIGNS[target.comparator]} ${target.value}${target.unit}` +
    `（${KIND_NAMES[target.kind]}${level}${deadline}）\n     原文：${target.text.replace(/\s+/g, ' ')}\n`
  );
}

function describeTask(task: ExtractedTask, index: number): string {
  const lead = task.lead.length > 0 ? task.lead.join('、') : '未注明';
  const participants = task.participants.length > 0 ? `；参与：${task.participants.join('、')}` : '';
  const deadline = task.deadline ? `；时限：${task.deadline}` : '';
  const recurring = task.recurring ? '；持续性任务' : '';
  return `  ${index + 1}. ${task.title}\n     牵头：${lead}${participants}${deadline}${recurring}\n`;
}

/** A readable Chinese summary for people at a terminal. */
export function formatSummary(extraction: Extraction): string {
  return [
    `目标（${extraction.targets.length} 项）\n`,
    ...extraction.targets.map(describeTarget),
    `任务（${extraction.tasks.length} 项）\n`,
    ...extraction.tasks.map(describeTask),
  ].join('');
}

/** Runs the CLI; returns the exit code (2 for bad arguments or an unreadable file). */
export async function runIngestCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.isHelp) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  let text: string;
  try {
    text = await readDocumentText(await readFile(parsed.file), parsed.file);
  } catch (error) {
    io.stderr(`无法读取文件 ${parsed.file}：${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const extraction = extractPlan(text, parsed.date ? { date: parsed.date } : {});
  io.stdout(parsed.isJson ? `${JSON.stringify(toJsonShape(extraction), null, 2)}\n` : formatSummary(extraction));
  return EXIT_OK;
}
