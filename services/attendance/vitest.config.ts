// Integration suites here use the real PostgreSQL, Kafka and Keycloak: the launcher's globalSetup
// reuses the servers `npm test` started (or any answering on the default ports), else starts them.
import { defineConfig } from 'vitest/config';
import { testTimeouts } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...testTimeouts,
    globalSetup: ['../../deploy/local/src/vitest-global-setup.ts'],
  },
});
