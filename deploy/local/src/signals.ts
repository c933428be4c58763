/**
 * Runs `cleanup` once on the first Ctrl-C (SIGINT) or SIGTERM, then exits; a second signal exits at
 * once. Returns a function that removes the handlers.
 */
export function onShutdownSignal(cleanup: (signal: NodeJS.Signals) => Promise<void>, exitCode = 130): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write('\nstopping already; exiting now\n');
      process.exit(exitCode);
    }
    stopping = true;
    void cleanup(signal)
      .catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`))
      .finally(() => process.exit(exitCode));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
