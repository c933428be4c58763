import { createHash } from 'node:crypto';

// Name-based UUIDs (RFC 9562 version 5 layout over SHA-1) so the same organisation path or NIP
// always gets the same id: re-running the seed with the same arguments inserts nothing new.
const namespace = 'kinerja-asn/seed/v1';

export function stableId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`${namespace}/${kind}/${key}`).digest();
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
