/**
 * kafkajs 2.2.4 schedules a timer with a negative delay on Node 24, which prints a TimeoutNegativeWarning
 * on every connection; the timer still fires at once, so the launcher hides just that warning.
 */
export function hideKafkajsTimeoutWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
}
