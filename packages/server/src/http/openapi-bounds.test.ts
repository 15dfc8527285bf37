import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PATH_PARAM_LENGTH } from '../app.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { operationsOf, resolveRef, unboundedInputs, type OpenApiDocument } from './openapi-walk.ts';

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

  it('path parameter limits equal the schemas: the router takes the longest id, the schema refuses one more', async () => {
    const limits = operationsOf(document).flatMap(({ operation }) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === 'path' && p.schema !== undefined)
        .map((p) => resolveRef(document, p.schema ?? {}))
        .map(
          (s) => s.maxLength ?? Math.max(...(s.enum ?? [Infinity]).map((v) => String(v).length)),
        ),
    );
    expect(limits.length).toBeGreaterThan(10);
    expect(Math.max(...limits)).toBe(MAX_PATH_PARAM_LENGTH);
    const cookie = await t.login('li.lei@yunshan.example');
    const longest = `c${'x'.repeat(MAX_PATH_PARAM_LENGTH - 1)}`;
    const atLimit = await t.app.inject({
      method: 'GET',
      url: `/v1/customers/${longest}`,
      headers: { cookie },
    });
    // Routed, checked, and simply not there: the record's NOT_FOUND, not "no route".
    expect(atLimit.statusCode).toBe(404);
    expect(atLimit.json()).toMatchObject({ code: 'NOT_FOUND', details: { object: 'customer' } });
    const past = await t.app.inject({
      method: 'GET',
      url: `/v1/customers/${longest}x`,
      headers: { cookie },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'params' } });
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
