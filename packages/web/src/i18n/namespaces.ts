import { authMessages } from '../auth/auth-messages.ts';
import { commonMessages } from './common-messages.ts';
import { recordsMessages } from '../records/records-messages.ts';
import type { Messages } from './languages.ts';

/**
 * Every namespace of the console's strings. A feature adds one line: its messages file
 * (`<feature>-messages.ts`, exporting `{ 'zh-CN': {...}, 'en-US': {...} }`).
 */
export const NAMESPACES: Record<string, Messages> = {
  common: commonMessages,
  auth: authMessages,
  records: recordsMessages,
};
