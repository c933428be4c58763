// Apollo Server plugin: metrics per operation, the request id on every error a client sees, and the
// unmasked error in the log (the client only gets the masked one).
import type { ApolloServerPlugin } from '@apollo/server';
import { clientVisibleCodes } from '@kinerja/kit/errors';
import type { GatewayContext } from '../server/context.ts';
import type { GatewayMetrics } from './metrics.ts';

export function observabilityPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const stopTimer = metrics.requestDuration.startTimer();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = error.extensions['code'];
            if (typeof code === 'string' && clientVisibleCodes.has(code)) continue;
            contextValue.log.error(
              { err: error.originalError ?? error, path: error.path, operationName },
              'masked error',
            );
          }
        },
        async willSendResponse({ response, contextValue, operationName, errors }) {
          const operation = metrics.operationLabel(operationName);
          stopTimer({ operation });
          metrics.requests.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
