import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each CLI of the repository is started as a process; none of them gets far enough to need a server.
    testTimeout: 60_000,
  },
});
