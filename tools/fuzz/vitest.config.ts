// The fuzz suite (issue 14): generated and malformed requests against the gateway and every subgraph
// directly, on real processes. Bounded by FUZZ_SECONDS (default 60 s in total); the seed is printed so a
// failing run can be replayed with FUZZ_SEED.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    globalSetup: ['../../deploy/local/src/vitest-global-setup.ts'],
  },
});
