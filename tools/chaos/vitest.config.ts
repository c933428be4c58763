// The chaos suite (issue 14): real processes broken on purpose, one scenario at a time (each stops or
// freezes servers the others would need). PostgreSQL, Kafka and Keycloak come from the launcher's
// globalSetup like every integration suite; scenarios that stop a server start a private one of their own.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.chaos.test.ts'],
    fileParallelism: false,
    // A scenario includes a 60 s outage and the catch-up after it; the limits only stop a hang.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    globalSetup: ['../../deploy/local/src/vitest-global-setup.ts'],
  },
});
