// The verify tests use a real PostgreSQL: the launcher's globalSetup reuses DATABASE_URL (as `npm test`
// sets it) or a server answering on the default port, else starts the embedded one.
import { defineConfig } from 'vitest/config';
import { testTimeouts } from '../../vitest.shared.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    ...testTimeouts,
    globalSetup: ['./test/postgres-global-setup.ts'],
  },
});
