// Transport security of the Kafka connection (issue 14), read from the environment and checked at start:
// TLS (KAFKA_SSL, with KAFKA_SSL_CA_FILE for a private CA) and SASL/SCRAM (KAFKA_SASL_MECHANISM,
// KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD). A half-set combination stops the process with one line
// naming the variable, rather than a connection that silently runs unauthenticated. Its own module, so a
// tool that only talks to Kafka (create-topics) reads these variables and not the services' others.
import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { z } from 'zod';

/** Compose passes an unset variable as `${X:-}`, an empty string: the same as absent. */
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().min(1).optional());

export const kafkaSecurityShape = {
  KAFKA_SSL: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['true', 'false']).default('false')),
  KAFKA_SSL_CA_FILE: optionalText,
  KAFKA_SASL_MECHANISM: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['scram-sha-256', 'scram-sha-512']).optional(),
  ),
  KAFKA_SASL_USERNAME: optionalText,
  KAFKA_SASL_PASSWORD: optionalText,
};

export interface KafkaSecurity {
  /** kafkajs `ssl`: false, true (the system's CAs) or the private CA's certificates. */
  ssl: NonNullable<KafkaConfig['ssl']>;
  sasl: SASLOptions | undefined;
}

export const plaintextKafka: KafkaSecurity = { ssl: false, sasl: undefined };

/** Reads and checks the five variables; throws one line `KAFKA_…: problem` (callers prefix their name). */
export function loadKafkaSecurity(env: Record<string, string | undefined>): KafkaSecurity {
  const parsed = z.object(kafkaSecurityShape).safeParse(env);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const values = parsed.data;
  const tls = values.KAFKA_SSL === 'true';

  let ssl: KafkaSecurity['ssl'] = tls;
  if (values.KAFKA_SSL_CA_FILE !== undefined) {
    if (!tls) throw new Error('KAFKA_SSL_CA_FILE: set KAFKA_SSL=true as well, or the CA is never used');
    try {
      ssl = { ca: [readFileSync(values.KAFKA_SSL_CA_FILE, 'utf8')], rejectUnauthorized: true };
    } catch (error) {
      throw new Error(
        `KAFKA_SSL_CA_FILE: cannot read ${values.KAFKA_SSL_CA_FILE} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        { cause: error },
      );
    }
  }

  const mechanism = values.KAFKA_SASL_MECHANISM;
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = values;
  if (mechanism === undefined) {
    if (username !== undefined || password !== undefined)
      throw new Error('KAFKA_SASL_MECHANISM: required when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set (scram-sha-256 or scram-sha-512)');
    return { ssl, sasl: undefined };
  }
  if (username === undefined) throw new Error(`KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=${mechanism}`);
  if (password === undefined) throw new Error(`KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM=${mechanism}`);
  return { ssl, sasl: { mechanism, username, password } };
}
