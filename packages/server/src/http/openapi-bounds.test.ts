import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { unboundedInputs, type OpenApiDocument } from './openapi-walk.ts';

describe('the OpenAPI document bounds every input', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp({ customers: 4 });
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    document = response.json<OpenApiDocument>();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every input string has a maxLength and every input number both bounds', () => {
    const found = unboundedInputs(document);
    expect(found).toEqual([]);
  });

  it('finds an unbounded string, number and free-form object when there is one', () => {
    const sample: OpenApiDocument = {
      paths: {
        '/x/{id}': {
          post: {
            parameters: [
              { in: 'path', name: 'id', schema: { type: 'string' } },
              { in: 'query', name: 'n', schema: { type: 'integer', minimum: 0 } },
            ],
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      a: { type: 'string', enum: ['x'] },
                      b: { type: ['string', 'null'], maxLength: 3 },
                      c: { type: 'object', additionalProperties: { type: 'number' } },
                      d: { type: 'array', items: { type: 'string', format: 'date-time' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(unboundedInputs(sample)).toEqual([
      'POST /x/{id} path id: string without maxLength',
      'POST /x/{id} query n: number without maximum',
      'POST /x/{id} body/c: object without maxProperties',
      'POST /x/{id} body/c: object without propertyNames maxLength',
      'POST /x/{id} body/c/*: number without minimum',
      'POST /x/{id} body/c/*: number without maximum',
      'POST /x/{id} body/d/*: string without maxLength',
      'POST /x/{id} body/d: array without maxItems',
    ]);
  });
});
