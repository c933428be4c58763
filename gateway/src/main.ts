// Wiring only: config, optional cluster workers, graceful shutdown.
import cluster from 'node:cluster';
import { loadGatewayConfig } from './config.ts';
import { createLogger } from './observability/logger.ts';
import { startGateway } from './server/gateway-server.ts';

const config = loadGatewayConfig();
const logger = createLogger(config.logLevel);

if (config.workers > 1 && cluster.isPrimary) {
  // Apollo Gateway plans and merges on one thread; workers share the port to use more cores.
  logger.info({ workers: config.workers }, 'starting gateway workers');
  for (let i = 0; i < config.workers; i++) cluster.fork();
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
    cluster.fork();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
} else {
  const gateway = await startGateway(config, { logger, corsOrigins: config.corsOrigins });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'gateway stopping');
      gateway
        .stop()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'gateway did not stop cleanly');
          process.exit(1);
        });
    });
  }
}
