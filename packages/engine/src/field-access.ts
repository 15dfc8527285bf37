import { checkAccess, Outcome } from './access-core.ts';
import type { CrmRecord, FieldLevel, ObjectType, PolicyModel } from './model.ts';
import { FIELD_LEVELS, OBJECT_TYPES, rank } from './model.ts';
import { OBJECT_INDEX, indexOf, type PolicyIndex } from './policy-index.ts';

export type FieldAccessMap = Record<string, FieldLevel>;

const EDIT = rank.field('edit');
const READ = rank.field('read');
const HIDDEN = rank.field('hidden');

/**
 * Per principal and object: the most permissive field level across the principal's roles that may
 * read the object (a role that does not mention a field gives `edit`, i.e. "follows the object"),
 * then the field's sensitivity and portal visibility. Independent of the record, so memoised.
 */
interface FieldBase {
  readonly names: readonly string[];
  readonly levels: Uint8Array;
}
const baseCache = new WeakMap<PolicyIndex, Map<string, FieldBase>>();

function fieldBase(
  index: PolicyIndex,
  principalId: string,
  object: ObjectType,
  record: CrmRecord,
): FieldBase {
  let perIndex = baseCache.get(index);
  if (!perIndex) {
    perIndex = new Map();
    baseCache.set(index, perIndex);
  }
  const key = `${principalId}\u0000${object}`;
  const known = perIndex.get(key);
  const settings = index.objects[OBJECT_INDEX[object]];
  // Record fields not in the object's settings are rare; they fall back to a per-call base.
  let hasExtra = false;
  for (const f in record.fields) {
    if (!(settings && Object.hasOwn(settings.fields, f))) {
      hasExtra = true;
      break;
    }
  }
  if (known && !hasExtra) return known;
  const configured = settings ? Object.keys(settings.fields) : [];
  const extra = hasExtra
    ? Object.keys(record.fields).filter((f) => !(settings && Object.hasOwn(settings.fields, f)))
    : [];
  const names = [...configured, ...extra];
  const levels = new Uint8Array(names.length);
  const ctx = index.principals.get(principalId);
  if (ctx) {
    const roles = ctx.user.roleIds
      .map((id) => index.roles.get(id))
      .filter((r) => r !== undefined && (r.objects[object]?.read ?? 'none') !== 'none');
    names.forEach((name, i) => {
      let best = HIDDEN;
      for (const role of roles) {
        const mentioned = role?.fields[object]?.[name];
        const level = mentioned === undefined ? EDIT : rank.field(mentioned);
        if (level > best) best = level;
      }
      const setting = settings?.fields[name];
      if (setting?.sensitivity && rank.sensitivity(setting.sensitivity) > ctx.clearance)
        best = HIDDEN;
      if (ctx.portal && setting?.internal) best = HIDDEN;
      levels[i] = best;
    });
  }
  const base = { names, levels };
  if (!hasExtra) perIndex.set(key, base);
  return base;
}

/**
 * Per field of the record: hidden, masked, read or edit (DESIGN.md section 3, step 4).
 * Capped by record access: unreadable → every field hidden; readable but not updatable → at most
 * read. `now` decides grants, as in `decide`.
 */
export function fieldAccess(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  object: ObjectType,
  record: CrmRecord,
  now: number,
): FieldAccessMap {
  const index = indexOf(policy);
  const base = fieldBase(index, principalId, object, record);
  const readable = checkAccess(index, principalId, 'read', record, now, null) === Outcome.Allow;
  const updatable =
    readable && checkAccess(index, principalId, 'update', record, now, null) === Outcome.Allow;
  return capped(base, !readable ? HIDDEN : updatable ? EDIT : READ);
}

/** The base levels, none above `cap`. */
function capped({ names, levels }: FieldBase, cap: number): FieldAccessMap {
  const out: FieldAccessMap = {};
  for (let i = 0; i < names.length; i++) {
    const level = Math.min(levels[i] ?? HIDDEN, cap);
    out[names[i] as string] = FIELD_LEVELS[level] as FieldLevel;
  }
  return out;
}

/**
 * The level of one field on any record of `object` the principal may read and update (on one they
 * may only read, at most `read`; on one they may not read, hidden): the field's base level, which
 * depends on the principal's roles, clearance and portal status, never on the record. `masked` or
 * `hidden` here means the principal reads the field in clear on no record at all, so a search or a
 * sort by it would tell them what they may not see.
 */
export function fieldLevelOf(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  object: ObjectType,
  field: string,
): FieldLevel {
  const index = indexOf(policy);
  const probe = { object, fields: { [field]: null } } as unknown as CrmRecord;
  const { names, levels } = fieldBase(index, principalId, object, probe);
  const i = names.indexOf(field);
  return FIELD_LEVELS[i < 0 ? HIDDEN : (levels[i] ?? HIDDEN)] as FieldLevel;
}

/**
 * Per field of a record about to be created: the field levels of `fieldAccess`, capped by the
 * right to create it instead of read/update (a new record has no history to read). Used to check
 * which fields a create may set: only `edit` fields.
 */
export function createFieldAccess(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  object: ObjectType,
  record: CrmRecord,
  now: number,
): FieldAccessMap {
  const index = indexOf(policy);
  const base = fieldBase(index, principalId, object, record);
  const creatable = checkAccess(index, principalId, 'create', record, now, null) === Outcome.Allow;
  return capped(base, creatable ? EDIT : HIDDEN);
}

/** Whether `object` is known. Guards callers that take object names from input. */
export function isObjectType(value: string): value is ObjectType {
  return (OBJECT_TYPES as readonly string[]).includes(value);
}
