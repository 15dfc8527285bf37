import {
  CLOSED,
  DepartmentSchema,
  FieldSettingSchema,
  GrantSchema,
  ObjectSettingsSchema,
  ObjectTypeSchema,
  SodRuleSchema,
  Tagged,
  UserSchema,
} from '@custos/engine';
import Type, { type Static, type TProperties } from 'typebox';
import {
  DEACTIVATED_STATUS,
  FIELD_NAME,
  GRANT_INPUT,
  GROUP_MEMBER,
  ID,
  NAME,
  NULLABLE_ID,
  REASON,
  ROLE,
  ROLE_UPDATE,
  RULE,
  UNIQUE_IDS,
  USER_UPDATE,
  WHOLE_GROUP,
} from './directory-schemas.ts';

/**
 * The JSON schema of a `PolicyChange` (`policy-change.ts`, whose types derive from it): what
 * `POST /v1/admin/changes` commits and `POST /v1/admin/changes/preview` previews, as a batch. A
 * change names every id (no id is generated), so a later change of a batch can refer to an entity
 * an earlier one creates; an entity a change creates or replaces is whole, as the engine's model
 * schema describes it. Closed objects: a misspelt property is a 400 naming it.
 */
function change<Kind extends string, Properties extends TProperties>(
  kind: Kind,
  properties: Properties,
) {
  return Type.Object({ kind: Type.Literal(kind), ...properties }, CLOSED);
}

/** What happens to the records a transferred user owns. */
export const OWNED_RECORDS = Tagged('mode', [
  Type.Object({ mode: Type.Literal('keep') }, CLOSED),
  Type.Object({ mode: Type.Literal('transfer_to'), userId: ID }, CLOSED),
]);

/** A whole user, as `user.create` carries it: its roles bounded. */
const USER = Type.Object({ ...UserSchema.properties, roleIds: UNIQUE_IDS }, CLOSED);

export const POLICY_CHANGE = Tagged('kind', [
  change('department.create', { department: DepartmentSchema }),
  change('department.rename', { id: ID, name: NAME }),
  change('department.move', { id: ID, parentId: NULLABLE_ID }),
  change('department.set_head', { id: ID, headId: NULLABLE_ID }),
  change('department.delete', { id: ID }),
  change('user.create', { user: USER }),
  change('user.update', { id: ID, ...USER_UPDATE.properties }),
  change('user.transfer', {
    id: ID,
    departmentId: ID,
    managerId: Type.Optional(
      Type.Union([ID, Type.Null()], { description: 'The new manager; absent = unchanged' }),
    ),
    ownedRecords: OWNED_RECORDS,
  }),
  change('user.set_manager', { id: ID, managerId: NULLABLE_ID }),
  change('user.deactivate', { id: ID, status: DEACTIVATED_STATUS }),
  change('user.reactivate', { id: ID }),
  change('role.create', { role: ROLE }),
  // Each given part replaces the role's part wholesale.
  change('role.update', { id: ID, ...ROLE_UPDATE.properties }),
  change('role.delete', { id: ID }),
  change('object.set_org_wide_default', {
    object: ObjectTypeSchema,
    orgWideDefault: ObjectSettingsSchema.properties.orgWideDefault,
  }),
  change('object.set_field', {
    object: ObjectTypeSchema,
    field: FIELD_NAME,
    setting: FieldSettingSchema,
  }),
  change('object.remove_field', { object: ObjectTypeSchema, field: FIELD_NAME }),
  change('sharing_rule.create', { rule: RULE }),
  change('sharing_rule.update', { rule: RULE }),
  change('sharing_rule.delete', { id: ID }),
  change('group.create', { group: WHOLE_GROUP }),
  change('group.update', { group: WHOLE_GROUP }),
  change('group.delete', { id: ID }),
  change('group.add_member', { id: ID, member: GROUP_MEMBER }),
  change('group.remove_member', { id: ID, member: GROUP_MEMBER }),
  change('grant.create', { grant: GrantSchema }),
  change('grant.revoke', { id: ID, reason: Type.Optional(REASON) }),
  change('sod_rule.create', { rule: SodRuleSchema }),
  change('sod_rule.update', { rule: SodRuleSchema }),
  change('sod_rule.delete', { id: ID }),
]);

/** `grant.create` as a request may send it: the grant's times as ms or ISO 8601 (`timeOf`). */
const GRANT_CREATE_INPUT = change('grant.create', { grant: GRANT_INPUT });
export type GrantCreateInput = Static<typeof GRANT_CREATE_INPUT>;

/** A change as a request sends it: a `PolicyChange`, except that a grant's times may be ISO 8601. */
export type PolicyChangeInput = Static<typeof POLICY_CHANGE> | GrantCreateInput;

/** The request form of `POLICY_CHANGE`: the same variants, `grant.create` taking ISO 8601 times. */
export const POLICY_CHANGE_INPUT = Type.Unsafe<PolicyChangeInput>({
  ...POLICY_CHANGE,
  oneOf: POLICY_CHANGE.oneOf.map((variant) =>
    variant.properties.kind.const === 'grant.create' ? GRANT_CREATE_INPUT : variant,
  ),
});

/** A batch: 1 … 500 changes, committed (or previewed) as one. */
export const CHANGE_BATCH = Type.Object(
  {
    changes: Type.Array(POLICY_CHANGE_INPUT, { minItems: 1, maxItems: 500 }),
    /** Why (kept with a change that waits for a second administrator: four eyes). */
    reason: Type.Optional(REASON),
  },
  CLOSED,
);
