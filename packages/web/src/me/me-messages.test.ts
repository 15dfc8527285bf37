import { FUNCTION_CATALOGUE } from '@custos/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverOpenApiDocument } from '../build/openapi-document.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { countText } from './count-text.ts';
import { meMessages } from './me-messages.ts';

type Schema = {
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  [k: string]: unknown;
};

/** The schema at a path of property names (`items` steps into arrays). */
function at(schema: Schema, path: string[]): Schema {
  return path.reduce<Schema>((s, key) => {
    const next = key === 'items' ? s.items : s.properties?.[key];
    if (next === undefined) throw new Error(`no ${path.join('.')} in the schema`);
    return next;
  }, schema);
}

function words(lang: (typeof LANGUAGES)[number], group: string): Record<string, unknown> {
  return (meMessages[lang][group] ?? {}) as Record<string, unknown>;
}

describe('the words of "my access"', () => {
  let answer: Schema;
  beforeAll(async () => {
    const doc = (await serverOpenApiDocument()) as {
      paths: Record<
        string,
        { get: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }
      >;
    };
    const schema =
      doc.paths['/v1/auth/me/access']?.get.responses['200']?.content?.['application/json']?.schema;
    if (schema === undefined) throw new Error('GET /v1/auth/me/access has no 200 answer');
    answer = schema;
  });

  // Every enum value the API may answer has plain words in both languages.
  const enums: [string, string[]][] = [
    ['scope', ['objects', 'items', 'actions', 'items', 'scope']],
    ['path', ['reach', 'paths', 'items', 'path']],
    ['clearance', ['clearance']],
    ['kind', ['user', 'kind']],
    ['orgWideDefault', ['objects', 'items', 'orgWideDefault']],
    ['grantAccess', ['grants', 'items', 'access']],
    ['ruleAccess', ['sharingRules', 'items', 'access']],
  ];
  for (const [group, path] of enums)
    it(`has words for every value of ${path.join('.')} (${group})`, () => {
      const values = at(answer, path).enum;
      expect(values, `${path.join('.')} is an enum`).toBeInstanceOf(Array);
      for (const lang of LANGUAGES)
        for (const value of values ?? [])
          expect(
            typeof words(lang, group)[String(value)],
            `${lang} ${group}.${String(value)}`,
          ).toBe('string');
    });

  it('has words for every field level but edit, and every grant target kind', () => {
    const levels = at(answer, ['objects', 'items', 'fieldLevels']).additionalProperties as Schema;
    const targets = at(answer, ['grants', 'items', 'target', 'kind']).enum ?? [];
    expect(targets.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) {
      for (const level of levels.enum ?? [])
        expect(typeof words(lang, 'fieldLevel')[String(level)], `${lang} ${String(level)}`).toBe(
          'string',
        );
      for (const kind of targets)
        expect(typeof words(lang, 'grantTarget')[String(kind)], `${lang} ${String(kind)}`).toBe(
          'string',
        );
    }
  });

  it('has words for every function permission of the catalogue', () => {
    for (const lang of LANGUAGES)
      for (const f of FUNCTION_CATALOGUE)
        expect(typeof words(lang, 'functions')[f.name], `${lang} ${f.name}`).toBe('string');
  });

  it('shows a bounded count with a plus', () => {
    expect(countText(25, true, 'en-US')).toBe('25');
    expect(countText(10_000, false, 'en-US')).toBe('10,000+');
    expect(countText(10_000, false, 'zh-CN')).toBe('10,000+');
    expect(countText(0, true, 'zh-CN')).toBe('0');
  });
});
