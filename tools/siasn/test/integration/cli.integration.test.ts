// The command line end to end: generate CSV files, import them (report file, summary, exit code), import
// them again (all unchanged), and diff them (no differences), against a fresh personnel database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
let database: TestDatabase;
let folder: string;

const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: database.url } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(async () => {
  database = await createTestDatabase('siasn_cli');
  folder = mkdtempSync(join(tmpdir(), 'siasn-cli-'));
});
afterAll(async () => {
  await database?.drop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('npm run siasn', () => {
  it('generates CSV files, imports them with a report, re-imports them unchanged and finds no differences', () => {
    const base = join(folder, 'karawang');
    const generated = run('generate', '--employees', '3000', '--provinces', '32', '--regions', '32.15', '--format', 'csv', '--out', base);
    expect(generated.status).toBe(0);
    const { instansi } = JSON.parse(generated.stdout) as { instansi: { employees: number; units: number }[] };
    const rows = (instansi[0]?.employees ?? 0) + (instansi[0]?.units ?? 0);
    const files = [`${base}-pegawai.csv`, `${base}-unor.csv`];

    const first = run('import', ...files, '--region', '32.15');
    expect(first.stderr).toContain(`${rows} dibuat, 0 diperbarui, 0 tidak berubah, 0 ditolak`);
    expect(first.status).toBe(0);
    const report = readFileSync(`${files[0]}.report.csv`, 'utf8').trim().split('\n');
    expect(report[0]).toBe('table,row,siasnId,nip,name,outcome,reason,message');
    expect(report).toHaveLength(rows + 1);

    const second = run('import', ...files, '--report', join(folder, 'second.csv'));
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: rows, refused: 0 });
    expect(readFileSync(join(folder, 'second.csv'), 'utf8')).toContain(',unchanged,');

    const diff = run('diff', ...files);
    expect(diff.status).toBe(0);
    expect(diff.stderr).toContain('siasn diff: 0 perbedaan');
    expect(readFileSync(`${files[0]}.diff.csv`, 'utf8').trim()).toBe('instansiSiasnId,instansiName,nip,siasnId,name,field,ours,siasn');
  });

  it('refuses a command it does not know and a file that is neither xlsx nor csv with exit 2', () => {
    expect(run('export', 'x.xlsx')).toMatchObject({ status: 2 });
    const wrongFile = run('import', 'pegawai.txt');
    expect(wrongFile.status).toBe(2);
    expect(wrongFile.stderr.trim().split('\n')).toHaveLength(1);
  });
});
