// live-run.test.ts uses the real PostgreSQL, Kafka and Keycloak: the launcher's globalSetup reuses the
// servers `npm test` started (or any answering on the default ports), else starts them.
import { defineConfig } from 'vitest/config';
import { testTimeouts } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...testTimeouts,
    // The two live runs (live-run, ingest-live) put load on the machine; side by side each one's
    // requests time out under the other's load.
    fileParallelism: false,
    globalSetup: ['../../deploy/local/src/vitest-global-setup.ts'],
  },
});
