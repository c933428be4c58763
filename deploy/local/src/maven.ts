import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, constants, mkdir } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { SetupError } from './errors.ts';
import type { JavaRuntime } from './java.ts';
import type { Progress } from './progress.ts';
import { formatDuration } from './progress.ts';

/** The mvn launcher from MAVEN_HOME or PATH. */
export async function findMaven(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const folders = [
    ...(env['MAVEN_HOME'] ? [join(env['MAVEN_HOME'], 'bin')] : []),
    ...(env['PATH'] ?? '').split(delimiter).filter((folder) => folder !== ''),
  ];
  for (const folder of folders) {
    const candidate = join(folder, 'mvn');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new SetupError(
    'Maven (mvn) not found on PATH: install it (e.g. apt-get install maven) or set MAVEN_HOME; it downloads Kafka and Keycloak from Maven Central',
  );
}

export interface MavenRun {
  /** Who is downloading, for progress lines. */
  component: string;
  /** The goal and its -D properties. */
  args: string[];
  cwd: string;
  java: JavaRuntime;
  logFile: string;
  progress: Progress;
  env?: NodeJS.ProcessEnv;
}

/** Counts "Downloaded from central: …" lines so a cold cache shows that something is happening. */
export function parseDownloadedLine(line: string): { url: string; bytes: number } | undefined {
  const match = /Downloaded from [^:]+: (\S+) \(([\d.]+) (B|kB|MB|GB)/.exec(line);
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[match[3] as 'B' | 'kB' | 'MB' | 'GB'];
  return { url: match[1], bytes: Number(match[2]) * unit };
}

export async function runMaven(run: MavenRun): Promise<void> {
  const mvn = await findMaven(run.env);
  await mkdir(dirname(run.logFile), { recursive: true });
  const log = createWriteStream(run.logFile, { flags: 'a' });
  const startedAt = performance.now();
  const child = spawn(mvn, ['-B', ...run.args], {
    cwd: run.cwd,
    env: { ...(run.env ?? process.env), JAVA_HOME: run.java.home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let files = 0;
  let bytes = 0;
  let lastReport = performance.now();
  let lastError = '';
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    log.write(`${line}\n`);
    if (line.startsWith('[ERROR]') && lastError === '') lastError = line.replace('[ERROR] ', '');
    const downloaded = parseDownloadedLine(line);
    if (!downloaded) return;
    files += 1;
    bytes += downloaded.bytes;
    if (performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      run.progress.info(run.component, `downloading from Maven Central: ${files} files, ${(bytes / 1e6).toFixed(1)} MB so far`);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
  const exit = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, error }));
    child.on('close', (code) => resolve({ code }));
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (exit.error || exit.code !== 0) {
    throw new SetupError(
      `download failed for ${run.component}: mvn ${run.args[0] ?? ''} exited with ${exit.error?.message ?? `code ${exit.code}`}` +
        `${lastError ? ` (${lastError})` : ''}; full output in ${run.logFile}`,
    );
  }
  if (files > 0) {
    run.progress.info(
      run.component,
      `downloaded ${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${formatDuration(performance.now() - startedAt)}`,
    );
  }
}
