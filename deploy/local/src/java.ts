import { execFile } from 'node:child_process';
import { access, constants, readdir, readFile, realpath } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SetupError } from './errors.ts';
import type { Progress } from './progress.ts';

const execFileAsync = promisify(execFile);

export interface JavaRuntime {
  /** JAVA_HOME of this runtime (real path, symlinks resolved). */
  home: string;
  java: string;
  /** Feature release: 17, 21, 25. */
  major: number;
  version: string;
}

/** "17.0.15" → 17, "25" → 25, "21-ea" → 21, "1.8.0_292" → 8. */
export function parseJavaMajor(version: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!match) return undefined;
  const first = Number(match[1]);
  if (first === 1 && match[2] !== undefined) return Number(match[2]);
  return first;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function versionFromReleaseFile(home: string): Promise<string | undefined> {
  try {
    const release = await readFile(join(home, 'release'), 'utf8');
    return /^JAVA_VERSION="([^"]+)"/m.exec(release)?.[1];
  } catch {
    return undefined;
  }
}

async function versionFromBinary(java: string): Promise<string | undefined> {
  try {
    // `java -version` writes to stderr: openjdk version "17.0.15" 2025-04-15
    const { stderr } = await execFileAsync(java, ['-version'], { timeout: 10_000 });
    return /version "([^"]+)"/.exec(stderr)?.[1];
  } catch {
    return undefined;
  }
}

/** Describes the JDK or JRE installed at `home`, or undefined when there is no runnable java there. */
export async function inspectJavaHome(home: string): Promise<JavaRuntime | undefined> {
  let realHome: string;
  try {
    realHome = await realpath(home);
  } catch {
    return undefined;
  }
  const java = join(realHome, 'bin', 'java');
  if (!(await isExecutable(java))) return undefined;
  const version = (await versionFromReleaseFile(realHome)) ?? (await versionFromBinary(java));
  const major = version === undefined ? undefined : parseJavaMajor(version);
  if (version === undefined || major === undefined) return undefined;
  return { home: realHome, java, major, version };
}

export interface JavaSearch {
  env?: NodeJS.ProcessEnv;
  /** Where distributions install JDKs side by side. */
  jvmRoots?: string[];
}

async function javaOnPath(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const folder of (env['PATH'] ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, 'java');
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Every distinct Java runtime found in JAVA_HOME, the JVM folders and PATH, highest version first. */
export async function findJavaRuntimes(search: JavaSearch = {}): Promise<JavaRuntime[]> {
  const env = search.env ?? process.env;
  const homes: string[] = [];
  if (env['JAVA_HOME']) homes.push(env['JAVA_HOME']);
  for (const root of search.jvmRoots ?? ['/usr/lib/jvm', '/usr/java', '/opt/java']) {
    try {
      for (const entry of await readdir(root)) homes.push(join(root, entry));
    } catch {
      // A missing folder just means no JDKs were installed there.
    }
  }
  const onPath = await javaOnPath(env);
  if (onPath) {
    try {
      homes.push(dirname(dirname(await realpath(onPath))));
    } catch {
      // A dangling java symlink on PATH is no runtime.
    }
  }
  const runtimes = new Map<string, JavaRuntime>();
  for (const home of homes) {
    const runtime = await inspectJavaHome(home);
    if (runtime && !runtimes.has(runtime.home)) runtimes.set(runtime.home, runtime);
  }
  return [...runtimes.values()].sort((a, b) => b.major - a.major);
}

export interface JavaRequirement extends JavaSearch {
  /** Who needs it, for messages: "Keycloak 26". */
  purpose: string;
  minimum: number;
  /** Below this a warning is printed (Keycloak 26 deprecates 17). */
  recommended?: number;
  progress?: Progress;
}

/**
 * Picks the runtime for a server: JAVA_HOME when it meets the recommendation, else the oldest runtime
 * that does (LTS baselines are what the servers are tested on), else the newest one above the minimum
 * with a warning.
 */
export async function selectJava(requirement: JavaRequirement): Promise<JavaRuntime> {
  const env = requirement.env ?? process.env;
  const runtimes = await findJavaRuntimes(requirement);
  const recommended = requirement.recommended ?? requirement.minimum;
  const fromJavaHome = env['JAVA_HOME'] ? await inspectJavaHome(env['JAVA_HOME']) : undefined;
  if (fromJavaHome && fromJavaHome.major >= recommended) return fromJavaHome;
  const good = runtimes.filter((runtime) => runtime.major >= recommended);
  const oldestGood = good.at(-1);
  if (oldestGood) return oldestGood;
  const acceptable = runtimes.find((runtime) => runtime.major >= requirement.minimum);
  if (acceptable) {
    requirement.progress?.warn(
      requirement.purpose,
      `using Java ${acceptable.major} (${acceptable.home}); Java ${recommended}+ is recommended, install one under /usr/lib/jvm or set JAVA_HOME`,
    );
    return acceptable;
  }
  const found = runtimes.map((runtime) => `${runtime.major} at ${runtime.home}`).join(', ');
  throw new SetupError(
    `no Java ${requirement.minimum}+ found for ${requirement.purpose}` +
      (found ? ` (found only Java ${found})` : '') +
      `: install a JDK (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME`,
  );
}
