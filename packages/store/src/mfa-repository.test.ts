import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import {
  acceptTotpStep,
  confirmTotp,
  countRecoveryCodesLeft,
  deleteMfa,
  findSessionMfaState,
  findTotp,
  isMfaEnrolled,
  putPendingTotp,
  readMfaPolicy,
  recordMfaFailure,
  recordSessionMfaFailure,
  replaceRecoveryCodes,
  rotateSessionVerified,
  useRecoveryCode,
  writeMfaPolicy,
} from './mfa-repository.ts';
import { createSession, findSession } from './session-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const HOUR = 3_600_000;

describe.each(TEST_BACKENDS)('MFA store on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await database.db
      .insertInto('tenants')
      .values([
        { id: 't1', name: 'T1' },
        { id: 't2', name: 'T2' },
      ])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps an enrolment pending until confirmed, then refuses a new one', async () => {
    const db = database.db;
    expect(await putPendingTotp(db, { tenantId: 't1', userId: 'u1', secret: 'A', now: NOW })).toBe(
      true,
    );
    expect(await isMfaEnrolled(db, 't1', 'u1')).toBe(false);
    // Restarting a pending enrolment replaces its secret.
    expect(await putPendingTotp(db, { tenantId: 't1', userId: 'u1', secret: 'B', now: NOW })).toBe(
      true,
    );
    expect((await findTotp(db, 't1', 'u1'))?.secret).toBe('B');
    expect(await confirmTotp(db, { tenantId: 't1', userId: 'u1', step: 100, now: NOW })).toBe(true);
    expect(await confirmTotp(db, { tenantId: 't1', userId: 'u1', step: 101, now: NOW })).toBe(
      false,
    );
    expect(await isMfaEnrolled(db, 't1', 'u1')).toBe(true);
    expect(await isMfaEnrolled(db, 't2', 'u1')).toBe(false);
    expect(await putPendingTotp(db, { tenantId: 't1', userId: 'u1', secret: 'C', now: NOW })).toBe(
      false,
    );
    expect(await findTotp(db, 't1', 'u1')).toMatchObject({
      secret: 'B',
      confirmedAt: NOW,
      lastStep: 100,
    });
  });

  it('accepts each time step once, never an older one, even when two requests race', async () => {
    const db = database.db;
    const key = { tenantId: 't1', userId: 'u1' };
    expect(await acceptTotpStep(db, { ...key, step: 100 })).toBe(false);
    expect(await acceptTotpStep(db, { ...key, step: 99 })).toBe(false);
    const raced = await Promise.all([
      acceptTotpStep(db, { ...key, step: 101 }),
      acceptTotpStep(db, { ...key, step: 101 }),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect((await findTotp(db, 't1', 'u1'))?.lastStep).toBe(101);
    // A pending authenticator accepts nothing.
    await putPendingTotp(db, { tenantId: 't1', userId: 'u2', secret: 'P', now: NOW });
    expect(await acceptTotpStep(db, { tenantId: 't1', userId: 'u2', step: 5 })).toBe(false);
  });

  it('counts consecutive failures and clears them on an accepted code', async () => {
    const db = database.db;
    const key = { tenantId: 't1', userId: 'u1' };
    expect(await recordMfaFailure(db, { ...key, now: NOW })).toBe(1);
    expect(await recordMfaFailure(db, { ...key, now: NOW + 1 })).toBe(2);
    expect(await findTotp(db, 't1', 'u1')).toMatchObject({ failures: 2, lastFailureAt: NOW + 1 });
    expect(await acceptTotpStep(db, { ...key, step: 102 })).toBe(true);
    expect(await findTotp(db, 't1', 'u1')).toMatchObject({ failures: 0, lastFailureAt: null });
  });

  it('uses each recovery code once and replaces them all on regeneration', async () => {
    const db = database.db;
    const key = { tenantId: 't1', userId: 'u1' };
    await replaceRecoveryCodes(db, { ...key, codeHashes: ['h1', 'h2', 'h3'], now: NOW });
    expect(await countRecoveryCodesLeft(db, 't1', 'u1')).toBe(3);
    expect(await useRecoveryCode(db, { ...key, codeHash: 'h2', now: NOW })).toBe(true);
    expect(await useRecoveryCode(db, { ...key, codeHash: 'h2', now: NOW })).toBe(false);
    expect(await useRecoveryCode(db, { ...key, codeHash: 'nope', now: NOW })).toBe(false);
    expect(
      await useRecoveryCode(db, { tenantId: 't2', userId: 'u1', codeHash: 'h1', now: NOW }),
    ).toBe(false);
    expect(await countRecoveryCodesLeft(db, 't1', 'u1')).toBe(2);
    await replaceRecoveryCodes(db, { ...key, codeHashes: ['h4'], now: NOW });
    expect(await useRecoveryCode(db, { ...key, codeHash: 'h1', now: NOW })).toBe(false);
    expect(await countRecoveryCodesLeft(db, 't1', 'u1')).toBe(1);
  });

  it('stores the tenant policy, off by default', async () => {
    const db = database.db;
    expect(await readMfaPolicy(db, 't2')).toBe('off');
    await writeMfaPolicy(db, { tenantId: 't2', policy: 'admins', actorId: 'a', now: NOW });
    expect(await readMfaPolicy(db, 't2')).toBe('admins');
    await writeMfaPolicy(db, { tenantId: 't2', policy: 'everyone', actorId: 'a', now: NOW });
    expect(await readMfaPolicy(db, 't2')).toBe('everyone');
    expect(await readMfaPolicy(db, 't1')).toBe('off');
    await expect(
      db
        .insertInto('mfa_policies')
        .values({
          tenant_id: 't1',
          policy: 'sometimes',
          updated_at: new Date(NOW),
          updated_by: null,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('rotates a session when it is MFA-verified: the old token ends, the new one is verified', async () => {
    const db = database.db;
    const { token } = await createSession(db, {
      tenantId: 't2',
      userId: 'u9',
      now: NOW,
      ttlMs: HOUR,
    });
    expect(await findSessionMfaState(db, token)).toEqual({
      mfaAt: null,
      mfaFailures: 0,
      enrolled: false,
      policy: 'everyone',
    });
    expect(await recordSessionMfaFailure(db, token)).toBe(1);
    expect(await recordSessionMfaFailure(db, token)).toBe(2);
    const next = await rotateSessionVerified(db, token, NOW + 5);
    expect(next).toMatch(/^[\w-]{43}$/);
    expect(await findSession(db, token, NOW)).toBeUndefined();
    expect(await findSessionMfaState(db, token)).toBeUndefined();
    expect(await findSession(db, next as string, NOW)).toMatchObject({
      userId: 'u9',
      expiresAt: NOW + HOUR,
    });
    expect(await findSessionMfaState(db, next as string)).toEqual({
      mfaAt: NOW + 5,
      mfaFailures: 0,
      enrolled: false,
      policy: 'everyone',
    });
    expect(await rotateSessionVerified(db, token, NOW)).toBeUndefined();
  });

  it('removes an authenticator with its recovery codes', async () => {
    const db = database.db;
    expect(await deleteMfa(db, 't1', 'u1')).toBe(true);
    expect(await isMfaEnrolled(db, 't1', 'u1')).toBe(false);
    expect(await countRecoveryCodesLeft(db, 't1', 'u1')).toBe(0);
    expect(await deleteMfa(db, 't1', 'u1')).toBe(false);
  });
});
