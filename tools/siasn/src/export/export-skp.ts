// `npm run siasn -- export`: an instansi's finalised results of a year, read through the gateway, mapped to
// SIASN's bodies, written to a file and (with --send) sent to SIASN; one report line per result.
import { writeFile } from 'node:fs/promises';
import { toSiasnSubmission, type SiasnSubmission } from '../domain/skp-export.ts';
import { Ledger } from './ledger.ts';
import { readFinalisedResults, type GraphqlSource } from './performance-source.ts';
import { SiasnClient, type SendOutcome } from './siasn-client.ts';
import type { SiasnConfig } from './siasn-config.ts';
import { sendToSiasn } from './send-results.ts';

export interface ExportReportRow {
  nip: string;
  year: number;
  period: string;
  endpoint: string;
  outcome: SendOutcome | 'exported' | 'not_exported';
  reason: string;
  message: string;
  siasnRecordId: string;
}

export interface ExportOptions {
  source: GraphqlSource;
  instansiId: string;
  year: number;
  period?: string | null;
  /** The JSON file of the SIASN bodies. */
  out: string;
  /** Send to SIASN too, with this configuration and ledger file. */
  send?: { config: SiasnConfig; ledgerPath: string } | null;
}

export interface ExportResult {
  rows: ExportReportRow[];
  counts: Record<string, number>;
}

export async function exportSkpResults(options: ExportOptions): Promise<ExportResult> {
  const submissions: SiasnSubmission[] = [];
  const rows: ExportReportRow[] = [];
  for await (const result of readFinalisedResults(options.source, { instansiId: options.instansiId, year: options.year, period: options.period ?? null })) {
    const mapped = toSiasnSubmission(result);
    if (mapped.ok) submissions.push(mapped.submission);
    else rows.push({ nip: result.employee.nip, year: result.year, period: result.period, endpoint: '', outcome: 'not_exported', reason: mapped.reason, message: mapped.message, siasnRecordId: '' });
  }
  const file = {
    instansiId: options.instansiId,
    tahun: options.year,
    skp22: submissions.filter((s) => s.endpoint === '/skp22/save').map((s) => ({ idempotencyKey: s.idempotencyKey, body: s.body })),
    kinerjaPeriodik: submissions.filter((s) => s.endpoint === '/kinerjaperiodik/save').map((s) => ({ idempotencyKey: s.idempotencyKey, body: s.body })),
  };
  await writeFile(options.out, `${JSON.stringify(file, null, 2)}\n`);
  if (options.send) {
    const summary = await sendToSiasn(new SiasnClient(options.send.config), new Ledger(options.send.ledgerPath), submissions);
    for (const report of summary.reports) {
      rows.push({ nip: report.nip, year: report.year, period: report.period, endpoint: report.endpoint, outcome: report.outcome, reason: '', message: report.message, siasnRecordId: report.siasnRecordId });
    }
  } else {
    for (const s of submissions) rows.push({ nip: s.employeeNip, year: s.year, period: s.period, endpoint: s.endpoint, outcome: 'exported', reason: '', message: '', siasnRecordId: '' });
  }
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.outcome] = (counts[row.outcome] ?? 0) + 1;
  return { rows, counts };
}
