import type { Role } from '../shared/admin-types.ts';
import type { PolicyChange } from '../shared/policy-change.ts';
import {
  ROLE_ACTIONS,
  ROLE_OBJECTS,
  type DataScope,
  type FieldLevel,
  type ObjectType,
  type RecordAction,
} from './role-vocabulary.ts';

/**
 * Editing a role as data: the console keeps a draft of the role's parts and turns it into the
 * `role.*` changes the API takes. Nothing here decides access — the API's preview does; these are
 * edits of the role's shape (the engine's `Role`: a missing action is `none`, a field not
 * mentioned follows the object).
 */
/** The path segment of a role not saved yet: `/admin/roles/new` (`?from=<id>` clones a role). */
export const NEW_ROLE = 'new';

export type RoleObjects = Role['objects'];
export type RoleFields = Role['fields'];

/** The data scope a role gives on one object and action (`none` when not given). */
export function scopeOf(objects: RoleObjects, object: ObjectType, action: RecordAction): DataScope {
  return objects[object]?.[action] ?? 'none';
}

/**
 * The object permissions with one cell set. `none` is written by leaving the action out (the
 * model's own spelling of it), and an object with no action left is left out too.
 */
export function withScope(
  objects: RoleObjects,
  object: ObjectType,
  action: RecordAction,
  scope: DataScope,
): RoleObjects {
  const actions = { ...objects[object] };
  if (scope === 'none') delete actions[action];
  else actions[action] = scope;
  const next = { ...objects };
  if (Object.keys(actions).length === 0) delete next[object];
  else next[object] = actions;
  return next;
}

/** The field permission a role sets on one field, or undefined when the field follows the object. */
export function fieldLevelOf(
  fields: RoleFields,
  object: ObjectType,
  field: string,
): FieldLevel | undefined {
  return fields[object]?.[field];
}

/** The field permissions with one field set (`undefined`: the field follows the object again). */
export function withFieldLevel(
  fields: RoleFields,
  object: ObjectType,
  field: string,
  level: FieldLevel | undefined,
): RoleFields {
  const levels = { ...fields[object] };
  if (level === undefined) delete levels[field];
  else levels[field] = level;
  const next = { ...fields };
  if (Object.keys(levels).length === 0) delete next[object];
  else next[object] = levels;
  return next;
}

/** The function permissions with one function on or off (the order of the catalogue kept). */
export function withFunction(
  functions: readonly string[],
  name: string,
  on: boolean,
  catalogueOrder: readonly string[],
): string[] {
  const set = new Set(functions);
  if (on) set.add(name);
  else set.delete(name);
  const rank = (f: string) => {
    const i = catalogueOrder.indexOf(f);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...set].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** One place two roles (or a role and its draft) differ. */
export type RoleDifference =
  | { part: 'name' }
  | { part: 'objects'; object: ObjectType; action: RecordAction; a: DataScope; b: DataScope }
  | { part: 'functions'; name: string; a: boolean; b: boolean }
  | {
      part: 'fields';
      object: ObjectType;
      field: string;
      a: FieldLevel | undefined;
      b: FieldLevel | undefined;
    };

/** Every place role `b` differs from role `a`: name, matrix cells, functions, field levels. */
export function roleDifferences(a: Role, b: Role): RoleDifference[] {
  const out: RoleDifference[] = [];
  if (a.name !== b.name) out.push({ part: 'name' });
  for (const object of ROLE_OBJECTS)
    for (const action of ROLE_ACTIONS) {
      const sa = scopeOf(a.objects, object, action);
      const sb = scopeOf(b.objects, object, action);
      if (sa !== sb) out.push({ part: 'objects', object, action, a: sa, b: sb });
    }
  const functions = [...new Set([...a.functions, ...b.functions])];
  for (const name of functions) {
    const ha = a.functions.includes(name);
    const hb = b.functions.includes(name);
    if (ha !== hb) out.push({ part: 'functions', name, a: ha, b: hb });
  }
  for (const object of ROLE_OBJECTS) {
    const names = new Set([
      ...Object.keys(a.fields[object] ?? {}),
      ...Object.keys(b.fields[object] ?? {}),
    ]);
    for (const field of [...names].sort()) {
      const la = fieldLevelOf(a.fields, object, field);
      const lb = fieldLevelOf(b.fields, object, field);
      if (la !== lb) out.push({ part: 'fields', object, field, a: la, b: lb });
    }
  }
  return out;
}

/**
 * The change that turns `before` into `draft`: a `role.update` naming only the parts that differ
 * (each given part replaces the role's), or null when nothing does.
 */
export function roleUpdate(before: Role, draft: Role): PolicyChange | null {
  const differences = roleDifferences(before, draft);
  if (differences.length === 0) return null;
  const parts = new Set(differences.map((d) => d.part));
  return {
    kind: 'role.update',
    id: before.id,
    ...(parts.has('name') ? { name: draft.name } : {}),
    ...(parts.has('objects') ? { objects: draft.objects } : {}),
    ...(parts.has('functions') ? { functions: draft.functions } : {}),
    ...(parts.has('fields') ? { fields: draft.fields } : {}),
  };
}

/** The change creating `role` as a whole (a new role, or a clone with its copied permissions). */
export function roleCreate(role: Role): PolicyChange {
  return {
    kind: 'role.create',
    role: {
      id: role.id,
      name: role.name,
      objects: role.objects,
      functions: role.functions,
      fields: role.fields,
    },
  };
}

/** A copy of `source`'s permissions under a new id and name (deep: editing it leaves the source). */
export function cloneRole(source: Role, id: string, name: string): Role {
  return {
    id,
    name,
    objects: structuredClone(source.objects),
    functions: [...source.functions],
    fields: structuredClone(source.fields),
  };
}

/** An empty role: no object, function or field permission. */
export function emptyRole(id: string): Role {
  return { id, name: '', objects: {}, functions: [], fields: {} };
}

/** A fresh role id as the server would make one (`role-` and 8 hex digits); the admin may edit it. */
export function newRoleId(random: () => string = () => crypto.randomUUID()): string {
  return `role-${random().slice(0, 8)}`;
}
