import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Only the topic-creation test needs a broker: the launcher reuses KAFKA_BROKERS or a broker
    // answering on 9092, else starts one for the run.
    globalSetup: ['./test/kafka-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
