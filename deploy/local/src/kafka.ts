import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SetupError } from './errors.ts';
import { selectJava } from './java.ts';
import type { JavaRuntime } from './java.ts';
import { runMaven } from './maven.ts';
import { localPaths } from './paths.ts';
import { assertPortFree } from './ports.ts';
import { spawnManaged } from './process.ts';
import type { ManagedProcess } from './process.ts';
import type { Progress } from './progress.ts';
import { createProgress, timed } from './progress.ts';
import { kafkaAnswers, waitUntilReady } from './readiness.ts';

const execFileAsync = promisify(execFile);

/** Must match <kafka.version> in deploy/local/kafka/pom.xml. */
export const KAFKA_VERSION = '4.1.1';
export const KAFKA_PORT = 9092;
export const KAFKA_CONTROLLER_PORT = 9093;

export interface KafkaDistributionOptions {
  cacheDir?: string;
  java: JavaRuntime;
  progress: Progress;
  logDir: string;
}

/** The broker's jars, resolved once from Maven Central into the cache (`<cache>/kafka-<version>/libs`). */
export async function ensureKafkaLibs(options: KafkaDistributionOptions): Promise<string> {
  const paths = localPaths();
  const home = join(options.cacheDir ?? paths.cache, `kafka-${KAFKA_VERSION}`);
  const libs = join(home, 'libs');
  if (existsSync(join(home, '.complete'))) return libs;
  options.progress.info('kafka', `resolving org.apache.kafka:kafka_2.13:${KAFKA_VERSION} and its dependencies with mvn into ${libs}`);
  // Resolve into a private folder first so a second launcher or an interrupted run never sees half a classpath.
  const staging = `${libs}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(home, { recursive: true });
  await runMaven({
    component: 'kafka',
    args: ['dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`, '-f', paths.kafkaPom],
    cwd: dirname(paths.kafkaPom),
    java: options.java,
    logFile: join(options.logDir, 'mvn-kafka.log'),
    progress: options.progress,
  });
  const jars = await readdir(staging);
  if (!jars.includes(`kafka_2.13-${KAFKA_VERSION}.jar`)) {
    throw new SetupError(`download failed for kafka: mvn did not produce kafka_2.13-${KAFKA_VERSION}.jar in ${staging}`);
  }
  await rm(libs, { recursive: true, force: true });
  await rename(staging, libs);
  await writeFile(join(home, '.complete'), `${new Date().toISOString()}\n`);
  return libs;
}

export interface KafkaBrokerOptions {
  port?: number;
  controllerPort?: number;
  /** The broker's own folder: configuration, KRaft metadata and partitions. Keep it to restart with the same data. */
  dataDir: string;
  logDir?: string;
  /** Keep running after this process exits (`infra up`). */
  background?: boolean;
  progress?: Progress;
  readyTimeoutMs?: number;
}

export interface KafkaBroker {
  brokers: string[];
  pid: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

export function kafkaServerProperties(options: { port: number; controllerPort: number; logDirs: string }): string {
  return [
    '# Written by deploy/local (KRaft combined mode, one node, development only).',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@localhost:${options.controllerPort}`,
    `listeners=PLAINTEXT://localhost:${options.port},CONTROLLER://localhost:${options.controllerPort}`,
    `advertised.listeners=PLAINTEXT://localhost:${options.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${options.logDirs}`,
    'num.partitions=1',
    'auto.create.topics.enable=true',
    // The first consumer group on a fresh broker creates __consumer_offsets; with the default 50 partitions
    // that takes long enough on a 2-core machine for a client to run out of coordinator retries.
    'offsets.topic.num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Consumers in tests join at once instead of waiting for more members.
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
}

function log4jProperties(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = info',
    'rootLogger.appenderRef.file.ref = file',
    '',
  ].join('\n');
}

/** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding (what `kafka-storage random-uuid` prints). */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

/** `kafka-storage format` as a java command line. */
export function storageFormatArgs(options: { classpath: string; jvmLogging: string; clusterId: string; configFile: string }): string[] {
  // `--cluster-id=<id>` in one argument: a random id may begin with "-" and would otherwise read as an option.
  return ['-cp', options.classpath, options.jvmLogging, 'kafka.tools.StorageTool', 'format', `--cluster-id=${options.clusterId}`, '-c', options.configFile];
}

/**
 * Starts a single-node KRaft broker (formatting its storage on first use). Used for the shared broker on
 * 9092 and by tests that need a private broker they can stop and restart.
 */
export async function startKafkaBroker(options: KafkaBrokerOptions): Promise<KafkaBroker> {
  const port = options.port ?? KAFKA_PORT;
  const controllerPort = options.controllerPort ?? KAFKA_CONTROLLER_PORT;
  const progress = options.progress ?? createProgress();
  const logDir = options.logDir ?? localPaths().logs;
  const brokers = [`localhost:${port}`];
  const hint = 'stop that program, or set KAFKA_BROKERS to use a broker that is already running';
  await assertPortFree(port, `the Kafka broker`, hint);
  await assertPortFree(controllerPort, `the Kafka KRaft controller`, hint);
  const java = await selectJava({ purpose: 'Kafka', minimum: 17, progress });
  const libs = await ensureKafkaLibs({ java, progress, logDir });
  const classpath = join(libs, '*');

  const dataDir = options.dataDir;
  const partitions = join(dataDir, 'data');
  await mkdir(partitions, { recursive: true });
  const configFile = join(dataDir, 'server.properties');
  const log4jFile = join(dataDir, 'log4j2.properties');
  const serverLog = join(logDir, `kafka-${port}.log`);
  await writeFile(configFile, kafkaServerProperties({ port, controllerPort, logDirs: partitions }));
  await writeFile(log4jFile, log4jProperties(serverLog));
  const jvmLogging = `-Dlog4j2.configurationFile=${log4jFile}`;

  if (!existsSync(join(partitions, 'meta.properties'))) {
    progress.info('kafka', `formatting KRaft storage in ${partitions}`);
    try {
      await execFileAsync(java.java, storageFormatArgs({ classpath, jvmLogging, clusterId: newClusterId(), configFile }), {
        timeout: 60_000,
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1) ?? (error as Error).message.split('\n')[0];
      throw new SetupError(`kafka storage format failed in ${partitions}: ${stderr}`);
    }
  }

  progress.info('kafka', `starting broker on localhost:${port} (controller ${controllerPort}, Java ${java.major}), log ${serverLog}`);
  const { value: child, took } = await timed(async () => {
    const managed = spawnManaged({
      name: `kafka-${port}`,
      command: java.java,
      args: ['-Xms128m', '-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true', jvmLogging, '-cp', classpath, 'kafka.Kafka', configFile],
      logFile: join(logDir, `kafka-${port}.out.log`),
      cwd: dataDir,
      env: { ...process.env, JAVA_HOME: java.home },
      background: options.background ?? false,
      stopTimeoutMs: 30_000,
    });
    try {
      await waitUntilReady(() => kafkaAnswers(brokers), {
        what: `Kafka on localhost:${port}`,
        timeoutMs: options.readyTimeoutMs ?? 120_000,
        exited: managed.exited,
        logFile: serverLog,
      });
    } catch (error) {
      await managed.stop();
      throw error;
    }
    return managed;
  });
  progress.info('kafka', `ready on localhost:${port} in ${took}`);
  return { brokers, pid: child.pid, process: child, stop: () => child.stop() };
}
