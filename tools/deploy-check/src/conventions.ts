// The fixed names of docs/conventions.md read from its tables, so the deployment files are checked
// against the page people read rather than a copy of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './workspaces.ts';

/** Rows of the markdown table that follows `heading`, as cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`docs/conventions.md has no section "${heading}"`);
  const rows: string[][] = [];
  for (const line of markdown.slice(start + heading.length).split('\n')) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    if (/^\|[\s|:-]+\|$/.test(line)) continue;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(1);
}

/** Component → port from the "Ports" table (`personnel, competency | 4001, 4002` pairs up). */
export function conventionPorts(markdown: string): Map<string, number> {
  const ports = new Map<string, number>();
  for (const [names = '', values = ''] of tableAfter(markdown, '## Ports')) {
    const nameList = names.split(',').map((name) => name.trim());
    const portList = values.split(',').map((value) => Number.parseInt(value.trim(), 10));
    nameList.forEach((name, index) => {
      const port = portList[index];
      if (port !== undefined && Number.isInteger(port)) ports.set(name, port);
    });
  }
  return ports;
}

/** Variable names from the "Environment variables" table, e.g. `DATABASE_URL`, `SUBGRAPH_<NAME>_URL`. */
export function conventionEnvNames(markdown: string): string[] {
  return tableAfter(markdown, '## Environment variables').map(([name = '']) => name.replace(/`/g, ''));
}

export function readConventions(root = repoRoot): string {
  return readFileSync(join(root, 'docs/conventions.md'), 'utf8');
}
