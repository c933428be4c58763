// Every command-line tool of the repository, found from the npm scripts that run a TypeScript file with
// node (root package.json, tools/* and deploy/local), answers --help with its usage and exit 0, and
// refuses what it cannot use with one line on stderr and exit 2 before doing anything else.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Cli {
  /** The script file, relative to the repository root. */
  file: string;
  /** The folder npm runs the script in. */
  cwd: string;
}

function scriptsOf(folder: string): string[] {
  const { scripts = {} } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Object.values(scripts);
}

function repositoryClis(): Cli[] {
  const folders = [repoRoot, join(repoRoot, 'deploy/local'), ...readdirSync(join(repoRoot, 'tools')).map((name) => join(repoRoot, 'tools', name))];
  const found = new Map<string, Cli>();
  for (const folder of folders) {
    let scripts: string[];
    try {
      scripts = scriptsOf(folder);
    } catch {
      continue;
    }
    for (const script of scripts) {
      const file = /^node (\S+\.ts)\b/.exec(script)?.[1];
      if (file === undefined) continue;
      const path = relative(repoRoot, join(folder, file));
      if (!found.has(path)) found.set(path, { file: path, cwd: folder });
    }
  }
  return [...found.values()];
}

function run(cli: Cli, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [join(repoRoot, cli.file), ...args], {
    cwd: cli.cwd,
    env,
    encoding: 'utf8',
    // A tool that ignored its arguments would go on to start servers: stop it (SIGTERM lets it clean up).
    timeout: 30_000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const clis = repositoryClis();

describe('the repository command-line tools', () => {
  it('are found from the npm scripts', () => {
    expect(clis.map((cli) => cli.file).sort()).toEqual(
      expect.arrayContaining([
        'deploy/local/src/cli.ts',
        'deploy/local/src/start.ts',
        'tools/bench/src/cli.ts',
        'tools/deploy-check/src/create-topics.ts',
        'tools/seed/src/cli.ts',
        'tools/new-service/src/cli.ts',
      ]),
    );
  });

  describe.each(clis.map((cli) => [cli.file, cli] as const))('%s', (_file, cli) => {
    it('prints its usage for --help and -h and exits 0', () => {
      for (const flag of ['--help', '-h']) {
        const result = run(cli, [flag]);
        expect(result, flag).toMatchObject({ status: 0, stderr: '' });
        expect(result.stdout, flag).toMatch(/^usage: /);
      }
    });

    it('refuses an unknown option with one line naming it, and exit 2', () => {
      const result = run(cli, ['--no-such-option']);
      expect(result).toMatchObject({ status: 2, stdout: '' });
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('unknown option --no-such-option')]);
    });
  });

  it.each([
    ['tools/bench/src/cli.ts', ['--duration', 'ten'], "--duration must be a whole number ≥ 1, not 'ten'"],
    ['tools/bench/src/cli.ts', ['--scenarios', 'national-dashboard,everything'], "--scenarios: unknown 'everything'"],
    ['tools/bench/src/cli.ts', ['--duration'], "option '--duration <value>' argument missing"],
    ['tools/seed/src/cli.ts', ['--employees', '1'], "--employees must be a whole number ≥ 2, not '1'"],
    ['tools/seed/src/cli.ts', ['--assessment-share', '1.5'], "--assessment-share must be a number from 0 to 1, not '1.5'"],
    ['tools/seed/src/cli.ts', ['--services', 'payroll'], "--services: unknown 'payroll'"],
    ['deploy/local/src/cli.ts', [], 'a command is needed'],
    ['deploy/local/src/cli.ts', ['restart'], "unknown command 'restart'"],
    ['deploy/local/src/cli.ts', ['status', 'now'], "status takes no arguments, got 'now'"],
    ['deploy/local/src/cli.ts', ['run'], 'run needs a command'],
    ['deploy/local/src/start.ts', ['demo'], 'unexpected argument demo'],
    ['tools/new-service/src/cli.ts', [], 'expected <name> <port>'],
    // Its name and port refusals: tools/new-service/test/generate.test.ts.
    // With nowhere to write, instead of guessing a server.
    ['tools/seed/src/cli.ts', ['--employees', '10'], 'no PostgreSQL server: pass --database-url or set DATABASE_URL'],
  ])('%s %j: one line, exit 2', (file, args, message) => {
    const cli = clis.find((candidate) => candidate.file === file) as Cli;
    const { DATABASE_URL: _unset, ...withoutDatabase } = process.env;
    const result = run(cli, args, withoutDatabase);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(message)]);
  });
});
