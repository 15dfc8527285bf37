/**
 * The per-account sign-in delay (NIST SP 800-63B rev 4 §3.2.2): the first `FREE_FAILURES`
 * consecutive failures cost nothing; each further one doubles the wait, from `FIRST_DELAY_MS`
 * up to `MAX_DELAY_MS` (15 minutes), so an attacker cannot lock the owner out for good. A
 * success resets the count. Keyed on the normalised e-mail whether or not an account has it.
 */
export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** How long sign-in waits after the `failures`-th consecutive failure. */
export function loginDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  const steps = Math.min(failures - FREE_FAILURES - 1, 30);
  return Math.min(FIRST_DELAY_MS * 2 ** steps, MAX_DELAY_MS);
}
