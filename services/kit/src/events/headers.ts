// The Kafka headers every event carries (docs/conventions.md "Events"), and reading them back.
import type { IHeaders } from 'kafkajs';
import { deadLetterTopic } from '@kinerja/proto/topics';

export const EVENT_ID_HEADER = 'event-id';
export const EVENT_TYPE_HEADER = 'event-type';
export const SCHEMA_VERSION_HEADER = 'schema-version';
export const OCCURRED_AT_HEADER = 'occurred-at';

export const DLQ_HEADERS = {
  errorMessage: 'error-message',
  errorClass: 'error-class',
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
  failedAt: 'failed-at',
} as const;

/** `<topic>.dlq` (the name is fixed in @kinerja/proto/topics). */
export const deadLetterTopicOf = deadLetterTopic;

/** An event as a consumer's handler sees it. */
export interface IncomingEvent {
  id: string;
  type: string;
  schemaVersion: number;
  occurredAt: Date;
  topic: string;
  key: string;
  payload: Uint8Array;
}

/** A message that can never be handled (missing or malformed headers): it goes straight to the DLQ. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

export function readIncomingEvent(message: {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}): IncomingEvent {
  const id = headerText(message.headers, EVENT_ID_HEADER);
  const type = headerText(message.headers, EVENT_TYPE_HEADER);
  const schemaVersion = Number(headerText(message.headers, SCHEMA_VERSION_HEADER));
  const occurredAtText = headerText(message.headers, OCCURRED_AT_HEADER);
  const occurredAt = new Date(occurredAtText ?? Number.NaN);
  if (!id || !UUID_PATTERN.test(id)) throw new PoisonMessageError(`header ${EVENT_ID_HEADER} is missing or not a UUID`);
  if (!type) throw new PoisonMessageError(`header ${EVENT_TYPE_HEADER} is missing`);
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new PoisonMessageError(`header ${SCHEMA_VERSION_HEADER} is missing or not a positive integer`);
  }
  if (Number.isNaN(occurredAt.getTime())) throw new PoisonMessageError(`header ${OCCURRED_AT_HEADER} is missing or not a date`);
  if (message.value === null) throw new PoisonMessageError('message has no payload');
  return {
    id: id.toLowerCase(),
    type,
    schemaVersion,
    occurredAt,
    topic: message.topic,
    key: message.key?.toString('utf8') ?? '',
    payload: new Uint8Array(message.value.buffer, message.value.byteOffset, message.value.byteLength),
  };
}
