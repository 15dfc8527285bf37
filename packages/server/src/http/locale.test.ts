import { describe, expect, it } from 'vitest';
import { localeOf } from './locale.ts';

describe('localeOf', () => {
  it.each([
    [undefined, 'en-US', 'en-US'],
    [undefined, 'zh-CN', 'zh-CN'],
    ['zh-TW,zh;q=0.9', 'en-US', 'zh-CN'],
    ['en-GB,en;q=0.8', 'zh-CN', 'en-US'],
    ['fr-FR,zh;q=0.5,en;q=0.4', 'en-US', 'zh-CN'],
    ['fr-FR', 'zh-CN', 'zh-CN'],
    ['', 'en-US', 'en-US'],
  ] as const)('%s with fallback %s is %s', (header, fallback, expected) => {
    expect(localeOf(header, fallback)).toBe(expected);
  });
});
