// The real attendance subgraph (src/main.ts) as a child process on a fresh database, the way the launcher
// runs it, for tests of other workspaces (the gateway's, the bench's). Exported as
// `@kinerja/attendance/testing`; the generic starter is the kit's startSubgraphProcess (a consumer of
// another service's topic also takes a group of its own with the kit's startConsumerAtTopicEnd, as
// competency's does).
import { fileURLToPath } from 'node:url';
import { startSubgraphProcess, type SubgraphProcess } from '@kinerja/kit/testing';

export type AttendanceProcess = SubgraphProcess;

/**
 * ATTENDANCE_LOG_LEVEL sets the child's log level (default warn). `extraEnv` wins over the defaults the
 * starter sets (the bench gives OPS_PORT to read /metrics, and NODE_OPTIONS for a CPU profile).
 */
export function startAttendanceProcess(env: Record<string, string | undefined> = process.env, extraEnv: Record<string, string> = {}): Promise<AttendanceProcess> {
  return startSubgraphProcess({
    name: 'attendance',
    main: fileURLToPath(new URL('../../src/main.ts', import.meta.url)),
    env,
    extraEnv,
    logLevel: env['ATTENDANCE_LOG_LEVEL'] ?? 'warn',
  });
}
