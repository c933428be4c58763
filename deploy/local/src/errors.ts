/**
 * A problem with the machine's setup (missing tool, port taken, download failed) that the user must
 * fix. The CLI prints only its one-line message, without a stack trace.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}

export function describeError(error: unknown): string {
  if (error instanceof SetupError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
