import { describe, expect, it } from 'vitest';
import { serverOpenApiDocument } from '../build/openapi-document.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { accountMessages } from './account-messages.ts';
import { scopeKey, TOKEN_SCOPE_OPTIONS } from './token-scopes.ts';

describe('the API token scopes the console offers', () => {
  it('are exactly the scopes POST /v1/auth/tokens accepts, in its order', async () => {
    const doc = (await serverOpenApiDocument()) as {
      paths: Record<
        string,
        {
          post: {
            requestBody: {
              content: Record<
                string,
                { schema: { properties: { scopes: { items: { enum: string[] } } } } }
              >;
            };
          };
        }
      >;
    };
    const accepted =
      doc.paths['/v1/auth/tokens']?.post.requestBody.content['application/json']?.schema.properties
        .scopes.items.enum;
    expect(TOKEN_SCOPE_OPTIONS.map((o) => o.scope)).toEqual(accepted);
  });

  it('each have words in both languages, and a key without the namespace separator', () => {
    for (const { scope } of TOKEN_SCOPE_OPTIONS) {
      const key = scopeKey(scope);
      expect(key).not.toContain(':');
      for (const lang of LANGUAGES) {
        const value = key
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], accountMessages[lang]);
        expect(typeof value, `${lang} ${key}`).toBe('string');
      }
    }
  });
});
