import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests of the browser's own code (hooks, form mapping, the API client) in happy-dom.
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['src/test/setup.ts'],
  },
});
