// IDs arrive as GraphQL `ID` strings; a malformed UUID must be a client error, never a SQL error.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical 8-4-4-4-12 hex form (any case). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
