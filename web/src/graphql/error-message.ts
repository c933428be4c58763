import { messages } from '../i18n/index.ts';
import type { GraphQLErrorLike } from './optional-competency.ts';

export interface CombinedErrorLike {
  readonly networkError?: Error | undefined;
  readonly graphQLErrors: readonly GraphQLErrorLike[];
}

/** The API writes its error messages in Bahasa Indonesia, so they are shown as they are. */
export function errorMessages(error: CombinedErrorLike | null | undefined): string[] {
  if (!error) return [];
  const fromApi = error.graphQLErrors.map((e) => e.message).filter((m) => m.trim() !== '');
  if (fromApi.length > 0) return [...new Set(fromApi)];
  return error.networkError ? [messages.state.networkError] : [messages.state.errorTitle];
}
