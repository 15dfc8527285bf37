import { describe, expect, it } from 'vitest';
import { OBJECT_TYPES } from './model.ts';
import { OBJECT_CATALOGUE, objectName } from './object-catalogue.ts';

describe('object catalogue', () => {
  it('has one entry per object type, keyed by its type', () => {
    expect(Object.keys(OBJECT_CATALOGUE).sort()).toEqual([...OBJECT_TYPES].sort());
    for (const object of OBJECT_TYPES) expect(OBJECT_CATALOGUE[object].type).toBe(object);
  });

  it('gives every object its own path and table', () => {
    const entries = Object.values(OBJECT_CATALOGUE);
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.table)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.path).toMatch(/^[a-z][a-z-]*$/);
      expect(e.table).toMatch(/^[a-z][a-z_]*$/);
    }
  });

  it('makes the customer the parent of every other object', () => {
    for (const object of OBJECT_TYPES) {
      expect(OBJECT_CATALOGUE[object].parent).toBe(object === 'customer' ? null : 'customer');
    }
  });

  it('names every object in zh-CN and en-US', () => {
    for (const object of OBJECT_TYPES) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        expect(objectName(object, locale)).not.toBe('');
        expect(objectName(object, locale, 'many')).not.toBe('');
      }
    }
    expect(objectName('ticket', 'zh-CN')).toBe('服务记录');
    expect(objectName('activity', 'en-US', 'many')).toBe('activities');
  });
});
