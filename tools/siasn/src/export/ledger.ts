// What SIASN accepted, one JSON line per acceptance, appended before the next result is sent: a re-run
// (after a crash, a refusal fixed at the source, or a later finalisation) sends only what is missing or
// changed. SIASN's answer carries its record id; a changed result is sent again with that id (an update,
// not a second record).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

export interface LedgerEntry {
  idempotencyKey: string;
  endpoint: string;
  /** sha256 of the body sent, so a changed result is told from one already sent. */
  bodyHash: string;
  /** SIASN's record id from its answer. */
  siasnRecordId: string;
  acceptedAt: string;
}

export function bodyHashOf(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly path: string | null;

  /** A ledger file (created on the first acceptance), or null for one kept in memory only. */
  constructor(path: string | null) {
    this.path = path;
    if (path === null || !existsSync(path)) return;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as LedgerEntry;
      this.entries.set(entry.idempotencyKey, entry);
    }
  }

  get(idempotencyKey: string): LedgerEntry | undefined {
    return this.entries.get(idempotencyKey);
  }

  record(entry: LedgerEntry): void {
    if (this.path !== null) appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    this.entries.set(entry.idempotencyKey, entry);
  }

  get size(): number {
    return this.entries.size;
  }
}
