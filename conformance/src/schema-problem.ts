/**
 * The first problem TypeBox finds with a value, said precisely: where (a path of keys and
 * indices) and what (`unknown key "alow"`, `string "peek" is not one of: read, update, …`,
 * `expected an id (…), got nothing`).
 *
 * `Value.Errors` reports a failed union with the errors of every variant (and stops at a few).
 * Only one variant is meant, so a problem inside a union is looked for again in that variant
 * alone: the one the value's tag names (`kind`, `op`), or else the only one of the value's JSON
 * type, or else the one sharing most keys with the value.
 */
import { FIELD_NAME_PATTERN, FIELD_NAME_RULE, ID_PATTERN, ID_RULE } from '@custos/engine';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';

/** Where a problem is: keys and list indices from the root, and what is wrong there. */
export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

/** `scenarios[0].checks[1].as`: a problem's path as the loader's messages write it. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

type Json = Record<string, unknown>;
interface Issue {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Json;
}

/** How a value reads in a message: `string "peek"`, `a list`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (root: unknown, pointer: string): unknown =>
  pointer === '' ? root : Value.Pointer.Get(root as Json, pointer);
const schemaAt = (root: TSchema, schemaPath: string): Json =>
  (get(root, schemaPath.replace(/^#/, '')) ?? {}) as Json;
const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
const segments = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
const pointerOf = (steps: readonly string[]): string =>
  steps.map((x) => `/${x.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The JSON types a schema accepts, as far as a quick look tells (null: any). */
function typesOf(schema: Json): Set<string> | null {
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union !== undefined) {
    const all = new Set<string>();
    for (const s of union) {
      const t = typesOf(s);
      if (t === null) return null;
      t.forEach((x) => all.add(x));
    }
    return all;
  }
  if (schema.type !== undefined) {
    const types = new Set([schema.type].flat() as string[]);
    if (types.has('integer')) types.add('number');
    return types;
  }
  const values =
    (schema.enum as unknown[] | undefined) ?? ('const' in schema ? [schema.const] : null);
  return values === null ? null : new Set(values.map(jsonType));
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** The tag property of a union of objects: one every variant fixes with `const` or `enum`. */
function tagOf(variants: Json[]): string | null {
  const first = variants[0]?.properties;
  if (!isObject(first)) return null;
  for (const key of Object.keys(first)) {
    const fixed = variants.every((v) => {
      const p = (v.properties as Json | undefined)?.[key];
      return isObject(p) && ('const' in p || Array.isArray(p.enum));
    });
    if (fixed) return key;
  }
  return null;
}

const tagValues = (variant: Json, tag: string): unknown[] => {
  const p = (variant.properties as Json)[tag] as Json;
  return 'const' in p ? [p.const] : (p.enum as unknown[]);
};

/** Which variant of a union `value` means: an index, or a problem saying why none. */
function chooseVariant(
  variants: Json[],
  value: unknown,
): { index: number } | { tag: string; message: string } | null {
  const tag = tagOf(variants);
  if (tag !== null && isObject(value)) {
    const given = value[tag];
    const indices = variants
      .map((v, i) =>
        given === undefined
          ? ((v.required as string[] | undefined) ?? []).includes(tag)
            ? -1
            : i
          : tagValues(v, tag).includes(given)
            ? i
            : -1,
      )
      .filter((i) => i >= 0);
    if (indices.length === 1) return { index: indices[0] as number };
    const all = variants.flatMap((v) => tagValues(v, tag)).map(String);
    return {
      tag,
      message:
        given === undefined
          ? `expected one of: ${all.join(', ')}, got nothing`
          : `${describeValue(given)} is not one of: ${all.join(', ')}`,
    };
  }
  const type = jsonType(value);
  const typed = variants
    .map((v, i) => ({ i, types: typesOf(v) }))
    .filter(({ types }) => types === null || types.has(type));
  if (typed.length === 1) return { index: (typed[0] as { i: number }).i };
  if (typed.length > 1 && isObject(value)) {
    const keys = Object.keys(value);
    const overlap = (v: Json): number =>
      keys.filter((k) => isObject(v.properties) && k in v.properties).length;
    const best = typed.reduce((a, b) =>
      overlap(variants[b.i] as Json) > overlap(variants[a.i] as Json) ? b : a,
    );
    return { index: best.i };
  }
  return null;
}

/** What the keys of a record (`patternProperties`) must be, in words. */
const KEY_RULES: Record<string, string> = {
  [ID_PATTERN]: `an id (${ID_RULE})`,
  [FIELD_NAME_PATTERN]: `a field name (${FIELD_NAME_RULE})`,
};

/** `a, b, or c` */
function either(words: string[]): string {
  return words.length <= 2
    ? words.join(' or ')
    : `${words.slice(0, -1).join(', ')}, or ${words[words.length - 1] as string}`;
}

/** What a schema wants, in words. */
function expected(schema: Json): string {
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union !== undefined) {
    const fixed = union.every((u) => 'const' in u || Array.isArray(u.enum));
    return fixed
      ? `one of: ${union.flatMap((u) => ('const' in u ? [u.const] : (u.enum as unknown[]))).join(', ')}`
      : either(
          union.flatMap((u) => {
            const inner = (u.anyOf ?? u.oneOf) as Json[] | undefined;
            return (inner ?? [u]).map(expected);
          }),
        );
  }
  if (Array.isArray(schema.enum)) return `one of: ${schema.enum.join(', ')}`;
  if ('const' in schema) return JSON.stringify(schema.const);
  switch (schema.type) {
    case 'string':
      if (typeof schema.pattern === 'string') {
        return typeof schema.description === 'string'
          ? schema.description
          : `a string matching ${schema.pattern}`;
      }
      return schema.minLength === undefined
        ? 'a string'
        : `a non-empty string${schema.maxLength === undefined ? '' : ` of at most ${String(schema.maxLength)} characters`}`;
    case 'integer':
      return schema.minimum === 0 ? 'a non-negative integer' : 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return 'a value';
  }
}

/** A pointer's segments as keys and list indices, by the value they walk. */
function pathOf(value: unknown, pointer: string): (string | number)[] {
  let at = value;
  return segments(pointer).map((key) => {
    const step = Array.isArray(at) ? Number(key) : key;
    at = Array.isArray(at) ? at[Number(key)] : isObject(at) ? at[key] : undefined;
    return step;
  });
}

function problemOf(schema: TSchema, value: unknown, issue: Issue): SchemaProblem {
  const here = schemaAt(schema, issue.schemaPath);
  const at = get(value, issue.instancePath);
  const path = pathOf(value, issue.instancePath);
  const p = issue.params;
  switch (issue.keyword) {
    case 'required': {
      const key = (p.requiredProperties as string[])[0] as string;
      // A tagged union requires its tag: what its variants allow there.
      const variants = (here.oneOf ?? here.anyOf) as Json[] | undefined;
      const property = ((here.properties as Json | undefined)?.[key] ??
        (variants === undefined
          ? {}
          : {
              anyOf: variants.map((v) => (v.properties as Json | undefined)?.[key] ?? {}),
            })) as Json;
      return { path: [...path, key], message: `expected ${expected(property)}, got nothing` };
    }
    case 'additionalProperties': {
      const key = (p.additionalProperties as string[])[0] as string;
      const patterns = Object.keys((here.patternProperties as Json | undefined) ?? {});
      const known = Object.keys((here.properties as Json | undefined) ?? {});
      return {
        path: [...path, key],
        message:
          patterns.length > 0 && known.length === 0
            ? `"${key}" is not ${patterns.map((r) => KEY_RULES[r] ?? `a key matching ${r}`).join(' or ')}`
            : `unknown key "${key}" (expected one of: ${known.join(', ')})`,
      };
    }
    case 'enum':
      return {
        path,
        message: `${describeValue(at)} is not one of: ${(here.enum as unknown[]).join(', ')}`,
      };
    case 'minItems':
      return { path, message: `expected at least ${String(p.limit)} item(s), got none` };
    case 'minProperties':
      return { path, message: `expected at least ${String(p.limit)} entry, got none` };
    case 'uniqueItems': {
      const i = (p.duplicateItems as number[] | undefined)?.[0];
      const item = Array.isArray(at) && i !== undefined ? at[i] : undefined;
      return { path, message: `${describeValue(item)} is listed twice` };
    }
    default:
      return { path, message: `expected ${expected(here)}, got ${describeValue(at)}` };
  }
}

/**
 * Where the first union on `issue`'s schema path is: its schema path, and the instance pointer
 * it applies to (each schema step into properties, items or pattern properties is one step into
 * the value). Null when the issue is not inside a union.
 */
function unionAt(issue: Issue): { schemaPath: string; instancePath: string } | null {
  const steps = segments(issue.schemaPath.replace(/^#/, ''));
  const at = segments(issue.instancePath);
  const schema: string[] = [];
  const instance: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as string;
    if ((step === 'anyOf' || step === 'oneOf') && i + 1 < steps.length) {
      return { schemaPath: `#${pointerOf(schema)}`, instancePath: pointerOf(instance) };
    }
    schema.push(step);
    if (step === 'properties' || step === 'patternProperties' || step === 'prefixItems') {
      schema.push(steps[++i] as string);
      instance.push(at[instance.length] as string);
    } else if (step === 'items' || step === 'additionalProperties') {
      instance.push(at[instance.length] as string);
    }
  }
  return null;
}

/**
 * The first problem with `value` against `schema` (TypeBox's `Value.Errors`; a failed union is
 * looked into again as the variant meant), or null when it fits.
 */
export function firstProblem(schema: TSchema, value: unknown): SchemaProblem | null {
  const issues = ([...Value.Errors(schema, value)] as unknown as Issue[]).filter(
    // `additionalProperties: false` also reports each extra key as "schema is false".
    (e) => e.keyword !== 'boolean',
  );
  const first = issues[0];
  if (first === undefined) return null;
  const union = unionAt(first);
  if (union !== null) {
    const u = schemaAt(schema, union.schemaPath);
    const variants = ((u.oneOf ?? u.anyOf) as Json[] | undefined) ?? [];
    const at = get(value, union.instancePath);
    const path = pathOf(value, union.instancePath);
    const choice = chooseVariant(variants, at);
    if (choice === null) {
      return { path, message: `expected ${expected(u)}, got ${describeValue(at)}` };
    }
    if (!('index' in choice)) return { path: [...path, choice.tag], message: choice.message };
    const inner = firstProblem(variants[choice.index] as TSchema, at);
    return inner === null
      ? { path, message: `expected ${expected(u)}, got ${describeValue(at)}` }
      : { path: [...path, ...inner.path], message: inner.message };
  }
  // A misspelt key explains the required key it misses: name the misspelling.
  const misspelt = issues.find(
    (e) => e.keyword === 'additionalProperties' && e.instancePath === first.instancePath,
  );
  return problemOf(schema, value, first.keyword === 'required' && misspelt ? misspelt : first);
}
