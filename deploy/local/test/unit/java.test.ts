import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../src/errors.ts';
import { findJavaRuntimes, parseJavaMajor, selectJava } from '../../src/java.ts';
import type { Progress } from '../../src/progress.ts';

describe('parseJavaMajor', () => {
  it.each([
    ['17.0.15', 17],
    ['21.0.4', 21],
    ['25', 25],
    ['21-ea', 21],
    ['1.8.0_292', 8],
    ['not a version', undefined],
  ])('%s → %s', (version, major) => {
    expect(parseJavaMajor(version)).toBe(major);
  });
});

/** A fake JDK: a release file and an executable bin/java, as distributions install them. */
async function fakeJdk(root: string, name: string, version: string): Promise<string> {
  const home = join(root, name);
  await mkdir(join(home, 'bin'), { recursive: true });
  await writeFile(join(home, 'release'), `IMPLEMENTOR="Test"\nJAVA_VERSION="${version}"\n`);
  await writeFile(join(home, 'bin', 'java'), '#!/bin/sh\nexit 0\n');
  await chmod(join(home, 'bin', 'java'), 0o755);
  return home;
}

function recordingProgress(): Progress & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (_component, message) => warnings.push(message) };
}

describe('Java discovery', () => {
  let jvmRoot: string;
  const noPath = { PATH: '' };

  beforeEach(async () => {
    jvmRoot = await mkdtemp(join(tmpdir(), 'fake-jvm-'));
  });
  afterEach(async () => {
    await rm(jvmRoot, { recursive: true, force: true });
  });

  it('finds every JDK once (symlinked aliases collapse), newest first, ignoring folders without java', async () => {
    const jdk17 = await fakeJdk(jvmRoot, 'java-17-openjdk-amd64', '17.0.15');
    await symlink(jdk17, join(jvmRoot, 'java-1.17.0-openjdk-amd64'));
    await fakeJdk(jvmRoot, 'temurin-25-jdk-amd64', '25.0.3');
    await mkdir(join(jvmRoot, 'openjdk-17'));
    const runtimes = await findJavaRuntimes({ env: noPath, jvmRoots: [jvmRoot] });
    expect(runtimes.map((runtime) => runtime.major)).toEqual([25, 17]);
  });

  it('prefers the oldest runtime meeting the recommendation (21 over 25 for Keycloak)', async () => {
    await fakeJdk(jvmRoot, 'jdk-17', '17.0.15');
    await fakeJdk(jvmRoot, 'jdk-21', '21.0.4');
    await fakeJdk(jvmRoot, 'jdk-25', '25.0.3');
    const java = await selectJava({ purpose: 'Keycloak 26', minimum: 17, recommended: 21, env: noPath, jvmRoots: [jvmRoot] });
    expect(java.major).toBe(21);
  });

  it('uses JAVA_HOME when it meets the recommendation', async () => {
    await fakeJdk(jvmRoot, 'jdk-21', '21.0.4');
    const javaHome = await fakeJdk(jvmRoot, 'jdk-25', '25.0.3');
    const java = await selectJava({ purpose: 'Keycloak 26', minimum: 17, recommended: 21, env: { ...noPath, JAVA_HOME: javaHome }, jvmRoots: [jvmRoot] });
    expect(java.home).toBe(javaHome);
  });

  it('falls back to Java 17 with a warning when nothing meets the recommendation', async () => {
    await fakeJdk(jvmRoot, 'jdk-17', '17.0.15');
    const progress = recordingProgress();
    const java = await selectJava({ purpose: 'Keycloak 26', minimum: 17, recommended: 21, env: noPath, jvmRoots: [jvmRoot], progress });
    expect(java.major).toBe(17);
    expect(progress.warnings).toHaveLength(1);
    expect(progress.warnings[0]).toContain('Java 21+ is recommended');
  });

  it('fails with one line naming what is missing when there is no Java at all', async () => {
    const attempt = selectJava({ purpose: 'Kafka', minimum: 17, env: noPath, jvmRoots: [jvmRoot] });
    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(/^no Java 17\+ found for Kafka: install a JDK/);
  });

  it('names the too-old runtimes it did find', async () => {
    await fakeJdk(jvmRoot, 'jdk-11', '11.0.2');
    await expect(selectJava({ purpose: 'Kafka', minimum: 17, env: noPath, jvmRoots: [jvmRoot] })).rejects.toThrow(/found only Java 11 at /);
  });
});
