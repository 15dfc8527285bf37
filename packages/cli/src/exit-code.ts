/** The process exit codes of `custos`. */
export const EXIT = {
  ok: 0,
  /** The command failed (an error with a catalogue code where one exists). */
  failure: 1,
  /** Bad arguments or options. */
  usage: 2,
  /** `custos check`: the decision was DENY. */
  denied: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
