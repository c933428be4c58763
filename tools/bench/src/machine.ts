import { cpus, hostname, platform, release, totalmem } from 'node:os';
import type { MachineInfo } from './report.ts';

export function machineInfo(postgres: string | null): MachineInfo {
  const list = cpus();
  return {
    hostname: hostname(),
    platform: `${platform()} ${release()}`,
    cpus: { model: list[0]?.model.trim() ?? 'unknown', count: list.length },
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.versions.node,
    postgres,
  };
}
