import { defineConfig } from 'vitest/config';
import { testTimeouts } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...testTimeouts,
    // The generated service's domain test runs under the launcher's globalSetup (reusing the running
    // PostgreSQL, Kafka and Keycloak), as every service's tests do.
    globalSetup: ['../../deploy/local/src/vitest-global-setup.ts'],
  },
});
