import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';
import { NAMESPACES } from './namespaces.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix === '' ? key : `${prefix}.${key}`),
  );
}

describe('the console strings', () => {
  for (const [namespace, messages] of Object.entries(NAMESPACES)) {
    it(`namespace ${namespace} has the same keys in zh-CN and en-US, none empty`, () => {
      const [first, ...others] = LANGUAGES.map((lang) => keysOf(messages[lang]).sort());
      for (const other of others) expect(other).toEqual(first);
      for (const lang of LANGUAGES)
        for (const key of keysOf(messages[lang])) {
          const value = key
            .split('.')
            .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages[lang]);
          expect(
            typeof value === 'string' && value.trim() !== '',
            `${lang} ${namespace}.${key}`,
          ).toBe(true);
        }
    });
  }
});
