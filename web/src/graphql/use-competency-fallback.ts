import { computed, ref, watch } from 'vue';
import { useQuery } from '@urql/vue';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import type { Ref } from 'vue';
import { shouldRetryWithoutCompetency } from './optional-competency.ts';
import { describeErrors } from './error-message.ts';

/**
 * Runs a query whose competency fields sit under `@include(if: $withCompetency)`; when they fail,
 * runs it once more without them and reports `competencyUnavailable`.
 */
export function useCompetencyFallbackQuery<Data, Variables extends AnyVariables & { withCompetency: boolean }>(
  query: TypedDocumentNode<Data, Variables>,
  variables: () => Omit<Variables, 'withCompetency'>,
  pause: () => boolean = () => false,
) {
  const withCompetency = ref(true);
  const result = useQuery<Data, Variables>({
    query,
    variables: () => ({ ...variables(), withCompetency: withCompetency.value }) as Variables,
    pause,
  });

  watch(
    () => result.error.value,
    (error) => {
      if (error && shouldRetryWithoutCompetency(withCompetency.value, error.graphQLErrors, result.data.value != null)) {
        withCompetency.value = false;
      }
    },
  );

  return {
    data: result.data as Ref<Data | undefined>,
    fetching: result.fetching,
    errors: computed(() => describeErrors(result.error.value)),
    // Only once the answer without competency arrived: if that fails too, the error says enough.
    competencyUnavailable: computed(() => !withCompetency.value && !result.error.value),
    refetch: () => {
      withCompetency.value = true;
      result.executeQuery({ requestPolicy: 'network-only' });
    },
  };
}
