import {
  decide,
  fieldAccess,
  mask,
  type FieldAccessMap,
  type FieldLevel,
  type RecordAction,
} from '@custos/engine';
import {
  CryptoError,
  isSealed,
  maskedForm,
  openForReader,
  type Database,
  type StoredRecord,
} from '@custos/store';
import type { RequestContext } from '../../http/request-context.ts';

/** What the caller may do with a record, beyond reading it (for the console's buttons). */
export type RecordPermissions = Record<Exclude<RecordAction, 'read' | 'create'>, boolean>;

/** A record as the API returns it: hidden fields absent, masked fields masked. */
export interface RecordView {
  id: string;
  object: StoredRecord['object'];
  customerId: string;
  /** Absent for a portal user (internal owners and departments are not theirs to see). */
  ownerId?: string | null;
  departmentId?: string | null;
  sensitivity: StoredRecord['sensitivity'];
  updatedAt: string;
  fields: Record<string, unknown>;
  /** Fields shown masked (their values above are masked). */
  maskedFields: string[];
  permissions: RecordPermissions;
  /**
   * Per field: hidden, masked, read or edit (single-record answers only). A portal user's lists
   * only the fields they see: the names of the others are internal too.
   */
  fieldLevels?: FieldAccessMap;
  /** The fields stored encrypted at rest (single-record answers only; docs/encryption.md). */
  encryptedFields?: string[];
}

const OTHER_ACTIONS = ['update', 'delete', 'transfer', 'share', 'export'] as const;

/**
 * Render a record the caller may read, per `fieldAccess`: a hidden field is absent, a masked one
 * is masked with the field's mask kind (`text` when none is set), the rest as stored. A portal
 * user is shown no internal owner or department and no name of a field hidden from them.
 */
/** Records as `ctx` may see them, encrypted fields opened only where it reads them in clear. */
export async function openRecords<R extends StoredRecord>(
  db: Database['db'],
  ctx: RequestContext,
  records: readonly R[],
): Promise<R[]> {
  return openForReader(db, ctx, records);
}

export function viewRecord(
  ctx: RequestContext,
  record: StoredRecord,
  options: { withFieldLevels?: boolean } = {},
): RecordView {
  const levels = fieldAccess(ctx.index, ctx.userId, record.object, record, ctx.now);
  const settings = ctx.model.objects.find((o) => o.object === record.object)?.fields ?? {};
  const fields: Record<string, unknown> = {};
  const maskedFields: string[] = [];
  for (const [name, value] of Object.entries(record.fields)) {
    const level: FieldLevel = (Object.hasOwn(levels, name) ? levels[name] : undefined) ?? 'hidden';
    if (level === 'hidden') continue;
    if (level === 'masked') {
      // An encrypted field is shown its masked form kept beside the ciphertext: never opened.
      fields[name] =
        value === null || value === undefined
          ? value
          : isSealed(value)
            ? maskedForm(value)
            : mask(value, settings[name]?.mask ?? 'text');
      maskedFields.push(name);
    } else if (isSealed(value)) {
      // The read path opens what the caller reads (`openForReader`): a sealed value here is a bug,
      // never shown as ciphertext and never a silent fallback.
      throw new CryptoError(
        'DECRYPT_FAILED',
        `${record.object}/${record.id} ${name} was not opened`,
        {
          field: name,
        },
      );
    } else {
      fields[name] = value;
    }
  }
  const portal = ctx.index.users.get(ctx.userId)?.kind === 'portal';
  const permissions = Object.fromEntries(
    OTHER_ACTIONS.map((a) => [a, decide(ctx.index, ctx.userId, a, record, ctx.now)]),
  ) as RecordPermissions;
  return {
    id: record.id,
    object: record.object,
    customerId: record.customerId,
    ...(portal ? {} : { ownerId: record.ownerId, departmentId: record.departmentId }),
    sensitivity: record.sensitivity,
    updatedAt: record.updatedAt,
    fields,
    maskedFields,
    permissions,
    ...(options.withFieldLevels === true
      ? {
          fieldLevels: portal ? visibleLevels(levels) : levels,
          encryptedFields: Object.entries(settings)
            .filter(([name, s]) => s.encrypted === true && (levels[name] ?? 'hidden') !== 'hidden')
            .map(([name]) => name),
        }
      : {}),
  };
}

/** The levels of the fields that are not hidden. */
function visibleLevels(levels: FieldAccessMap): FieldAccessMap {
  return Object.fromEntries(Object.entries(levels).filter(([, level]) => level !== 'hidden'));
}

/**
 * A record's name as `ctx` sees it (hidden: undefined; masked: masked), for surfaces that show
 * only the name: `name` is never encrypted (it is mirrored in an indexed column), so nothing is
 * opened.
 */
export function visibleName(ctx: RequestContext, record: StoredRecord): unknown {
  const levels = fieldAccess(ctx.index, ctx.userId, record.object, record, ctx.now);
  const level = (Object.hasOwn(levels, 'name') ? levels.name : undefined) ?? 'hidden';
  const value = record.fields.name;
  if (level === 'hidden' || isSealed(value)) return undefined;
  if (level === 'masked' && value !== null && value !== undefined) {
    const settings = ctx.model.objects.find((o) => o.object === record.object)?.fields ?? {};
    return mask(value, settings.name?.mask ?? 'text');
  }
  return value;
}
