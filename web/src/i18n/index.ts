import { messagesId } from './messages.id.ts';
import type { Messages } from './messages.id.ts';

// Only Bahasa Indonesia for now; the locale tag also drives number formatting.
export const locale = 'id-ID';
export const messages: Messages = messagesId;
