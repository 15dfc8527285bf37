import {
  appendAuditEvent,
  confirmTotp,
  countRecoveryCodesLeft,
  deleteMfa,
  deleteSession,
  findSession,
  findTotp,
  findUserCredential,
  putPendingTotp,
  recordSessionMfaFailure,
  replaceRecoveryCodes,
  rotateSessionVerified,
  type Database,
} from '@custos/store';
import { auditContext } from '../../../http/audit-context.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { AppError } from '../../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../../http/error-handler.ts';
import type { RequestContext } from '../../../http/request-context.ts';
import {
  sessionCookieName,
  sessionCookieOptions,
  sessionTokenOf,
} from '../../../http/session-cookie.ts';
import { mfaAdminRoutes } from './mfa-admin-routes.ts';
import { checkProof, codeInvalid, WrongProof, type Proof } from './mfa-proof.ts';
import { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from './recovery-codes.ts';
import { openStoredTotpSecret, sealTotpSecretForTenant } from './secret-box.ts';
import { checkTotp, newTotpSecret, TOTP_DIGITS, totpUri } from './totp.ts';

/** Wrong codes a session at "password only" may give; the last of them ends it. */
export const SESSION_MAX_FAILURES = 5;
/** How long a started enrolment may be confirmed. */
export const ENROLMENT_TTL_MS = 15 * 60_000;

const TAG = 'auth: MFA';
const AUTHENTICATED = { kind: 'authenticated' } as const;
const CODE = {
  type: 'string',
  maxLength: TOTP_DIGITS,
  pattern: `^[0-9]{${TOTP_DIGITS}}$`,
} as const;
const RECOVERY_CODE = { type: 'string', minLength: 1, maxLength: 64 } as const;
const PASSWORD = { type: 'string', minLength: 1, maxLength: 1024 } as const;
const MFA_STATE = {
  type: 'object',
  required: ['enabled', 'verified'],
  properties: { enabled: { type: 'boolean' }, verified: { type: 'boolean' } },
} as const;
const CODES = {
  type: 'array',
  items: { type: 'string' },
  minItems: RECOVERY_CODE_COUNT,
  maxItems: RECOVERY_CODE_COUNT,
} as const;
const ERRORS = { 400: ERROR_BODY_SCHEMA, 401: ERROR_BODY_SCHEMA, 403: ERROR_BODY_SCHEMA };

type Db = Database['db'];

function audit(db: Db, request: FastifyRequest, action: string, after?: unknown): Promise<unknown> {
  const ctx = request.custos;
  return appendAuditEvent(db, {
    tenantId: ctx.tenantId,
    ...auditContext(request),
    action,
    target: `user/${ctx.userId}`,
    ...(after === undefined ? {} : { after }),
    at: new Date(ctx.now),
  });
}

/** Exactly one of the allowed proofs, else `REQUEST_INVALID` naming the first allowed field. */
function oneProof(body: Record<string, string | undefined>, allowed: readonly string[]): Proof {
  const given = allowed.filter((k) => body[k] !== undefined);
  if (given.length !== 1)
    throw new AppError('REQUEST_INVALID', `send exactly one of ${allowed.join(', ')}`, {
      field: `body/${allowed[0]}`,
    });
  const key = given[0] as string;
  return { [key]: body[key] } as Proof;
}

function sessionToken(app: FastifyInstance, request: FastifyRequest): string {
  const token = sessionTokenOf(request, app.custos.config.cookieSecure);
  if (token === undefined) throw new AppError('AUTH_REQUIRED', 'sign in first');
  return token;
}

/** Rotate the session and mark it MFA-verified; sets the new cookie. */
async function rotateVerified(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const { database, config } = app.custos;
  const now = request.custos.now;
  const next = await rotateSessionVerified(database.db, sessionToken(app, request), now);
  const session = next === undefined ? undefined : await findSession(database.db, next, now);
  if (next === undefined || session === undefined)
    throw new AppError('AUTH_REQUIRED', 'the session has expired or ended; sign in again');
  reply.setCookie(
    sessionCookieName(config.cookieSecure),
    next,
    sessionCookieOptions({
      secure: config.cookieSecure,
      maxAgeSeconds: Math.floor((session.expiresAt - now) / 1000),
    }),
  );
}

async function confirmedTotp(db: Db, ctx: RequestContext) {
  const totp = await findTotp(db, ctx.tenantId, ctx.userId);
  if (totp === undefined || totp.confirmedAt === null)
    throw new AppError('MFA_NOT_ENABLED', 'MFA is not enabled for this user');
  return totp;
}

/**
 * The user's own MFA: enrolment (start, confirm), the sign-in step (`verify`), recovery codes and
 * disabling; the admin routes (`mfa-admin-routes.ts`) with them. Secrets and codes are never
 * logged or audited.
 */
export async function mfaRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.custos.database.db;

  app.post<{ Body: { code?: string; recoveryCode?: string } }>(
    '/v1/auth/mfa/verify',
    {
      config: { permission: AUTHENTICATED, mfa: 'pending-ok' },
      schema: {
        tags: [TAG],
        summary:
          'Finish sign-in with a code from the authenticator or a recovery code: rotates the session (new cookie) and marks it MFA-verified',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { code: CODE, recoveryCode: RECOVERY_CODE },
        },
        response: {
          200: {
            type: 'object',
            required: ['mfa', 'recoveryCodesLeft'],
            properties: { mfa: MFA_STATE, recoveryCodesLeft: { type: 'integer' } },
          },
          ...ERRORS,
          409: ERROR_BODY_SCHEMA,
          429: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const proof = oneProof(request.body, ['code', 'recoveryCode']);
      const token = sessionToken(app, request);
      const totp = await confirmedTotp(db(), ctx);
      let method;
      try {
        method = await checkProof(app, reply, ctx, totp, proof);
      } catch (error) {
        if (!(error instanceof WrongProof)) throw error;
        const failures = await recordSessionMfaFailure(db(), token);
        const ended = failures >= SESSION_MAX_FAILURES;
        await audit(db(), request, 'mfa.verify_failed', {
          method: 'code' in proof ? 'totp' : 'recovery_code',
          reason: error.reason,
          sessionFailures: failures,
          sessionEnded: ended,
        });
        if (ended) {
          await deleteSession(db(), token);
          const secure = app.custos.config.cookieSecure;
          reply.clearCookie(sessionCookieName(secure), { path: '/', secure, httpOnly: true });
          throw new AppError(
            'MFA_TOO_MANY_ATTEMPTS',
            `${failures} wrong codes: the session has ended; sign in again`,
            { field: error.field },
          );
        }
        throw codeInvalid(error, { attemptsLeft: SESSION_MAX_FAILURES - failures });
      }
      await rotateVerified(app, request, reply);
      const left = await countRecoveryCodesLeft(db(), ctx.tenantId, ctx.userId);
      await audit(db(), request, 'mfa.verify', { method });
      if (method === 'recovery_code')
        await audit(db(), request, 'mfa.recovery_used', { recoveryCodesLeft: left });
      return { mfa: { enabled: true, verified: true }, recoveryCodesLeft: left };
    },
  );

  app.post(
    '/v1/auth/mfa/enrolment',
    {
      config: { permission: AUTHENTICATED, mfa: 'enrolment-ok' },
      schema: {
        tags: [TAG],
        summary:
          'Start enrolling a TOTP authenticator: a fresh secret, its otpauth:// URI and a QR code (SVG data URL); confirm with a code',
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          200: {
            type: 'object',
            required: ['secret', 'uri', 'qrCode', 'expiresAt'],
            properties: {
              secret: { type: 'string' },
              uri: { type: 'string' },
              qrCode: { type: 'string' },
              expiresAt: { type: 'string' },
            },
          },
          ...ERRORS,
          409: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const secret = newTotpSecret();
      const stored = await putPendingTotp(db(), {
        tenantId: ctx.tenantId,
        userId: ctx.userId,
        // Under the tenant's data key (docs/encryption.md); older secrets still open.
        secret: sealTotpSecretForTenant(
          await app.custos.keyring.tenant(db(), ctx.tenantId),
          ctx.userId,
          secret,
        ),
        now: ctx.now,
      });
      if (!stored)
        throw new AppError(
          'MFA_ALREADY_ENABLED',
          'MFA is enabled already; disable it first to enrol another authenticator',
        );
      const credential = await findUserCredential(db(), ctx.tenantId, ctx.userId);
      const account = credential?.email ?? ctx.index.users.get(ctx.userId)?.name ?? ctx.userId;
      const uri = totpUri(secret, `${account} (${ctx.model.tenant.name})`);
      const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M' });
      await audit(db(), request, 'mfa.enrol_start');
      reply.header('cache-control', 'no-store');
      return {
        secret,
        uri,
        qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        expiresAt: new Date(ctx.now + ENROLMENT_TTL_MS).toISOString(),
      };
    },
  );

  app.post<{ Body: { code: string } }>(
    '/v1/auth/mfa/enrolment/confirm',
    {
      config: { permission: AUTHENTICATED, mfa: 'enrolment-ok' },
      schema: {
        tags: [TAG],
        summary:
          'Confirm the enrolment with a current code: MFA is enabled, the session MFA-verified (new cookie), and 10 recovery codes are shown once',
        body: {
          type: 'object',
          required: ['code'],
          additionalProperties: false,
          properties: { code: CODE },
        },
        response: {
          200: {
            type: 'object',
            required: ['mfa', 'recoveryCodes'],
            properties: { mfa: MFA_STATE, recoveryCodes: CODES },
          },
          ...ERRORS,
          409: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const totp = await findTotp(db(), ctx.tenantId, ctx.userId);
      if (totp !== undefined && totp.confirmedAt !== null)
        throw new AppError('MFA_ALREADY_ENABLED', 'MFA is enabled already');
      if (totp === undefined || ctx.now - totp.createdAt > ENROLMENT_TTL_MS)
        throw new AppError(
          'MFA_ENROLMENT_NOT_STARTED',
          'no enrolment to confirm (none started, or it expired): POST /v1/auth/mfa/enrolment',
          { reason: totp === undefined ? 'none' : 'expired' },
        );
      const secret = openStoredTotpSecret(
        totp.secret,
        await app.custos.keyring.tenant(db(), ctx.tenantId),
        ctx.userId,
        app.custos.config.mfaSecretKey,
      );
      const check = await checkTotp(secret, request.body.code, ctx.now);
      if (!check.ok)
        throw new AppError('MFA_CODE_INVALID', 'the code is wrong', {
          field: 'body/code',
          reason: check.reason,
        });
      const codes = newRecoveryCodes();
      await db()
        .transaction()
        .execute(async (tx) => {
          const key = { tenantId: ctx.tenantId, userId: ctx.userId };
          if (!(await confirmTotp(tx, { ...key, step: check.step, now: ctx.now })))
            throw new AppError('MFA_ALREADY_ENABLED', 'MFA is enabled already');
          await replaceRecoveryCodes(tx, {
            ...key,
            codeHashes: codes.map(hashRecoveryCode),
            now: ctx.now,
          });
          await audit(tx, request, 'mfa.enrol', { method: 'totp', recoveryCodes: codes.length });
        });
      await rotateVerified(app, request, reply);
      reply.header('cache-control', 'no-store');
      return { mfa: { enabled: true, verified: true }, recoveryCodes: codes };
    },
  );

  app.post<{ Body: { code: string } }>(
    '/v1/auth/mfa/recovery-codes',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags: [TAG],
        summary:
          'Replace the recovery codes by 10 new ones (shown once); needs a current code from the authenticator',
        body: {
          type: 'object',
          required: ['code'],
          additionalProperties: false,
          properties: { code: CODE },
        },
        response: {
          200: {
            type: 'object',
            required: ['recoveryCodes'],
            properties: { recoveryCodes: CODES },
          },
          ...ERRORS,
          409: ERROR_BODY_SCHEMA,
          429: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const totp = await confirmedTotp(db(), ctx);
      try {
        await checkProof(app, reply, ctx, totp, { code: request.body.code });
      } catch (error) {
        if (error instanceof WrongProof) throw codeInvalid(error);
        throw error;
      }
      const codes = newRecoveryCodes();
      await db()
        .transaction()
        .execute(async (tx) => {
          await replaceRecoveryCodes(tx, {
            tenantId: ctx.tenantId,
            userId: ctx.userId,
            codeHashes: codes.map(hashRecoveryCode),
            now: ctx.now,
          });
          await audit(tx, request, 'mfa.recovery_regenerate', { recoveryCodes: codes.length });
        });
      reply.header('cache-control', 'no-store');
      return { recoveryCodes: codes };
    },
  );

  app.post<{ Body: { code?: string; password?: string } }>(
    '/v1/auth/mfa/disable',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags: [TAG],
        summary:
          'Disable MFA (removes the authenticator and the recovery codes); needs a current code or the password; refused while the tenant policy requires MFA of the user',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { code: CODE, password: PASSWORD },
        },
        response: {
          200: { type: 'object', required: ['mfa'], properties: { mfa: MFA_STATE } },
          ...ERRORS,
          409: ERROR_BODY_SCHEMA,
          429: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const proof = oneProof(request.body, ['code', 'password']);
      const totp = await confirmedTotp(db(), ctx);
      if (request.mfa?.requiredByPolicy === true)
        throw new AppError(
          'MFA_REQUIRED_BY_POLICY',
          "the tenant's MFA policy requires MFA of this user; it cannot be disabled",
        );
      let method;
      try {
        method = await checkProof(app, reply, ctx, totp, proof);
      } catch (error) {
        if (error instanceof WrongProof) throw codeInvalid(error);
        throw error;
      }
      await db()
        .transaction()
        .execute(async (tx) => {
          await deleteMfa(tx, ctx.tenantId, ctx.userId);
          await audit(tx, request, 'mfa.disable', { method });
        });
      return { mfa: { enabled: false, verified: request.mfa?.verified ?? false } };
    },
  );

  await mfaAdminRoutes(app);
}
