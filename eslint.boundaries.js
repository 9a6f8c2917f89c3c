// The server's module order, enforced by `npm run lint` (and so `npm run check`): a module may use only the modules
// before it in this list, and only through their public entry (index.ts); db and shared sit below every module;
// plugins, the seed and the app above them. docs/ARCHITECTURE.md draws the same order, and
// apps/server/test/boundaries.test.ts shows the rule refusing wrong-way imports.
import boundaries from 'eslint-plugin-boundaries';

/** Lowest first. A module may import those before it, never those after it. */
export const serverModuleOrder = [
  'audit',
  'regions',
  'organizations',
  'accounts',
  'notifications',
  'catalogues',
  'platforms',
  'taxonomy',
  'plans',
  'tasks',
  'targets',
  'experts',
  'calls',
  'annual-reports',
  'evaluations',
  'funding',
  'search',
  'achievements',
  'demands',
  'challenges',
  'matching',
  'technology-contracts',
  'portal',
  'reports',
  'cockpit',
  'imports',
  'policy-ingest',
  'todos',
  'jobs',
];

const server = 'apps/server/src';
const element = (type, extra = {}) => ({ to: { element: { type, ...extra } } });
/** Another module, through its public entry only. */
const publicEntry = (names) =>
  element('module', { fileInternalPath: 'index.ts', ...(names ? { captured: names.map((name) => ({ name })) } : {}) });

const modulePolicies = serverModuleOrder.map((name, index) => ({
  from: { element: { type: 'module', captured: { name } } },
  allow: [
    element('db'),
    element('shared'),
    element('module', { captured: { name } }),
    ...(index > 0 ? [publicEntry(serverModuleOrder.slice(0, index))] : []),
  ],
}));

export const serverBoundaries = {
  files: [`${server}/**/*.ts`],
  ignores: [`${server}/**/*.test.ts`],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { project: 'apps/server/tsconfig.json' }, node: true },
    'boundaries/include': [`${server}/**/*.ts`],
    'boundaries/elements': [
      { type: 'seed', pattern: `${server}/db/seed` },
      { type: 'db', pattern: `${server}/db` },
      { type: 'shared', pattern: `${server}/shared` },
      { type: 'plugins', pattern: `${server}/plugins` },
      { type: 'module', pattern: `${server}/modules/*`, capture: ['name'] },
      { type: 'app', pattern: server },
    ],
  },
  rules: {
    'boundaries/no-unknown-files': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message:
          '{{from.type}} {{from.captured.name}} may not import {{dependency.source}}: a module uses only the modules below it (eslint.boundaries.js), through their index.ts',
        policies: [
          { from: { element: { type: 'db' } }, allow: [element('db')] },
          { from: { element: { type: 'shared' } }, allow: [element('db'), element('shared')] },
          ...modulePolicies,
          { from: { element: { type: 'plugins' } }, allow: [element('db'), element('shared'), element('plugins'), publicEntry()] },
          { from: { element: { type: 'seed' } }, allow: [element('db'), element('shared'), element('seed'), publicEntry()] },
          {
            from: { element: { type: 'app' } },
            allow: [element('db'), element('shared'), element('plugins'), element('seed'), element('app'), publicEntry()],
          },
        ],
      },
    ],
  },
};
