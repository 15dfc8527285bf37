import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { CursorSeal, cursorBinding } from './cursor-seal.ts';
import { createServerKeys, KEY_LABELS } from './server-keys.ts';

const SECRET = 'a-server-secret-of-at-least-32-characters';

describe('server keys', () => {
  it('derives a distinct key per label from the secret, the same every time', () => {
    const keys = createServerKeys(SECRET);
    expect(keys.ephemeral).toBe(false);
    expect(keys.key('cursor')).toHaveLength(32);
    expect(createServerKeys(SECRET).key('cursor').equals(keys.key('cursor'))).toBe(true);
    expect(createServerKeys(`${SECRET}!`).key('cursor').equals(keys.key('cursor'))).toBe(false);
    expect(new Set(Object.values(KEY_LABELS)).size).toBe(Object.keys(KEY_LABELS).length);
  });

  it('without a secret: a random key per process, flagged ephemeral', () => {
    const a = createServerKeys(undefined);
    const b = createServerKeys(undefined);
    expect(a.ephemeral).toBe(true);
    expect(a.key('cursor').equals(b.key('cursor'))).toBe(false);
  });

  it('CUSTOS_SECRET is sensitive and needs 32 characters', () => {
    expect(loadConfig({ CUSTOS_SECRET: SECRET }).secret).toBe(SECRET);
    expect(loadConfig({}).secret).toBeUndefined();
    expect(() => loadConfig({ CUSTOS_SECRET: 'short' })).toThrow(/CUSTOS_SECRET/);
  });
});

describe('cursor seal', () => {
  const seal = new CursorSeal(createServerKeys(SECRET).key('cursor'));
  const binding = cursorBinding('crm', 'yunshan', 'lilei', 'contact', 'name', null);
  const position = JSON.stringify(['name', '王秘密', 'con-0001']);

  it('opens what it sealed, and the cursor shows nothing of the position', () => {
    const cursor = seal.seal(binding, position);
    expect(seal.open(binding, cursor, 'querystring/cursor')).toBe(position);
    const bytes = Buffer.from(cursor, 'base64url');
    expect(bytes.includes(Buffer.from('王秘密'))).toBe(false);
    expect(bytes.includes(Buffer.from('con-0001'))).toBe(false);
    // Two seals of one position differ (a fresh IV each).
    expect(seal.seal(binding, position)).not.toBe(cursor);
  });

  it('refuses a tampered, foreign or garbage cursor, naming the field', () => {
    const cursor = seal.seal(binding, position);
    const raw = Buffer.from(cursor, 'base64url');
    const refused = (c: string, b = binding) => {
      try {
        seal.open(b, c, 'querystring/cursor');
        return undefined;
      } catch (error) {
        return error as { code: string; details: { field: string } };
      }
    };
    for (let i = 0; i < raw.length; i++) {
      const flipped = Buffer.from(raw);
      flipped[i] = (flipped[i] ?? 0) ^ 0x01;
      expect(refused(flipped.toString('base64url')), `byte ${i}`).toMatchObject({
        code: 'REQUEST_INVALID',
        details: { field: 'querystring/cursor' },
      });
    }
    const otherList = cursorBinding('crm', 'yunshan', 'lilei', 'contact', '-name', null);
    const otherUser = cursorBinding('crm', 'yunshan', 'zhangwei', 'contact', 'name', null);
    expect(refused(cursor, otherList)).toBeDefined();
    expect(refused(cursor, otherUser)).toBeDefined();
    const otherServer = new CursorSeal(createServerKeys(undefined).key('cursor'));
    expect(refused(otherServer.seal(binding, position))).toBeDefined();
    for (const garbage of ['abc', '', '!!!!', 'e30', raw.subarray(0, 20).toString('base64url')])
      expect(refused(garbage), garbage).toBeDefined();
    expect(refused(cursor)).toBeUndefined();
  });
});
