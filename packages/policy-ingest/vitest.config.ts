import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'policy-ingest',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
