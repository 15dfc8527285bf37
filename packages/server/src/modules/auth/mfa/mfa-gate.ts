import type { PolicyIndex, PolicyModel } from '@custos/engine';
import { findSessionMfaState, type SessionMfaState } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../http/app-error.ts';
import { policyRequiresMfa } from './mfa-policy.ts';

/**
 * Which routes a session at "password only" may call, declared on the route as `config.mfa`:
 * - `pending-ok`: the routes that finish sign-in (me, logout, MFA verify);
 * - `enrolment-ok`: the enrolment routes, open to a session whose user must enrol (tenant policy)
 *   and has not.
 * Any other route answers `AUTH_MFA_REQUIRED` (401: verify first) or `AUTH_MFA_ENROLMENT_REQUIRED`
 * (403: enrol first) to such a session.
 */
export type MfaRouteOption = 'pending-ok' | 'enrolment-ok';

/** The MFA state of the request's session (set by the access check). */
export interface MfaRequestState {
  /** The user has a confirmed authenticator. */
  enabled: boolean;
  /** The session was MFA-verified (at `verifiedAt`). */
  verified: boolean;
  verifiedAt: number | null;
  /** The tenant's policy requires MFA of this user. */
  requiredByPolicy: boolean;
  /** Wrong codes given in this session. */
  failures: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Whether a session at "password only" may call the route; see `mfa-gate.ts`. */
    mfa?: MfaRouteOption;
  }
  interface FastifyRequest {
    /** Set by the access check for every route that is not public. */
    mfa?: MfaRequestState;
  }
}

/**
 * The MFA part of the access check, run once `request.custos` is set, on the session's MFA state
 * as the access check read it with the session (no query of its own): sets `request.mfa`, and
 * refuses a session that has not finished sign-in on a route not open to it.
 */
export function mfaGate(request: FastifyRequest, state: SessionMfaState): void {
  const ctx = request.custos;
  const requiredByPolicy = policyRequiresMfa(state.policy, ctx.model, ctx.index, ctx.userId);
  const verified = state.mfaAt !== null;
  request.mfa = {
    enabled: state.enrolled,
    verified,
    verifiedAt: state.mfaAt,
    requiredByPolicy,
    failures: state.mfaFailures,
  };
  if (verified || !(state.enrolled || requiredByPolicy)) return;
  const option = request.routeOptions.config.mfa;
  if (option === 'pending-ok') return;
  if (state.enrolled)
    throw new AppError(
      'AUTH_MFA_REQUIRED',
      'finish signing in: send a code from your authenticator to POST /v1/auth/mfa/verify',
      { verify: '/v1/auth/mfa/verify' },
    );
  if (option === 'enrolment-ok') return;
  throw new AppError(
    'AUTH_MFA_ENROLMENT_REQUIRED',
    'your organisation requires MFA: enrol an authenticator with POST /v1/auth/mfa/enrolment',
    { enrol: '/v1/auth/mfa/enrolment' },
  );
}

/** The MFA part of the login answer: whether the new session must verify or enrol first. */
export interface MfaLoginAnswer {
  mfaRequired: boolean;
  mfaEnrolmentRequired: boolean;
}

/** JSON schema properties of `MfaLoginAnswer`, for the login route's response. */
export const MFA_LOGIN_PROPERTIES = {
  mfaRequired: { type: 'boolean' },
  mfaEnrolmentRequired: { type: 'boolean' },
} as const;

/** The MFA part of the login answer for the session of `token` just created. */
export async function mfaLoginAnswer(
  app: FastifyInstance,
  session: { token: string; userId: string; model: PolicyModel; index: PolicyIndex },
): Promise<MfaLoginAnswer> {
  const state = await findSessionMfaState(app.custos.database.db, session.token);
  if (state === undefined) return { mfaRequired: false, mfaEnrolmentRequired: false };
  const required = policyRequiresMfa(state.policy, session.model, session.index, session.userId);
  return { mfaRequired: state.enrolled, mfaEnrolmentRequired: !state.enrolled && required };
}

/** JSON schema of the `mfa` member of `GET /v1/auth/me`. */
export const MFA_ME_SCHEMA = {
  type: 'object',
  required: ['enabled', 'verified', 'required'],
  properties: {
    enabled: { type: 'boolean' },
    verified: { type: 'boolean' },
    verifiedAt: { type: ['string', 'null'] },
    required: { type: 'boolean' },
  },
} as const;

/** The `mfa` member of `GET /v1/auth/me`: MFA enabled, this session verified, required. */
export function mfaOfMe(request: FastifyRequest): {
  enabled: boolean;
  verified: boolean;
  verifiedAt: string | null;
  required: boolean;
} {
  const mfa = request.mfa;
  return {
    enabled: mfa?.enabled ?? false,
    verified: mfa?.verified ?? false,
    verifiedAt:
      mfa?.verifiedAt === null || mfa?.verifiedAt === undefined
        ? null
        : new Date(mfa.verifiedAt).toISOString(),
    required: (mfa?.enabled ?? false) || (mfa?.requiredByPolicy ?? false),
  };
}
