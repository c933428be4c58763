// A Dockerfile read into its stages: name, base image, ARGs, ENV names and the USER it ends with.
// Enough to check what compose asks of it (targets, build args, non-root) without a Docker engine.
import { readFileSync } from 'node:fs';

export interface DockerStage {
  name: string;
  from: string;
  args: string[];
  env: string[];
  user: string | undefined;
  workdir: string | undefined;
  cmd: string | undefined;
}

export interface Dockerfile {
  /** ARGs declared before the first FROM (usable in FROM lines only), with their defaults. */
  globalArgs: Record<string, string>;
  stages: DockerStage[];
}

/** Instructions one per entry, with backslash continuations joined and comments dropped. */
function instructions(text: string): string[] {
  const logical: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (line.trimEnd().endsWith('\\')) {
      current += `${line.trimEnd().slice(0, -1)} `;
      continue;
    }
    current += line;
    if (current.trim() !== '') logical.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') logical.push(current.trim());
  return logical;
}

export function parseDockerfile(text: string): Dockerfile {
  const result: Dockerfile = { globalArgs: {}, stages: [] };
  for (const line of instructions(text)) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const argument = rest.join(' ');
    const stage = result.stages[result.stages.length - 1];
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const match = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(argument);
        // FROM ${NODE_IMAGE} takes the global ARG's default.
        const from = (match?.[1] ?? '').replace(
          /^\$\{?(\w+)\}?$/,
          (whole, name: string) => result.globalArgs[name] ?? whole,
        );
        result.stages.push({
          name: match?.[2] ?? String(result.stages.length),
          from,
          args: [],
          env: [],
          user: undefined,
          workdir: undefined,
          cmd: undefined,
        });
        break;
      }
      case 'ARG': {
        const [name = '', ...value] = argument.split('=');
        if (stage) stage.args.push(name.trim());
        else result.globalArgs[name.trim()] = value.join('=').trim();
        break;
      }
      case 'ENV':
        // ENV A=1 B=2, or the legacy ENV A 1
        if (stage) {
          const names = argument.includes('=')
            ? [...argument.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1] ?? '')
            : [argument.split(/\s+/)[0] ?? ''];
          stage.env.push(...names);
        }
        break;
      case 'USER':
        if (stage) stage.user = argument.trim();
        break;
      case 'WORKDIR':
        if (stage) stage.workdir = argument.trim();
        break;
      case 'CMD':
        if (stage) stage.cmd = argument.trim();
        break;
    }
  }
  return result;
}

export function readDockerfile(path: string): Dockerfile {
  return parseDockerfile(readFileSync(path, 'utf8'));
}

/** The stage `docker build` produces for `target` (the last stage when none is given). */
export function stageFor(dockerfile: Dockerfile, target: string | undefined): DockerStage | undefined {
  return target === undefined
    ? dockerfile.stages[dockerfile.stages.length - 1]
    : dockerfile.stages.find((s) => s.name === target);
}

/** Whether a stage runs as someone other than root. An image without USER runs as root. */
export function runsAsNonRoot(stage: DockerStage): boolean {
  return stage.user !== undefined && !/^(root|0)(:|$)/.test(stage.user);
}
