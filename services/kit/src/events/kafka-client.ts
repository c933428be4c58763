// One kafkajs client per service, logging through the service's pino logger, over TLS and with SASL/SCRAM
// when the configuration says so (kafka-security.ts).
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import { plaintextKafka, type KafkaSecurity } from './kafka-security.ts';

export interface CreateKafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** `config.kafkaSecurity`; plaintext without authentication when absent (tests on the local broker). */
  security?: KafkaSecurity;
}

const pinoLevelOf: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

function kafkaLogLevelFor(logger: Logger): logLevel {
  if (logger.isLevelEnabled('debug')) return logLevel.DEBUG;
  if (logger.isLevelEnabled('info')) return logLevel.INFO;
  if (logger.isLevelEnabled('warn')) return logLevel.WARN;
  return logLevel.ERROR;
}

export function createKafka({ brokers, clientId, logger, security = plaintextKafka }: CreateKafkaOptions): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    ssl: security.ssl,
    ...(security.sasl ? { sasl: security.sasl } : {}),
    logLevel: kafkaLogLevelFor(logger),
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        // kafkajs puts its own timestamp and logger name in the entry; pino already has both.
        const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
        kafkaLogger[pinoLevelOf[level] ?? 'info']({ namespace, ...fields }, message);
      },
  });
}
