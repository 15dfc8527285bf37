/** The MFA facts a session carries: the tenant's policy and the session's state (0008-mfa). */

/** Who must use MFA in a tenant: nobody, holders of admin functions, or every user. */
export const MFA_POLICIES = ['off', 'admins', 'everyone'] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];

export function isMfaPolicy(value: string): value is MfaPolicy {
  return (MFA_POLICIES as readonly string[]).includes(value);
}

/** The MFA state of a session, read with it. */
export interface SessionMfaState {
  /** When the session was MFA-verified; null: at "password only". */
  mfaAt: number | null;
  /** Wrong codes given in this session. */
  mfaFailures: number;
  /** Whether the user has a confirmed authenticator. */
  enrolled: boolean;
  /** The tenant's policy. */
  policy: MfaPolicy;
}
