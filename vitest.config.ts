import { defineConfig } from 'vitest/config';
import { consentModeDefault } from './src/core/consent-mode.ts';

export default defineConfig({
  define: { __CONSENTRY_VERSION__: JSON.stringify('test'), __CONSENT_MODE_DEFAULT__: JSON.stringify(consentModeDefault()) },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/unit/**/*.test.ts', 'test/ui/**/*.test.tsx', 'test/ui/**/*.test.ts'],
          setupFiles: ['test/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // One browser file at a time: two Chromiums on a 2-core CI machine made timing-sensitive tests
          // (held hits, releases after IndexedDB, frame navigations) fail for want of CPU, not for a bug.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The consent ledger (src/server), run as its own process against real SQLite and PostgreSQL.
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['test/server/global-setup.ts'],
          // Bursts of hundreds of durable writes wait on the disk's fsync, slow on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 30_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
