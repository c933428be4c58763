import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./src/vitest-global-setup.ts'],
    // Starting a private Kafka broker takes a JVM start; nothing here asserts on time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
