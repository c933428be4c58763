// One place for a page's mutation outcomes: the errors the ActionErrors box shows, a short notice on
// success, and the page's reload after it (so what is shown is what the server now holds).
import { ref } from 'vue';
import type { CombinedError } from '@urql/core';
import { describeErrors, type DisplayedError } from '../graphql/error-message.ts';

export function useAction(reload: () => void, savedText: string) {
  const errors = ref<DisplayedError[]>([]);
  const notice = ref('');
  async function run(outcome: Promise<{ error?: CombinedError | undefined }>, success = savedText): Promise<boolean> {
    notice.value = '';
    const { error } = await outcome;
    errors.value = describeErrors(error);
    if (error) return false;
    notice.value = success;
    reload();
    return true;
  }
  return { errors, notice, run };
}
