import {
  and,
  departmentIn,
  fieldLevelOf,
  ownerIn,
  type FieldValue,
  type ObjectType,
  type Predicate,
  type Sensitivity,
} from '@custos/engine';
import type { RecordNarrowing, TenantKeys } from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';

/** The list filters of `GET /v1/<objects>` (docs/concepts.md, "List filters"). */
export interface ListFilterParams {
  /** Owned by this user. */
  ownerId?: string;
  /** Of this customer (the customer itself, or its contacts, deals, orders, tickets, activities). */
  customerId?: string;
  /** Owning department is this one (exactly; not its subdepartments). */
  departmentId?: string;
  /** Exactly this sensitivity. */
  sensitivity?: Sensitivity;
  /** Last change at or after this instant (inclusive). */
  updatedFrom?: string;
  /** Last change before this instant (exclusive). */
  updatedTo?: string;
  /** `name:value` exact matches on a field; one field twice means either value. */
  field?: string[];
}

/** A field filter as it arrives: the field's name, a colon, the value (`level:A`). */
export const FIELD_FILTER_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}:';
export const MAX_FIELD_FILTERS = 10;

/**
 * The values a query-string value matches: the text itself, and the number or the boolean it
 * spells (`field=vip:true` finds `true`, `field=probability:60` finds `60`), so a field stored as
 * a number or a boolean can be filtered too.
 */
export function fieldValuesOf(text: string): FieldValue[] {
  const values: FieldValue[] = [text];
  if (/^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/.test(text)) values.push(Number(text));
  if (text === 'true' || text === 'false') values.push(text === 'true');
  return values;
}

function instantOf(text: string | undefined, field: string): string | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw new AppError('REQUEST_INVALID', `${field} must be an ISO 8601 instant`, {
      field: `querystring/${field}`,
    });
  }
  return new Date(ms).toISOString();
}

/** The field filters by field name, in the order given, each field's values merged. */
function parseFieldFilters(ctx: RequestContext, object: ObjectType, raw: readonly string[]) {
  const fields = ctx.index.objects.find((o) => o.object === object)?.fields ?? {};
  const byName = new Map<string, FieldValue[]>();
  for (const item of raw) {
    const colon = item.indexOf(':');
    const name = item.slice(0, colon);
    const text = item.slice(colon + 1);
    if (!Object.hasOwn(fields, name)) {
      throw new AppError('REQUEST_INVALID', `${object} has no field ${name}`, {
        field: 'querystring/field',
        name,
      });
    }
    // A masked or hidden field cannot be probed value by value (as `q` cannot search a name).
    const level = fieldLevelOf(ctx.index, ctx.userId, object, name);
    if (level !== 'read' && level !== 'edit') {
      throw new AppError(
        'PERMISSION_DENIED',
        `field filters by ${name}, which is ${level} for you`,
        { field: 'querystring/field', name, level },
      );
    }
    byName.set(name, [...(byName.get(name) ?? []), ...fieldValuesOf(text)]);
  }
  return byName;
}

/**
 * The store's narrowing for the filters, checked against the caller: unknown fields refused
 * naming them, a field the caller does not read in clear refused, instants parsed. The filters
 * narrow what the engine lets the caller read; they never widen it (the store ANDs them with the
 * caller's predicate). Undefined when no filter is given.
 */
export function listNarrowing(
  ctx: RequestContext,
  object: ObjectType,
  params: ListFilterParams,
  /** The tenant's keys, when a filter names an encrypted field (`filtersEncrypted`). */
  keys?: TenantKeys,
): RecordNarrowing | undefined {
  const parts: Predicate[] = [];
  // A portal user is shown no internal owner or department (record-view.ts): nor may they probe
  // them by filtering.
  if (ctx.index.users.get(ctx.userId)?.kind === 'portal') {
    const name = params.ownerId !== undefined ? 'ownerId' : 'departmentId';
    if (params[name] !== undefined) {
      throw new AppError(
        'PERMISSION_DENIED',
        `${name} is internal; a portal user cannot filter by it`,
        {
          field: `querystring/${name}`,
        },
      );
    }
  }
  if (params.ownerId !== undefined) parts.push(ownerIn([params.ownerId]));
  if (params.departmentId !== undefined) parts.push(departmentIn([params.departmentId]));
  // Narrows what the caller reads already: a customer they may not read lists only those of its
  // records they may (reached another way), never more.
  if (params.customerId !== undefined)
    parts.push({ kind: 'customer_is', customerId: params.customerId });
  const settings = ctx.model.objects.find((o) => o.object === object)?.fields ?? {};
  const blind: { object: string; field: string; tokens: string[] }[] = [];
  for (const [name, values] of parseFieldFilters(ctx, object, params.field ?? [])) {
    // An encrypted field is stored as ciphertext: its exact match goes through the blind index
    // (HMAC of the normalised text), ANDed with the caller's predicate like any other filter.
    if (settings[name]?.encrypted === true) {
      if (keys === undefined)
        throw new AppError('FIELD_ENCRYPTED', `${name} is encrypted; its keys are not loaded`, {
          field: 'querystring/field',
          name,
        });
      const texts = [...new Set(values.map((v) => String(v)))];
      blind.push({
        object,
        field: name,
        tokens: texts.map((t) => keys.blindIndex(object, name, t)),
      });
      continue;
    }
    parts.push({ kind: 'field', criterion: { field: name, op: 'in', values } });
  }
  const updatedFrom = instantOf(params.updatedFrom, 'updatedFrom');
  const updatedTo = instantOf(params.updatedTo, 'updatedTo');
  const narrow: RecordNarrowing = {
    ...(parts.length === 0 ? {} : { predicate: and(...parts) }),
    ...(params.sensitivity === undefined ? {} : { sensitivity: params.sensitivity }),
    ...(updatedFrom === undefined ? {} : { updatedFrom }),
    ...(updatedTo === undefined ? {} : { updatedTo }),
    ...(blind.length === 0 ? {} : { blind }),
  };
  return Object.keys(narrow).length === 0 ? undefined : narrow;
}

/** The filters as the cursor binds them: a page of one filtered list does not continue another. */
export function filterBinding(params: ListFilterParams): string {
  return JSON.stringify([
    params.ownerId ?? null,
    params.departmentId ?? null,
    params.customerId ?? null,
    params.sensitivity ?? null,
    params.updatedFrom ?? null,
    params.updatedTo ?? null,
    params.field ?? [],
  ]);
}

/** Whether a field filter names a field the tenant stores encrypted (its search needs the keys). */
export function filtersEncrypted(
  ctx: RequestContext,
  object: ObjectType,
  params: ListFilterParams,
): boolean {
  const settings = ctx.model.objects.find((o) => o.object === object)?.fields ?? {};
  return (params.field ?? []).some((f) => settings[f.slice(0, f.indexOf(':'))]?.encrypted === true);
}
