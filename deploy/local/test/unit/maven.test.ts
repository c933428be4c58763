import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../src/errors.ts';
import { findMaven, parseDownloadedLine, runMaven } from '../../src/maven.ts';
import { silentProgress } from '../../src/progress.ts';

describe('parseDownloadedLine', () => {
  it.each([
    [
      'Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka_2.13/4.1.1/kafka_2.13-4.1.1.jar (6.5 MB at 3.1 MB/s)',
      6.5e6,
    ],
    ['Downloaded from central: https://repo.maven.apache.org/maven2/x/y.pom (12 kB at 80 kB/s)', 12e3],
    ['Downloaded from mirror: https://mirror.example/z.jar (900 B at 1 kB/s)', 900],
  ])('counts %s', (line, bytes) => {
    expect(parseDownloadedLine(line)?.bytes).toBeCloseTo(bytes);
  });

  it('ignores lines that are not finished downloads', () => {
    expect(parseDownloadedLine('Downloading from central: https://repo.maven.apache.org/maven2/x/y.jar')).toBeUndefined();
    expect(parseDownloadedLine('[INFO] BUILD SUCCESS')).toBeUndefined();
  });
});

describe('Maven discovery and failures', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fake-mvn-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('fails with one line when mvn is not on PATH', async () => {
    const attempt = findMaven({ PATH: folder });
    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(/^Maven \(mvn\) not found on PATH/);
  });

  it('reports a download failure with mvn\'s first error and the log file', async () => {
    const bin = join(folder, 'bin');
    await mkdir(bin);
    // A stand-in mvn that fails the way an offline machine does.
    await writeFile(
      join(bin, 'mvn'),
      '#!/bin/sh\necho "[ERROR] Failed to execute goal: Could not transfer artifact org.apache.kafka:kafka_2.13:jar:4.1.1 from/to central: Connection refused"\nexit 1\n',
    );
    await chmod(join(bin, 'mvn'), 0o755);
    const logFile = join(folder, 'mvn.log');
    const attempt = runMaven({
      component: 'kafka',
      args: ['dependency:copy-dependencies'],
      cwd: folder,
      java: { home: folder, java: join(folder, 'java'), major: 17, version: '17' },
      logFile,
      progress: silentProgress,
      env: { PATH: bin },
    });
    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(
      `download failed for kafka: mvn dependency:copy-dependencies exited with code 1 (Failed to execute goal: Could not transfer artifact org.apache.kafka:kafka_2.13:jar:4.1.1 from/to central: Connection refused); full output in ${logFile}`,
    );
  });
});
