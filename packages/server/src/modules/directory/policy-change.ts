import type {
  Department,
  FieldSetting,
  Grant,
  Group,
  ObjectType,
  OrgWideDefault,
  PolicyModel,
  Role,
  Sensitivity,
  SharingRule,
  User,
} from '@custos/engine';

/**
 * What happens to the records a transferred user owns: `keep` moves them with the user to the new
 * department (归属部门), `transfer_to` hands them to a successor (and the successor's department).
 * `commitChange` does it in the change's transaction and audits the counts.
 */
export type OwnedRecordsOption = { mode: 'keep' } | { mode: 'transfer_to'; userId: string };

/** A member of a public group. */
export interface GroupMemberRef {
  kind: 'user' | 'group';
  id: string;
}

/**
 * Every admin change to a tenant's policy, as data. `kind` is also the audit action
 * (`user.transfer`, `role.update` …). `applyChange` turns the current model into the next one.
 */
export type PolicyChange =
  | { kind: 'department.create'; department: Department }
  | { kind: 'department.rename'; id: string; name: string }
  | { kind: 'department.move'; id: string; parentId: string | null }
  | { kind: 'department.set_head'; id: string; headId: string | null }
  | { kind: 'department.delete'; id: string }
  | { kind: 'user.create'; user: User }
  | {
      kind: 'user.update';
      id: string;
      name?: string;
      roleIds?: string[];
      clearance?: Sensitivity;
    }
  | {
      kind: 'user.transfer';
      id: string;
      departmentId: string;
      /** The new manager; absent = unchanged. */
      managerId?: string | null;
      ownedRecords: OwnedRecordsOption;
    }
  | { kind: 'user.set_manager'; id: string; managerId: string | null }
  | { kind: 'user.deactivate'; id: string; status: 'suspended' | 'departed' }
  | { kind: 'user.reactivate'; id: string }
  | { kind: 'role.create'; role: Role }
  | {
      kind: 'role.update';
      id: string;
      name?: string;
      /** Each given part replaces the role's part wholesale. */
      objects?: Role['objects'];
      functions?: string[];
      fields?: Role['fields'];
    }
  | { kind: 'role.delete'; id: string }
  | { kind: 'object.set_org_wide_default'; object: ObjectType; orgWideDefault: OrgWideDefault }
  | { kind: 'object.set_field'; object: ObjectType; field: string; setting: FieldSetting }
  | { kind: 'object.remove_field'; object: ObjectType; field: string }
  | { kind: 'sharing_rule.create'; rule: SharingRule }
  | { kind: 'sharing_rule.update'; rule: SharingRule }
  | { kind: 'sharing_rule.delete'; id: string }
  | { kind: 'group.create'; group: Group }
  | { kind: 'group.update'; group: Group }
  | { kind: 'group.delete'; id: string }
  | { kind: 'group.add_member'; id: string; member: GroupMemberRef }
  | { kind: 'group.remove_member'; id: string; member: GroupMemberRef }
  | { kind: 'grant.create'; grant: Grant }
  | { kind: 'grant.revoke'; id: string; reason?: string };

export type PolicyChangeKind = PolicyChange['kind'];

/** The result of applying a change: the next model and what to audit and answer. */
export interface ChangeOutcome {
  model: PolicyModel;
  /** The audit action, e.g. `user.transfer`. */
  action: string;
  /** The audit target, e.g. `user/u-1`. */
  target: string;
  /** The changed entity before the change (null when created). */
  before: unknown;
  /** The changed entity after the change (null when deleted). */
  after: unknown;
  /** What the API answers: the entity after the change, or the deleted one. */
  entity: unknown;
}
