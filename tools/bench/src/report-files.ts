// Writes one report as `<start time>-<size>.json` and `.md` into a folder (bench/results for the CLI).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, reportFileStem, type BenchReport } from './report.ts';
import { renderSiasnImportMarkdown, siasnImportFileStem, type SiasnImportReport } from './siasn-import-report.ts';
import { renderTppRunMarkdown, tppRunFileStem, type TppRunReport } from './tpp-run-report.ts';

function writeBoth(folder: string, stem: string, report: object, markdown: string): { json: string; markdown: string } {
  mkdirSync(folder, { recursive: true });
  const files = { json: join(folder, `${stem}.json`), markdown: join(folder, `${stem}.md`) };
  writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(files.markdown, markdown);
  return files;
}

export function writeReportFiles(report: BenchReport, folder: string): { json: string; markdown: string } {
  return writeBoth(folder, reportFileStem(report), report, renderMarkdown(report));
}

export function writeTppRunReportFiles(report: TppRunReport, folder: string): { json: string; markdown: string } {
  return writeBoth(folder, tppRunFileStem(report), report, renderTppRunMarkdown(report));
}

export function writeSiasnImportReportFiles(report: SiasnImportReport, folder: string): { json: string; markdown: string } {
  return writeBoth(folder, siasnImportFileStem(report), report, renderSiasnImportMarkdown(report));
}
