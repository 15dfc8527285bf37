import type { PolicyModel, User } from '@custos/engine';
import { appendAuditEvent, createSession, deleteSession } from '@custos/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { mfaLoginAnswer, type MfaLoginAnswer } from './mfa/mfa-gate.ts';
import {
  sessionCookieName,
  sessionCookieOptions,
  sessionTokenOf,
} from '../../http/session-cookie.ts';

const HOUR = 3_600_000;

/** The account a sign-in proved: whose session to start. */
export interface SignedInAccount {
  tenantId: string;
  userId: string;
}

export interface LoginUser {
  id: string;
  name: string;
  tenantId: string;
  roles: { id: string; name: string }[];
}

/**
 * What a successful sign-in answers. An object, so that a later step (MFA) can add to it
 * (e.g. `mfaRequired`).
 */
export interface LoginResponse extends MfaLoginAnswer {
  user: LoginUser;
}

export function rolesOf(model: PolicyModel, user: User): { id: string; name: string }[] {
  const byId = new Map(model.roles.map((r) => [r.id, r]));
  return user.roleIds.map((id) => ({ id, name: byId.get(id)?.name ?? id }));
}

/** The client's user agent, bounded. */
export function userAgentOf(request: FastifyRequest): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' && ua !== '' ? ua.slice(0, 512) : null;
}

/**
 * Give the request a new session (ids are never reused: the session of the cookie it came
 * with, if any, ends) and set the cookie. Returns the new session's token and public id.
 */
export async function rotateSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  account: SignedInAccount,
  options: { mfaAt?: number | null } = {},
): Promise<{ token: string; publicId: string }> {
  const { database, clock, config } = app.custos;
  const old = sessionTokenOf(request, config.cookieSecure);
  if (old !== undefined) await deleteSession(database.db, old);
  const ttlMs = config.sessionTtlHours * HOUR;
  const { token, session } = await createSession(database.db, {
    tenantId: account.tenantId,
    userId: account.userId,
    now: clock(),
    ttlMs,
    userAgent: userAgentOf(request),
    ip: request.ip,
    mfaAt: options.mfaAt ?? null,
  });
  reply.setCookie(
    sessionCookieName(config.cookieSecure),
    token,
    sessionCookieOptions({ secure: config.cookieSecure, maxAgeSeconds: ttlMs / 1000 }),
  );
  return { token, publicId: session.publicId };
}

/**
 * A sign-in succeeded (the password, and whatever a later step adds, proven): the one place a
 * session starts. Checks the user is active, rotates the session, audits `auth.login`, and
 * answers the signed-in user.
 */
export async function startSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  account: SignedInAccount,
  options: { mfaAt?: number | null } = {},
): Promise<LoginResponse> {
  const snapshot = await app.custos.policy.current(account.tenantId);
  const user = snapshot.users.get(account.userId);
  if (user === undefined)
    throw new AppError('AUTH_INVALID_CREDENTIALS', 'the e-mail or password is wrong');
  if (user.status !== 'active') {
    await auditSignIn(app, request, account, 'auth.login_failed', { reason: 'inactive' });
    throw new AppError('AUTH_USER_INACTIVE', `the user is ${user.status}`, {
      status: user.status,
    });
  }
  const { token, publicId } = await rotateSession(app, request, reply, account, options);
  await auditSignIn(app, request, account, 'auth.login', { session: publicId });
  request.log.info({ tenantId: account.tenantId, userId: user.id }, 'signed in');
  return {
    user: {
      id: user.id,
      name: user.name,
      tenantId: account.tenantId,
      roles: rolesOf(snapshot.model, user),
    },
    // MFA: whether this session must verify a code (or enrol) before anything else.
    ...(await mfaLoginAnswer(app, {
      token,
      userId: user.id,
      model: snapshot.model,
      index: snapshot.index,
    })),
  };
}

/** Audit a sign-in event in the account's tenant (never the password). */
export async function auditSignIn(
  app: FastifyInstance,
  request: FastifyRequest,
  account: SignedInAccount,
  action: string,
  after: Record<string, unknown>,
): Promise<void> {
  await appendAuditEvent(app.custos.database.db, {
    tenantId: account.tenantId,
    actorId: action === 'auth.login' ? account.userId : null,
    action,
    target: `user/${account.userId}`,
    after: { ...after, ip: request.ip, userAgent: userAgentOf(request) },
    at: new Date(app.custos.clock()),
    requestId: String(request.id),
    ip: request.ip,
    userAgent: userAgentOf(request),
  });
}
