// The export's sending step: every submission in turn (SIASN rate-limits; one at a time keeps the
// order of the ledger and of the report), each ending sent, updated, already_sent, refused or failed.
import type { SiasnSubmission } from '../domain/skp-export.ts';
import type { Ledger } from './ledger.ts';
import type { SendOutcome, SendReport, SiasnClient } from './siasn-client.ts';

export interface SendSummary {
  reports: SendReport[];
  counts: Record<SendOutcome, number>;
}

export async function sendToSiasn(client: SiasnClient, ledger: Ledger, submissions: readonly SiasnSubmission[], onProgress?: (done: number, total: number) => void): Promise<SendSummary> {
  const counts: Record<SendOutcome, number> = { sent: 0, updated: 0, already_sent: 0, refused: 0, failed: 0 };
  const reports: SendReport[] = [];
  for (const submission of submissions) {
    const report = await client.submit(submission, ledger);
    counts[report.outcome] += 1;
    reports.push(report);
    onProgress?.(reports.length, submissions.length);
  }
  return { reports, counts };
}
