import type {
  AccessLevel,
  DataScope,
  Locale,
  ObjectType,
  OrgWideDefault,
  RecordAction,
  Sensitivity,
  UserStatus,
} from './model.ts';
import type { ScopeRelation } from './access-core.ts';

/** A path that allowed the decision, as data. */
export type AllowReason =
  | {
      kind: 'scope';
      roleId: string;
      roleName: string;
      scope: DataScope;
      relation: ScopeRelation;
      ownerId: string | null;
      ownerName: string | null;
      departmentId: string | null;
      departmentName: string | null;
    }
  | { kind: 'org_default'; object: ObjectType; orgWideDefault: OrgWideDefault }
  | { kind: 'team'; customerId: string; access: AccessLevel }
  | { kind: 'sharing_rule'; ruleId: string; ruleName: string; access: 'read' | 'edit' }
  | {
      kind: 'grant';
      grantId: string;
      access: AccessLevel;
      expiresAt: number | null;
      via: { kind: 'user' } | { kind: 'group'; groupId: string; groupName: string };
    }
  | { kind: 'pool'; poolId: string; poolName: string };

/** The rule that denied the decision, as data. */
export type DenyReason =
  | { kind: 'unknown_principal' }
  | { kind: 'inactive'; status: UserStatus }
  | { kind: 'clearance'; clearance: Sensitivity; sensitivity: Sensitivity; onParent: boolean }
  | { kind: 'portal_object'; object: ObjectType }
  | { kind: 'portal_account' }
  | { kind: 'sod'; ruleId: string; ruleName: string }
  | { kind: 'no_privilege'; object: ObjectType; action: RecordAction }
  | { kind: 'parent_missing' }
  | { kind: 'no_path'; object: ObjectType; action: RecordAction };

export type ReasonKind = AllowReason['kind'] | DenyReason['kind'];

export interface Explanation {
  allowed: boolean;
  principalId: string;
  action: RecordAction;
  object: ObjectType;
  recordId: string;
  /** Every path that allowed it (empty when denied). */
  allowedBy: AllowReason[];
  /** The first rule that denied it (null when allowed). */
  deniedBy: DenyReason | null;
  /** The same, as sentences a person can read. */
  text: Record<Locale, string>;
}
