// Writes one report as `<start time>-<size>.json` and `.md` into a folder (bench/results for the CLI).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, reportFileStem, type BenchReport } from './report.ts';

export function writeReportFiles(report: BenchReport, folder: string): { json: string; markdown: string } {
  mkdirSync(folder, { recursive: true });
  const stem = join(folder, reportFileStem(report));
  const files = { json: `${stem}.json`, markdown: `${stem}.md` };
  writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(files.markdown, renderMarkdown(report));
  return files;
}
