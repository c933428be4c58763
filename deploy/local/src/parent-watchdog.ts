// Runs one server as its child and stops it when the process that started us dies, however it dies
// (SIGKILL included): that process holds the write end of our stdin, so the kernel closes it and we read
// end-of-file. Then the server gets its stop signal and, after the grace period, our whole process group
// (which it shares) is killed. Signals sent to us are passed on to the server, and we exit the way it did.
//
//   node parent-watchdog.ts '<WatchdogConfig as JSON>'   (started by spawnTiedToParent in process.ts)
import { spawn } from 'node:child_process';

interface WatchdogConfig {
  command: string;
  args: string[];
  stopSignal: NodeJS.Signals;
  /** Send the stop signal to the process group (a shell script and the JVM it starts) instead of the server only. */
  signalGroup: boolean;
  graceMs: number;
  uid?: number;
  gid?: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as WatchdogConfig;
const server = spawn(config.command, config.args, {
  stdio: ['ignore', 'inherit', 'inherit'],
  ...(config.uid === undefined ? {} : { uid: config.uid }),
  ...(config.gid === undefined ? {} : { gid: config.gid }),
});

function send(signal: NodeJS.Signals, toGroup: boolean): void {
  try {
    if (toGroup) process.kill(-process.pid, signal);
    else if (server.pid !== undefined) process.kill(server.pid, signal);
  } catch {
    // Already gone.
  }
}

const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const forward = (signal: NodeJS.Signals) => send(signal, false);
for (const signal of forwarded) process.on(signal, forward);

let parentGone = false;
const onParentGone = () => {
  if (parentGone) return;
  parentGone = true;
  send(config.stopSignal, config.signalGroup);
  setTimeout(() => send('SIGKILL', true), config.graceMs).unref();
};
process.stdin.on('end', onParentGone);
process.stdin.on('close', onParentGone);
process.stdin.on('error', onParentGone);
process.stdin.resume();

server.once('error', (error) => {
  process.stderr.write(`parent-watchdog: could not start ${config.command}: ${error.message}\n`);
  process.exit(127);
});
server.once('exit', (code, signal) => {
  // Whatever the server left behind in the group goes with it once nobody can stop it any more.
  if (parentGone) send('SIGKILL', true);
  for (const name of forwarded) process.off(name, forward);
  if (signal) {
    process.kill(process.pid, signal);
    // A signal Node ignores by default (SIGPIPE) would not end us.
    setTimeout(() => process.exit(128), 1000).unref();
  } else {
    process.exit(code ?? 1);
  }
});
