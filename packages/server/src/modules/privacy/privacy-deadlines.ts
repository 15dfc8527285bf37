import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { PrivacyRegime } from '@custos/store';

dayjs.extend(utc);

/**
 * The legal deadlines of a data-subject request (docs/privacy.md):
 * - GDPR Art. 12(3): "without undue delay and in any event within one month of receipt", extendable
 *   "by two further months where necessary", the subject told why within the first month. A month
 *   is a calendar month: 31 January + 1 month is 28 (29) February, the last day of the shorter
 *   month (Regulation 1182/71 Art. 3(2)(c), as the EDPB reads it).
 * - CCPA §1798.130(a)(2): 45 calendar days from receipt, extendable once by 45 more days when
 *   reasonably necessary, the consumer told within the first 45.
 */
export const DEADLINES: Readonly<
  Record<PrivacyRegime, { first: [number, 'month' | 'day']; extension: [number, 'month' | 'day'] }>
> = {
  gdpr: { first: [1, 'month'], extension: [2, 'month'] },
  ccpa: { first: [45, 'day'], extension: [45, 'day'] },
};

/** When a request received at `receivedAt` is due (UTC calendar arithmetic). */
export function firstDeadline(regime: PrivacyRegime, receivedAt: number): number {
  const [n, unit] = DEADLINES[regime].first;
  return dayjs.utc(receivedAt).add(n, unit).valueOf();
}

/** The deadline after the one extension the law allows, from the first deadline. */
export function extendedDeadline(regime: PrivacyRegime, receivedAt: number): number {
  const [n, unit] = DEADLINES[regime].extension;
  return dayjs.utc(firstDeadline(regime, receivedAt)).add(n, unit).valueOf();
}

/** How far ahead of a deadline its owner is reminded. */
export const DUE_SOON_DAYS = 7;
const DAY = 86_400_000;

/** Where a request stands against its deadline at `now`. */
export function deadlineState(dueAt: number, now: number): 'overdue' | 'due_soon' | 'on_time' {
  if (now > dueAt) return 'overdue';
  if (dueAt - now <= DUE_SOON_DAYS * DAY) return 'due_soon';
  return 'on_time';
}
