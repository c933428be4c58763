// Pure parts of the attendance ingest scenario (attendance-ingest.ts): the ATTLOG lines the simulated
// devices push, and the figures made of what was measured (memory trend, SQL statements per capture,
// where the CPU time went). Tested without a running system.
import type { LatencySummary } from './latency.ts';

/** What one simulated fingerprint device pushes next: its employees' punches, a round at a time. */
export interface PunchPlan {
  /** Device PINs of the employees this device serves (disjoint between devices, so batches never wait on each other's rows). */
  pins: readonly string[];
  /** The last date of the plan (YYYY-MM-DD, the office's calendar); rounds go back a working day per two rounds. */
  lastDate: string;
  /** Rounds before the plan starts over (each employee-day gets an IN and an OUT). */
  maxRounds: number;
  /** 0..1 → a deterministic offset of minutes and seconds per run, so two runs on one database rarely collide. */
  jitter: number;
}

export interface PlannedPunch {
  pin: string;
  date: string;
  /** Device local time `YYYY-MM-DD HH:MM:SS`. */
  time: string;
  /** 0 check-in, 1 check-out. */
  status: 0 | 1;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const two = (n: number) => String(n).padStart(2, '0');

/** The `back`-th Monday-to-Friday date at or before `date` (0 = the latest one). */
export function workingDayBefore(date: string, back: number): string {
  let current = date;
  let remaining = back;
  for (;;) {
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      if (remaining === 0) return current;
      remaining -= 1;
    }
    current = addDays(current, -1);
  }
}

/**
 * The punch at position `index` of a device's stream: employee `index mod pins`, round `index div pins`;
 * even rounds are the morning check-in (07:00–07:59), odd rounds the afternoon check-out (16:00–16:59) of
 * the same date, and every second round is a working day earlier, so each employee-day holds two captures
 * as in a real office (a status recomputation reads few captures however long the run).
 */
export function punchAt(plan: PunchPlan, index: number): PlannedPunch {
  const employee = index % plan.pins.length;
  const round = Math.floor(index / plan.pins.length) % plan.maxRounds;
  const date = workingDayBefore(plan.lastDate, Math.floor(round / 2));
  const morning = round % 2 === 0;
  const spread = Math.floor(plan.jitter * 3600) + employee * 7;
  const minute = Math.floor(spread / 60) % 60;
  const second = spread % 60;
  return { pin: plan.pins[employee] as string, date, time: `${date} ${morning ? '07' : '16'}:${two(minute)}:${two(second)}`, status: morning ? 0 : 1 };
}

/** ATTLOG body: tab-separated `PIN, time, status, verify (1 fingerprint), workcode, reserved`, one per line. */
export function attlogBody(punches: readonly PlannedPunch[]): string {
  return `${punches.map((p) => [p.pin, p.time, String(p.status), '1', '0', '0'].join('\t')).join('\n')}\n`;
}

/** The service's memory sampled during the run (MiB at seconds since the first path started). */
export interface MemorySample {
  atSeconds: number;
  /** The load path running when the sample was taken. */
  path: IngestPhase['path'];
  rssMiB: number;
  /** V8 heap in use: live objects plus garbage not yet collected; null when the service did not say. */
  heapUsedMiB: number | null;
  /** Full (mark-compact) collections since the service started; null when the service did not say. */
  majorGcs: number | null;
}

/** Resident memory, V8 heap use and full collections of a Prometheus text exposition (prom-client's default metrics). */
export function memoryOfMetrics(text: string): Omit<MemorySample, 'atSeconds' | 'path'> | null {
  // prom-client adds the registry's default labels: process_resident_memory_bytes{service="attendance"} 1.2e+8
  const value = (name: string, labels = '') => {
    const match = new RegExp(`^${name}(?:\\{[^}]*${labels}[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  const rss = value('process_resident_memory_bytes');
  const heapUsed = value('nodejs_heap_size_used_bytes');
  if (rss === null) return null;
  // The series of a kind appears with its first collection: none yet is 0 where the GC metrics are kept.
  const majorGcs = value('nodejs_gc_duration_seconds_count', 'kind="major"') ?? (/^nodejs_gc_duration_seconds_count\b/m.test(text) ? 0 : null);
  return { rssMiB: rss / 1024 ** 2, heapUsedMiB: heapUsed === null ? null : heapUsed / 1024 ** 2, majorGcs };
}

/** One load path's memory. */
export interface PathMemory {
  path: IngestPhase['path'];
  startMiB: number;
  endMiB: number;
  maxMiB: number;
  /** Least-squares slope of RSS over the second half of the path (MiB per minute): near 0 = flat once warm. */
  rssSlopeMiBPerMinute: number | null;
  /**
   * The lowest heapUsed in the first and in the second half of the path, when a full collection ran in
   * that half: about what survived. Retained objects that keep growing (a leak) raise it; RSS growing while
   * it stays put is V8 (and malloc) sizing the heap to the allocation rate, which stops at a level. Null
   * when no full collection ran in that half (a short run: too early to tell).
   */
  heapFloorMiB: { firstHalf: number | null; secondHalf: number | null };
}

export interface MemoryTrend {
  samples: MemorySample[];
  startMiB: number | null;
  endMiB: number | null;
  maxMiB: number | null;
  /** Per path, in the order they ran. */
  paths: PathMemory[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function slopePerMinute(points: readonly MemorySample[]): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((s, p) => s + p.atSeconds, 0) / points.length;
  const meanY = points.reduce((s, p) => s + p.rssMiB, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.atSeconds - meanX) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.atSeconds - meanX) * (p.rssMiB - meanY), 0);
  return sxx === 0 ? null : round1((sxy / sxx) * 60);
}

/**
 * The lowest heapUsed of the samples, once a full collection ran among them; null before that, as the low
 * point then is only where the heap started. The lowest sample, rather than the one right after the full
 * collection, because scavenges of the young generation move heapUsed by some 30 MiB between samples too.
 */
function heapFloor(points: readonly (MemorySample & { afterFullGc: boolean })[]): number | null {
  if (!points.some((p) => p.afterFullGc)) return null;
  const heaps = points.flatMap((p) => (p.heapUsedMiB === null ? [] : [p.heapUsedMiB]));
  return heaps.length === 0 ? null : round1(Math.min(...heaps));
}

/**
 * Per path rather than over the whole run: the device path allocates far faster than the mutation path,
 * so a slope across the run's second half mixes the device path's heap still growing to its level with
 * the mutation path's plateau.
 */
export function memoryTrend(samples: readonly MemorySample[]): MemoryTrend {
  const rounded = samples.map((s) => ({ ...s, atSeconds: round1(s.atSeconds), rssMiB: round1(s.rssMiB), heapUsedMiB: s.heapUsedMiB === null ? null : round1(s.heapUsedMiB) }));
  if (rounded.length === 0) return { samples: [], startMiB: null, endMiB: null, maxMiB: null, paths: [] };
  // A sample follows a full collection when the count went up since the sample before it.
  const marked = rounded.map((s, i) => {
    const before = i > 0 ? (rounded[i - 1] as MemorySample).majorGcs : null;
    return { ...s, afterFullGc: s.majorGcs !== null && before !== null && s.majorGcs > before };
  });
  const paths: PathMemory[] = [];
  for (const path of [...new Set(rounded.map((s) => s.path))]) {
    const points = marked.filter((s) => s.path === path);
    const half = Math.floor(points.length / 2);
    paths.push({
      path,
      startMiB: (points[0] as MemorySample).rssMiB,
      endMiB: (points[points.length - 1] as MemorySample).rssMiB,
      maxMiB: Math.max(...points.map((s) => s.rssMiB)),
      rssSlopeMiBPerMinute: slopePerMinute(points.slice(half)),
      heapFloorMiB: { firstHalf: heapFloor(points.slice(0, half)), secondHalf: heapFloor(points.slice(half)) },
    });
  }
  return {
    samples: rounded,
    startMiB: (rounded[0] as MemorySample).rssMiB,
    endMiB: (rounded[rounded.length - 1] as MemorySample).rssMiB,
    maxMiB: Math.max(...rounded.map((s) => s.rssMiB)),
    paths,
  };
}

/** A pg_stat_statements row (cumulative). */
export interface StatementStat {
  queryId: string;
  query: string;
  calls: number;
  totalMs: number;
}

export interface StatementShare {
  /** The statement's text, shortened. */
  query: string;
  perCapture: number;
  totalMs: number;
}

export interface StatementFigures {
  statements: number;
  perCapture: number | null;
  totalMs: number;
  /** The statements that took the most database time, most first. */
  top: StatementShare[];
}

/** What ran between two snapshots, per capture accepted in between. */
export function statementFigures(before: readonly StatementStat[], after: readonly StatementStat[], captures: number, topN = 8): StatementFigures {
  const earlier = new Map(before.map((row) => [row.queryId, row]));
  const deltas = after
    .map((row) => ({ query: row.query, calls: row.calls - (earlier.get(row.queryId)?.calls ?? 0), totalMs: row.totalMs - (earlier.get(row.queryId)?.totalMs ?? 0) }))
    .filter((row) => row.calls > 0);
  const statements = deltas.reduce((s, row) => s + row.calls, 0);
  const per = (n: number) => (captures > 0 ? Math.round((n / captures) * 1000) / 1000 : null);
  return {
    statements,
    perCapture: per(statements),
    totalMs: Math.round(deltas.reduce((s, row) => s + row.totalMs, 0)),
    top: deltas
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, topN)
      .map((row) => ({ query: row.query.replace(/\s+/g, ' ').slice(0, 120), perCapture: per(row.calls) ?? 0, totalMs: Math.round(row.totalMs) })),
  };
}

/** The parts of a V8 .cpuprofile the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface CpuShare {
  name: string;
  percent: number;
  /** For a function: the nearest callers outside node internals that its self time came through, most first. */
  via?: string[];
}

export interface CpuSummary {
  sampledSeconds: number;
  /** Self time by where the code lives: a package under node_modules, the service's src, node internals, GC, idle. */
  byArea: CpuShare[];
  /** Self time of the busiest functions. */
  topFunctions: CpuShare[];
}

/** `pg`, `@mikro-orm/core`, `attendance src`, `node internals`, or the V8 pseudo-frame ((garbage collector), (idle), (program)). */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'node internals';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] as string;
  const service = /services\/([^/]+)\/src\//.exec(url);
  if (service) return `${service[1]} src`;
  return 'other';
}

export function summariseCpuProfile(profile: CpuProfile, topN = 12): CpuSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + Math.max(0, deltas[i] as number)));
  } else {
    for (const node of profile.nodes) selfMicros.set(node.id, node.hitCount ?? 0);
  }
  const total = [...selfMicros.values()].reduce((s, v) => s + v, 0);
  const share = (micros: number) => (total > 0 ? Math.round((micros / total) * 1000) / 10 : 0);
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nameOf = (frame: CpuProfile['nodes'][number]['callFrame']) => {
    const file = frame.url.replace(/^.*\/(node_modules\/|services\/)/, '');
    return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
  };
  // The first caller up the stack that is not node's own code: who a native write or a parse serves.
  const callerOf = (id: number): string | null => {
    for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent)) {
      const frame = byId.get(parent)?.callFrame;
      if (frame !== undefined && areaOf(frame.url, frame.functionName) !== 'node internals' && !frame.functionName.startsWith('(')) return nameOf(frame);
    }
    return null;
  };
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) continue;
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const name = nameOf(frame);
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const caller = callerOf(id);
    if (caller !== null && caller !== name) {
      const byCaller = callers.get(name) ?? new Map<string, number>();
      byCaller.set(caller, (byCaller.get(caller) ?? 0) + micros);
      callers.set(name, byCaller);
    }
  }
  const ranked = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([name, micros]) => ({ name, percent: share(micros) }));
  const topFunctions = ranked(functions).map((entry) => {
    const via = [...(callers.get(entry.name) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([caller]) => caller);
    return via.length > 0 ? { ...entry, via } : entry;
  });
  return { sampledSeconds: Math.round((samples.length > 0 ? total / 1e6 : 0) * 10) / 10, byArea: ranked(areas), topFunctions };
}

export interface IngestPhase {
  /** `device` (ATTLOG pushes) or `mutation` (checkIn through GraphQL). */
  path: 'device' | 'mutation';
  seconds: number;
  /** HTTP requests answered 200 (pushes or mutations without errors). */
  requests: number;
  /** Captures stored during the phase (counted in the database). */
  captures: number;
  capturesPerSecond: number;
  requestLatency: LatencySummary;
  errors: number;
  /** Errors by reason (`extensions.reason` of a refused mutation, HTTP status, transport error). */
  errorKinds: Record<string, number>;
  sql: StatementFigures | null;
}

export interface IngestResult {
  name: 'attendance-ingest';
  settings: { employees: number; devices: number; linesPerPost: number; connections: number; durationSeconds: number };
  phases: IngestPhase[];
  /** From the push being sent to the employee's day showing the capture through the service's GraphQL. */
  captureToStatus: LatencySummary & { samples: number; notSeen: number };
  memory: MemoryTrend;
  cpu: CpuSummary | null;
}
