/**
 * A walk over the inputs of an OpenAPI 3.1 document (parameters and JSON request bodies): the
 * schemas a client fills in. Used by the tests that check every input is bounded and that fuzz
 * every route from its schema.
 */

/** A JSON schema as the document has it (only what the walk reads). */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  discriminator?: { propertyName: string };
  [key: string]: unknown;
}

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  [key: string]: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Follow a local `$ref` (`#/components/schemas/X`, `#/…`); other schemas as they are. */
export function resolveRef(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let target: unknown = document;
    for (const part of ref.slice(2).split('/'))
      target = (target as Record<string, unknown> | undefined)?.[
        part.replace(/~1/g, '/').replace(/~0/g, '~')
      ];
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    current = target as JsonSchema;
  }
  return current;
}

/** The types a schema allows (`type` as a list; none given: any). */
export function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Every operation of the document, with its method in upper case. */
export function operationsOf(
  document: OpenApiDocument,
): { method: string; path: string; operation: OpenApiOperation }[] {
  const out: { method: string; path: string; operation: OpenApiOperation }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation !== undefined) out.push({ method: method.toUpperCase(), path, operation });
    }
  }
  return out;
}

/**
 * Every place where a client's input is not bounded: a string without `maxLength` (an `enum` or
 * `const` bounds it), a number without a minimum or a maximum, an array without `maxItems`, an
 * object with free-form keys without `maxProperties` and a `propertyNames` with a `maxLength`.
 */
export function unboundedInputs(document: OpenApiDocument): string[] {
  const found: string[] = [];
  const seen = new Set<JsonSchema>();
  const walk = (where: string, at: string, given: JsonSchema): void => {
    const schema = resolveRef(document, given);
    const report = (what: string) => found.push(`${where} ${at}: ${what}`);
    for (const branch of [
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.allOf ?? []),
    ])
      walk(where, at, branch);
    if (schema.enum !== undefined || schema.const !== undefined) return;
    const types = typesOf(schema);
    if (types.includes('string') && schema.maxLength === undefined)
      report('string without maxLength');
    if (types.includes('number') || types.includes('integer')) {
      if (schema.minimum === undefined && schema.exclusiveMinimum === undefined)
        report('number without minimum');
      if (schema.maximum === undefined && schema.exclusiveMaximum === undefined)
        report('number without maximum');
    }
    if (types.includes('object') || schema.properties !== undefined) {
      // A schema shared by many places (a `$ref`'d one) is walked where it is first met.
      if (seen.has(schema)) return;
      seen.add(schema);
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        walk(where, `${at}/${name}`, property);
      const extra = schema.additionalProperties;
      if (extra !== false && extra !== undefined) {
        if (schema.maxProperties === undefined) report('object without maxProperties');
        if (schema.propertyNames?.maxLength === undefined)
          report('object without propertyNames maxLength');
        if (typeof extra === 'object') walk(where, `${at}/*`, extra);
      }
    }
    if (types.includes('array') || schema.items !== undefined) {
      if (schema.items !== undefined) walk(where, `${at}/*`, schema.items);
      if (schema.maxItems === undefined) report('array without maxItems');
    }
  };
  for (const { method, path, operation } of operationsOf(document)) {
    const where = `${method} ${path}`;
    for (const parameter of operation.parameters ?? [])
      if (parameter.schema !== undefined)
        walk(where, `${parameter.in} ${parameter.name}`, parameter.schema);
    for (const [type, content] of Object.entries(operation.requestBody?.content ?? {}))
      if (content.schema !== undefined)
        walk(where, type === 'application/json' ? 'body' : `body(${type})`, content.schema);
  }
  return found;
}
