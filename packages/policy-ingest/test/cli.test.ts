import { describe, expect, it } from 'vitest';
import { runIngestCli } from '../src/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedPath } from './corpus.js';

const FORMATS_DIR = fileURLToPath(new URL('./formats/docs/', import.meta.url));

async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runIngestCli(argv, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

const TARGET_KEYS = ['text', 'subject', 'level', 'comparator', 'value', 'unit', 'deadline', 'kind'];
const TASK_KEYS = ['title', 'lead', 'participants', 'deadline', 'recurring'];

describe('runIngestCli', () => {
  it('prints exactly the JSON shape for seed 000 with --json, and nothing else', async () => {
    const { code, stdout, stderr } = await run([seedPath('000'), '--date', '2021-04-15', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const parsed = JSON.parse(stdout) as { targets: Array<Record<string, unknown>>; tasks: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['targets', 'tasks']);
    expect(parsed.targets.length).toBeGreaterThan(0);
    expect(parsed.tasks.length).toBeGreaterThan(0);
    for (const target of parsed.targets) expect(Object.keys(target)).toEqual(TARGET_KEYS);
    for (const task of parsed.tasks) expect(Object.keys(task)).toEqual(TASK_KEYS);
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(stdout.trim().endsWith('}')).toBe(true);
  });

  it('prints a readable Chinese summary without --json', async () => {
    const { code, stdout } = await run([seedPath('000'), '--date=2021-04-15']);
    expect(code).toBe(0);
    expect(stdout).toContain('目标（');
    expect(stdout).toContain('市级重点实验室 ≥ 15家');
    expect(stdout).toContain('牵头：市科技局');
  });

  it.each([
    ['xlsx-tasks-yueyang.xlsx', '2024-02-26', 9],
    ['docx-table-zigong.docx', '2024-05-20', 6],
    ['pdf-table-baoding.pdf', '2024-06-14', 5],
    ['html-gbk-jingmen.html', '2025-02-18', 6],
  ])('reads %s with the same JSON shape', async (file, date, taskCount) => {
    const { code, stdout, stderr } = await run([join(FORMATS_DIR, file), '--date', date, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const parsed = JSON.parse(stdout) as { targets: Array<Record<string, unknown>>; tasks: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['targets', 'tasks']);
    expect(parsed.tasks).toHaveLength(taskCount);
    for (const task of parsed.tasks) expect(Object.keys(task)).toEqual(TASK_KEYS);
  });

  it('exits with 2 and asks for .docx when given an old Word file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'stip-cli-'));
    const file = join(directory, '方案.doc');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const { code, stdout, stderr } = await run([file, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('另存为 .docx');
  });

  it.each([
    [[], '缺少文件参数'],
    [['a.txt', 'b.txt'], '只能指定一个文件'],
    [['plan.txt', '--date', '2021-13-01'], '日期格式'],
    [['plan.txt', '--date'], '日期格式'],
    [['plan.txt', '--verbose'], '未知选项'],
    [['/nonexistent/plan.txt'], '无法读取文件'],
  ])('exits with 2 and a message on stderr for %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});
