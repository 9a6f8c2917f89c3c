// `npm run lifecycles`: renders every lifecycle's transition table (apps/server/src/**/*.lifecycle/state.ts)
// to docs/LIFECYCLES.md as Mermaid state diagrams; scripts/check-generated.mjs fails when it drifts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { type Lifecycle, toMermaid } from '../apps/server/src/shared/lifecycle';
import { platformLifecycle } from '../apps/server/src/modules/platforms/platforms.lifecycle';
import { taskLifecycle } from '../apps/server/src/modules/tasks/tasks.state';
import { callLifecycle } from '../apps/server/src/modules/calls/calls.lifecycle';
import { applicationLifecycle } from '../apps/server/src/modules/calls/applications.lifecycle';
import { grantLifecycle } from '../apps/server/src/modules/funding/grants.lifecycle';
import { annualReportLifecycle } from '../apps/server/src/modules/annual-reports/annual-reports.lifecycle';
import { seatLifecycle } from '../apps/server/src/modules/experts/panels.lifecycle';
import { roundLifecycle } from '../apps/server/src/modules/evaluations/evaluations.lifecycle';
import { rectificationLifecycle } from '../apps/server/src/modules/evaluations/rectifications.lifecycle';
import { publicationLifecycle } from '../apps/server/src/modules/achievements/publication.lifecycle';
import { challengeApplicationLifecycle, challengeLifecycle } from '../apps/server/src/modules/challenges/challenges.lifecycle';
import { leadLifecycle } from '../apps/server/src/modules/matching/leads.lifecycle';

const lifecycles: { source: string; lifecycle: Lifecycle<string, string, never, string> }[] = [
  { source: 'apps/server/src/modules/platforms/platforms.lifecycle.ts', lifecycle: platformLifecycle as never },
  { source: 'apps/server/src/modules/tasks/tasks.state.ts', lifecycle: taskLifecycle as never },
  { source: 'apps/server/src/modules/calls/calls.lifecycle.ts', lifecycle: callLifecycle as never },
  { source: 'apps/server/src/modules/calls/applications.lifecycle.ts', lifecycle: applicationLifecycle as never },
  { source: 'apps/server/src/modules/funding/grants.lifecycle.ts', lifecycle: grantLifecycle as never },
  { source: 'apps/server/src/modules/annual-reports/annual-reports.lifecycle.ts', lifecycle: annualReportLifecycle as never },
  { source: 'apps/server/src/modules/experts/panels.lifecycle.ts', lifecycle: seatLifecycle as never },
  { source: 'apps/server/src/modules/evaluations/evaluations.lifecycle.ts', lifecycle: roundLifecycle as never },
  { source: 'apps/server/src/modules/evaluations/rectifications.lifecycle.ts', lifecycle: rectificationLifecycle as never },
  { source: 'apps/server/src/modules/achievements/publication.lifecycle.ts', lifecycle: publicationLifecycle as never },
  { source: 'apps/server/src/modules/challenges/challenges.lifecycle.ts', lifecycle: challengeLifecycle as never },
  { source: 'apps/server/src/modules/challenges/challenges.lifecycle.ts', lifecycle: challengeApplicationLifecycle as never },
  { source: 'apps/server/src/modules/matching/leads.lifecycle.ts', lifecycle: leadLifecycle as never },
];

const sections = lifecycles.map(({ source, lifecycle }) => {
  const rows = lifecycle.transitions.map((t) => {
    const name = t.action && lifecycle.actionLabels ? `${lifecycle.actionLabels[t.action]}（\`${t.action}\`）` : '';
    const from = t.from.map((s) => lifecycle.stateLabels[s]).join('、');
    const by = t.by.map((m) => lifecycle.moverLabels[m]).join('、');
    return `| ${name} | ${from} | ${lifecycle.stateLabels[t.to]} | ${by} | ${t.guard ? '有' : ''} |`;
  });
  return [
    `## ${lifecycle.title}`,
    '',
    `来源：\`${source}\``,
    '',
    '```mermaid',
    toMermaid(lifecycle),
    '```',
    '',
    '| 操作 | 从 | 到 | 由 | 条件 |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
});

const document = [
  '# 生命周期（状态与允许的转换）',
  '',
  '由 `npm run lifecycles` 从代码中的转换表生成，请勿手工修改；服务端拒绝表中没有的任何转换。',
  '',
  sections.join('\n\n'),
  '',
].join('\n');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs/LIFECYCLES.md');
// Formatted as `npm run format` would, so the format check and the drift check agree.
const options = (await prettier.resolveConfig(target)) ?? {};
writeFileSync(target, await prettier.format(document, { ...options, filepath: target }));
