import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time: the machines have two cores.
    fileParallelism: false,
    pool: 'forks',
    // A page waits on several requests before it shows its rows; a busy CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
