import fc from 'fast-check';
import { resolveRef, typesOf, type JsonSchema, type OpenApiDocument } from './openapi-walk.ts';

/**
 * fast-check arbitraries from the JSON schemas of an OpenAPI document (test support): values a
 * schema accepts (`validValue`) and values near it that it should refuse (`invalidValue`: the
 * wrong type, one past a bound, NUL, a lone surrogate, a prototype key, a missing or unknown
 * property). Sizes are kept small: the fuzz test runs in `npm test`.
 */

export interface ArbitraryOptions {
  /**
   * Values to try for a property or parameter of this name, besides generated ones (real ids);
   * `*` names the keys of a free-form object (field names).
   */
  known?: (name: string) => readonly string[] | undefined;
}

const MAX_STRING = 24;
const MAX_ITEMS = 3;

/** Strings that break things: NUL, a lone surrogate, markup, SQL, a prototype name. */
const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  "'; drop table customers; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00',
  '\u202e',
] as const;

// Building an arbitrary from a regular expression is slow: once per pattern and length.
const byPattern = new Map<string, fc.Arbitrary<string>>();
function matching(pattern: string, maxLength: number): fc.Arbitrary<string> {
  const key = `${maxLength}:${pattern}`;
  let arbitrary = byPattern.get(key);
  if (arbitrary === undefined) {
    const regex = new RegExp(pattern, 'u');
    try {
      arbitrary = fc.stringMatching(regex, { maxLength });
    } catch {
      // A pattern of fixed parts (a file name) that fast-check cannot fit into `maxLength` the way
      // it splits it: generate it whole; the caller's length filter still applies.
      arbitrary = fc.stringMatching(regex);
    }
    byPattern.set(key, arbitrary);
  }
  return arbitrary;
}

function stringOf(
  schema: JsonSchema,
  name: string,
  options: ArbitraryOptions,
): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? MAX_STRING, Math.max(min, MAX_STRING));
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Infinity);
  let generated: fc.Arbitrary<string>;
  if (schema.pattern !== undefined) {
    generated = matching(schema.pattern, max).filter(fits);
  } else if (schema.format === 'date-time') {
    generated = fc
      .date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
      .map((d) => d.toISOString());
  } else {
    // Free text: any Unicode, and the strings that break things (the schema cannot refuse them).
    const nasty = NASTY_STRINGS.filter(fits);
    const text = fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }).filter(fits);
    generated =
      nasty.length === 0
        ? text
        : fc.oneof(
            { weight: 1, arbitrary: text },
            { weight: 2, arbitrary: fc.constantFrom(...nasty) },
          );
  }
  const known = (options.known?.(name) ?? []).filter(fits);
  return known.length === 0
    ? generated
    : fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: generated },
      );
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1e6) + (integer ? 1 : 1e-6);
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1e6) - (integer ? 1 : 1e-6);
  if (integer)
    return fc.integer({
      min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER),
      max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER),
    });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value `schema` accepts. `name` is the property or parameter it is for. */
export function validValue(
  document: OpenApiDocument,
  given: JsonSchema,
  name = '',
  options: ArbitraryOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolveRef(document, given);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length > 0)
    return fc.oneof(...branches.map((b) => validValue(document, b, name, options, depth + 1)));
  if (schema.allOf !== undefined && schema.allOf.length > 0)
    return validValue(document, schema.allOf[0] as JsonSchema, name, options, depth + 1);
  const types = typesOf(schema);
  const kinds = types.length > 0 ? types : ['string', 'integer', 'boolean', 'null'];
  return fc.oneof(
    ...kinds.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringOf(schema, name, options);
        case 'integer':
          return numberOf(schema, true);
        case 'number':
          return numberOf(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return arrayOf(document, schema, name, options, depth);
        case 'object':
          return objectOf(document, schema, options, depth);
        default:
          return fc.constant(null);
      }
    }),
  );
}

function arrayOf(
  document: OpenApiDocument,
  schema: JsonSchema,
  name: string,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const item = validValue(document, schema.items ?? {}, name, options, depth + 1);
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
  return schema.uniqueItems === true
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength, maxLength });
}

function objectOf(
  document: OpenApiDocument,
  schema: JsonSchema,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties))
    shape[key] = validValue(document, property, key, options, depth + 1);
  const named = fc.record(shape, {
    requiredKeys: Object.keys(properties).filter((k) => required.has(k)),
  });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object' || depth > 4) return named;
  const keys = stringOf(
    { maxLength: 64, ...schema.propertyNames, type: 'string', minLength: 1 },
    '*',
    options,
  );
  const free = fc.dictionary(keys, validValue(document, extra, '', options, depth + 1), {
    maxKeys: MAX_ITEMS,
  });
  return fc.tuple(named, free).map(([a, b]) => ({ ...b, ...a }));
}

/** Values of the wrong kind or past a bound, for any schema. */
function strayValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const tooLong = 'x'.repeat((schema.maxLength ?? 300) + 1);
  const past = [
    ...(schema.maximum === undefined ? [] : [schema.maximum + 1]),
    ...(schema.minimum === undefined ? [] : [schema.minimum - 1]),
  ];
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, -1, 0.5, 1e300, '', tooLong, [], {}, ...past),
    fc.constantFrom(...NASTY_STRINGS),
    fc.jsonValue({ maxDepth: 2 }),
  );
}

/**
 * A value `schema` should refuse, or one at its edge: a stray value, or — for an object — a valid
 * one with one property made stray, a required one dropped, or an unknown or prototype key added.
 */
export function invalidValue(
  document: OpenApiDocument,
  given: JsonSchema,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const schema = resolveRef(document, given);
  const properties = Object.keys(schema.properties ?? {});
  if (properties.length === 0) return strayValue(schema);
  const valid = validValue(document, schema, '', options) as fc.Arbitrary<Record<string, unknown>>;
  const mutated = fc
    .tuple(
      valid,
      fc.constantFrom(...properties),
      fc.constantFrom('stray', 'drop', 'unknown', 'proto', 'nested'),
    )
    .chain(([value, key, how]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return strayValue(schema);
      const property = (schema.properties ?? {})[key] ?? {};
      switch (how) {
        case 'stray':
          return strayValue(resolveRef(document, property)).map((v) => ({ ...value, [key]: v }));
        case 'drop': {
          const { [key]: _dropped, ...rest } = value;
          void _dropped;
          return fc.constant(rest);
        }
        case 'unknown':
          return fc.constant({ ...value, phnoe: '123' });
        case 'proto':
          return fc
            .constantFrom('__proto__', 'constructor', 'toString')
            .map((k) => ({ ...value, [k]: { polluted: true } }));
        default:
          return invalidValue(document, property, options).map((v) => ({ ...value, [key]: v }));
      }
    });
  return fc.oneof(mutated, strayValue(schema));
}
