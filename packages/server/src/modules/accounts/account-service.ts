import type { PolicyModel, User } from '@custos/engine';
import {
  appendAuditEvent,
  type Database,
  deleteUserSessions,
  endUserAccess,
  enqueueMessage,
  findCredentialOfUser,
  findCredentialsByEmail,
  issuePasswordLink,
  type PasswordLinkPurpose,
  upsertCredential,
} from '@custos/store';
import { publicUrlOf, type Config } from '../../config.ts';
import { AppError } from '../../http/app-error.ts';
import { PolicyCache } from '../../http/policy-cache.ts';
import { commitChanges, type CommitResult } from '../directory/commit-change.ts';
import { newId } from '../directory/directory-http.ts';
import type { PolicyChange } from '../directory/policy-change.ts';

type Db = Database['db'];

/** What the account services need of the server's settings. */
export type AccountSettings = Pick<
  Config,
  'publicUrl' | 'port' | 'inviteLinkHours' | 'resetLinkMinutes'
>;

/** A set-password link as shown to the admin (and written to the outbox). */
export interface Invitation {
  tenantId: string;
  userId: string;
  email: string;
  purpose: PasswordLinkPurpose;
  /** `<publicUrl>/set-password?token=…` */
  link: string;
  /** ISO 8601. */
  expiresAt: string;
}

/** An e-mail address: something@something, no spaces; at most 320 characters. */
export const EMAIL_PATTERN = '^[^\\s@]{1,64}@[^\\s@]{1,255}$';
const EMAIL = new RegExp(EMAIL_PATTERN);

/** The link's lifetime for its purpose, in ms. */
function lifetimeMs(settings: AccountSettings, purpose: PasswordLinkPurpose): number {
  return purpose === 'invite'
    ? settings.inviteLinkHours * 3_600_000
    : settings.resetLinkMinutes * 60_000;
}

/** The message an invitation or reset sends, in Chinese and English. */
function message(
  purpose: PasswordLinkPurpose,
  tenantName: string,
  userName: string,
  link: string,
  expiresAt: string,
): { subject: string; body: string } {
  if (purpose === 'invite')
    return {
      subject: `邀请您登录 ${tenantName} 的 Custos / Your Custos account at ${tenantName}`,
      body:
        `${userName},您好:\n\n请打开以下链接设置密码(仅可使用一次,${expiresAt} 前有效):\n${link}\n\n` +
        `Hello ${userName},\n\nSet your password with this link (works once, until ${expiresAt}):\n${link}\n`,
    };
  return {
    subject: `重置 Custos 密码 / Reset your Custos password (${tenantName})`,
    body:
      `${userName},您好:\n\n管理员已为您重置密码,请打开以下链接设置新密码(仅可使用一次,${expiresAt} 前有效):\n${link}\n\n` +
      `Hello ${userName},\n\nAn administrator reset your password. Choose a new one with this link (works once, until ${expiresAt}):\n${link}\n`,
  };
}

/**
 * Issue a one-time set-password link for the user's account (earlier links die) and queue the
 * e-mail that carries it, in the caller's transaction.
 */
async function issueLink(
  tx: Db,
  input: {
    settings: AccountSettings;
    tenantName: string;
    user: User;
    tenantId: string;
    email: string;
    purpose: PasswordLinkPurpose;
    now: number;
  },
): Promise<Invitation> {
  const { token, expiresAt } = await issuePasswordLink(tx, {
    tenantId: input.tenantId,
    userId: input.user.id,
    purpose: input.purpose,
    now: input.now,
    ttlMs: lifetimeMs(input.settings, input.purpose),
  });
  const link = `${publicUrlOf(input.settings)}/set-password?token=${token}`;
  const expires = new Date(expiresAt).toISOString();
  const { subject, body } = message(
    input.purpose,
    input.tenantName,
    input.user.name,
    link,
    expires,
  );
  await enqueueMessage(tx, {
    tenantId: input.tenantId,
    to: input.email,
    subject,
    body,
    now: input.now,
  });
  return {
    tenantId: input.tenantId,
    userId: input.user.id,
    email: input.email,
    purpose: input.purpose,
    link,
    expiresAt: expires,
  };
}

/** NOT_FOUND unless the model has the user. */
function userOf(model: PolicyModel, userId: string): User {
  const user = model.users.find((u) => u.id === userId);
  if (user === undefined)
    throw new AppError('NOT_FOUND', `no user "${userId}"`, { kind: 'user', id: userId });
  return user;
}

/**
 * Give the user `email` as their sign-in e-mail (new account: invited, no password; an existing
 * account keeps its password) and issue an invitation link, in `tx`: a bad e-mail or one another
 * user of the tenant has is refused naming `field`.
 */
export async function inviteUserIn(
  tx: Db,
  input: {
    tenantId: string;
    model: PolicyModel;
    userId: string;
    email: string;
    actorId: string | null;
    now: number;
    settings: AccountSettings;
    /** How the input names the e-mail (`body/email`, `--email`). */
    field?: string;
    audit?: AccountAuditExtras;
  },
): Promise<Invitation> {
  const field = input.field ?? 'body/email';
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 320)
    throw new AppError('REQUEST_INVALID', `${field} must be an e-mail address`, { field });
  const user = userOf(input.model, input.userId);
  const taken = (await findCredentialsByEmail(tx, email, input.tenantId)).find(
    (c) => c.userId !== user.id,
  );
  if (taken !== undefined)
    throw new AppError('CONFLICT', `another user of the tenant signs in with ${email}`, {
      field,
      reason: 'email_taken',
    });
  const existing = await findCredentialOfUser(tx, input.tenantId, user.id);
  await upsertCredential(tx, {
    tenantId: input.tenantId,
    userId: user.id,
    email,
    passwordHash: existing?.passwordHash ?? null,
  });
  const invitation = await issueLink(tx, {
    settings: input.settings,
    tenantName: input.model.tenant.name,
    user,
    tenantId: input.tenantId,
    email,
    purpose: 'invite',
    now: input.now,
  });
  await appendAuditEvent(tx, {
    tenantId: input.tenantId,
    actorId: input.actorId,
    ...input.audit,
    action: 'account.invite',
    target: `user/${user.id}`,
    before: existing === undefined ? null : { email: existing.email, status: existing.status },
    after: { email, expiresAt: invitation.expiresAt },
    at: new Date(input.now),
  });
  return invitation;
}

/** The request's part of the audit events (`requestAuditExtras(request)`); none from the CLI. */
export interface AccountAuditExtras {
  actingAsId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AccountServiceInput {
  tenantId: string;
  actorId: string | null;
  now: number;
  settings: AccountSettings;
  audit?: AccountAuditExtras;
  /** The node's policy cache; without one the policy is loaded. */
  policy?: PolicyCache;
}

/** Invite an existing user: set or replace their e-mail and issue a new link (audited). */
export async function inviteUser(
  db: Db,
  input: AccountServiceInput & { userId: string; email: string; field?: string },
): Promise<Invitation> {
  const policy = input.policy ?? new PolicyCache({ db });
  const { model } = await policy.current(input.tenantId);
  try {
    return await db.transaction().execute((tx) => inviteUserIn(tx, { ...input, model }));
  } catch (error) {
    throw emailRace(error, input.field ?? 'body/email');
  }
}

/** A unique-index violation on the e-mail (two invitations at once): CONFLICT naming it. */
function emailRace(error: unknown, field: string): unknown {
  return (error as { code?: unknown }).code === '23505'
    ? new AppError('CONFLICT', 'another user of the tenant signs in with this e-mail', {
        field,
        reason: 'email_taken',
      })
    : error;
}

/** A new internal user as `createInvitedUser` takes it. */
export interface NewUser {
  id?: string;
  name: string;
  departmentId: string;
  managerId?: string | null;
  roleIds?: string[];
  clearance?: User['clearance'];
  /** 职位: with the department, names the onboarding template. */
  title?: string | null;
  /** Public groups the new user joins (an onboarding template's). */
  groupIds?: string[];
}

/**
 * Create an internal user and, when `email` is given, their account and invitation in the SAME
 * transaction (`commitChanges`' `within`): a refused e-mail writes nothing at all.
 */
export async function createInvitedUser(
  db: Db,
  input: AccountServiceInput & {
    user: NewUser;
    email?: string;
    expectedVersion?: number;
    field?: string;
  },
): Promise<{ version: number; result: CommitResult; invitation: Invitation | null }> {
  const policy = input.policy ?? new PolicyCache({ db });
  const u = input.user;
  const user: User = {
    id: u.id ?? newId('user'),
    name: u.name,
    kind: 'internal',
    status: 'active',
    departmentId: u.departmentId,
    managerId: u.managerId ?? null,
    roleIds: u.roleIds ?? [],
    clearance: u.clearance ?? 'internal',
    ...(u.title == null ? {} : { title: u.title }),
  };
  let invitation: Invitation | null = null;
  const email = input.email;
  // Read before the transaction (the tenant's name; the new user is added): nothing may read
  // outside the transaction while it runs (PGlite has one connection).
  const { model } = await policy.current(input.tenantId);
  try {
    const changes: PolicyChange[] = [
      { kind: 'user.create', user },
      ...(u.groupIds ?? []).map((id): PolicyChange => ({
        kind: 'group.add_member',
        id,
        member: { kind: 'user', id: user.id },
      })),
    ];
    const { version, results } = await commitChanges(db, changes, {
      tenantId: input.tenantId,
      actorId: input.actorId,
      now: input.now,
      policy,
      ...(input.audit === undefined ? {} : { audit: input.audit }),
      ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
      ...(email === undefined
        ? {}
        : {
            within: async (tx) => {
              invitation = await inviteUserIn(tx, {
                ...input,
                model: { ...model, users: [...model.users, user] },
                userId: user.id,
                email,
              });
            },
          }),
    });
    return { version, result: results[0] as CommitResult, invitation };
  } catch (error) {
    throw emailRace(error, input.field ?? 'body/email');
  }
}

/**
 * Reset a user's password (admin): a new reset link (earlier links die), every session of the
 * user ends, audited. The admin never learns or chooses the password. CONFLICT when the user has
 * no account (invite them first).
 */
export async function resetPassword(
  db: Db,
  input: AccountServiceInput & { userId: string },
): Promise<Invitation & { sessionsEnded: number }> {
  const policy = input.policy ?? new PolicyCache({ db });
  const { model } = await policy.current(input.tenantId);
  const user = userOf(model, input.userId);
  return db.transaction().execute(async (tx) => {
    const account = await findCredentialOfUser(tx, input.tenantId, user.id);
    if (account === undefined)
      throw new AppError('CONFLICT', `user "${user.id}" has no sign-in e-mail; invite them first`, {
        reason: 'no_account',
        id: user.id,
      });
    const invitation = await issueLink(tx, {
      settings: input.settings,
      tenantName: model.tenant.name,
      user,
      tenantId: input.tenantId,
      email: account.email,
      purpose: 'reset',
      now: input.now,
    });
    // The account may be in the wrong hands: its sessions and API tokens end with the reset.
    const { sessionsEnded, tokensRevoked } = await endUserAccess(tx, {
      tenantId: input.tenantId,
      userId: user.id,
      by: input.actorId,
      now: input.now,
    });
    await appendAuditEvent(tx, {
      tenantId: input.tenantId,
      actorId: input.actorId,
      ...input.audit,
      action: 'account.reset_password',
      target: `user/${user.id}`,
      after: { expiresAt: invitation.expiresAt, sessionsEnded, tokensRevoked },
      at: new Date(input.now),
    });
    return { ...invitation, sessionsEnded };
  });
}

/** End every session of a user (admin), audited; how many ended. */
export async function endUserSessions(
  db: Db,
  input: Omit<AccountServiceInput, 'settings'> & { userId: string },
): Promise<number> {
  const policy = input.policy ?? new PolicyCache({ db });
  const { model } = await policy.current(input.tenantId);
  const user = userOf(model, input.userId);
  return db.transaction().execute(async (tx) => {
    const ended = await deleteUserSessions(tx, input.tenantId, user.id);
    await appendAuditEvent(tx, {
      tenantId: input.tenantId,
      actorId: input.actorId,
      ...input.audit,
      action: 'account.end_sessions',
      target: `user/${user.id}`,
      after: { sessionsEnded: ended },
      at: new Date(input.now),
    });
    return ended;
  });
}
