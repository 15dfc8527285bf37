import type { AllowReason, DenyReason } from './explanation.ts';
import type {
  AccessLevel,
  DataScope,
  Locale,
  ObjectType,
  OrgWideDefault,
  RecordAction,
  Sensitivity,
} from './model.ts';
import { OBJECT_TYPES } from './model.ts';
import { objectName, type ObjectNames } from './object-catalogue.ts';

/** Words for explanations, in every supported locale; object names come from the catalogue. */
const namesOf = (locale: Locale, count: keyof ObjectNames): Record<ObjectType, string> =>
  Object.fromEntries(OBJECT_TYPES.map((o) => [o, objectName(o, locale, count)])) as Record<
    ObjectType,
    string
  >;
const OBJECT: Record<Locale, Record<ObjectType, string>> = {
  'zh-CN': namesOf('zh-CN', 'one'),
  'en-US': namesOf('en-US', 'one'),
};
const OBJECTS_EN: Record<ObjectType, string> = namesOf('en-US', 'many');
const ACTION: Record<Locale, Record<RecordAction, string>> = {
  'zh-CN': {
    read: '读取',
    update: '编辑',
    delete: '删除',
    create: '新建',
    transfer: '转移',
    share: '共享',
    export: '导出',
  },
  'en-US': {
    read: 'read',
    update: 'update',
    delete: 'delete',
    create: 'create',
    transfer: 'transfer',
    share: 'share',
    export: 'export',
  },
};
/** The name of a record action in a locale (读取 / read …), as the explanations say it. */
export function actionName(action: RecordAction, locale: Locale): string {
  return ACTION[locale][action];
}

const SCOPE_ZH: Record<DataScope, string> = {
  none: '',
  own: '自己负责的',
  subordinates: '下属的',
  department: '本部门的',
  department_tree: '本部门及下级部门的',
  all: '全部',
};
const SCOPE_EN: Record<DataScope, string> = {
  none: '',
  own: 'your own',
  subordinates: "your subordinates'",
  department: "your department's",
  department_tree: "your department tree's",
  all: 'all',
};
const ACCESS: Record<Locale, Record<AccessLevel, string>> = {
  'zh-CN': { read: '只读', edit: '读写', manage: '管理' },
  'en-US': { read: 'read', edit: 'edit', manage: 'manage' },
};
const OWD: Record<Locale, Record<OrgWideDefault, string>> = {
  'zh-CN': { private: '私有', public_read: '公开只读', public_read_write: '公开读写' },
  'en-US': {
    private: 'private',
    public_read: 'public read-only',
    public_read_write: 'public read/write',
  },
};
const SENSITIVITY: Record<Locale, Record<Sensitivity, string>> = {
  'zh-CN': { public: '公开', internal: '内部', confidential: '机密', restricted: '绝密' },
  'en-US': {
    public: 'public',
    internal: 'internal',
    confidential: 'confidential',
    restricted: 'restricted',
  },
};

function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export interface TextContext {
  action: RecordAction;
  /** The object the principal asked about. */
  object: ObjectType;
  /** The object the paths were evaluated on (the customer, for a child controlled by it). */
  targetObject: ObjectType;
}

export function allowText(locale: Locale, r: AllowReason, c: TextContext): string {
  const zh = locale === 'zh-CN';
  const obj = OBJECT[locale][c.object];
  const target = OBJECT[locale][c.targetObject];
  const act = ACTION[locale][c.action];
  switch (r.kind) {
    case 'scope': {
      const head = zh
        ? `你的角色「${r.roleName}」可${act}${SCOPE_ZH[r.scope]}${obj}`
        : `Your role “${r.roleName}” may ${act} ${SCOPE_EN[r.scope]} ${OBJECTS_EN[c.object]}`;
      const owner = r.ownerName ?? r.ownerId ?? '';
      const dept = r.departmentName ?? r.departmentId ?? '';
      switch (r.relation) {
        case 'owner':
          return zh ? `${head};你是该${target}的负责人` : `${head}; you own this ${target}`;
        case 'subordinate':
          return zh
            ? `${head};该${target}负责人 ${owner} 向你汇报`
            : `${head}; the ${target}'s owner ${owner} reports to you`;
        case 'department':
          return zh
            ? `${head};该${target}归属你的部门「${dept}」`
            : `${head}; the ${target} belongs to your department “${dept}”`;
        case 'department_tree':
          return zh
            ? `${head};该${target}归属的部门「${dept}」在你的部门之下`
            : `${head}; the ${target} belongs to “${dept}”, below your department`;
        case 'all':
          return head;
        case 'portal_account':
          return zh
            ? `你的角色「${r.roleName}」可${act}本客户账户的全部${obj}`
            : `Your role “${r.roleName}” may ${act} all ${OBJECTS_EN[c.object]} of your customer account`;
        case 'portal_own':
          return zh
            ? `你的角色「${r.roleName}」可${act}自己提交的${obj};该记录由你创建或你是其联系人`
            : `Your role “${r.roleName}” may ${act} your own ${OBJECTS_EN[c.object]}; you created this one or are its contact`;
      }
      break;
    }
    case 'org_default':
      return zh
        ? `${OBJECT[locale][r.object]}的基础数据权限为「${OWD[locale][r.orgWideDefault]}」`
        : `The org-wide default for ${OBJECTS_EN[r.object]} is ${OWD[locale][r.orgWideDefault]}`;
    case 'team':
      return zh
        ? `你是该客户相关团队的成员(${ACCESS[locale][r.access]}权限)`
        : `You are on the customer's team with ${ACCESS[locale][r.access]} access`;
    case 'sharing_rule':
      return zh
        ? `共享规则「${r.ruleName}」将该${target}以${ACCESS[locale][r.access]}权限共享给你所在的组`
        : `Sharing rule “${r.ruleName}” shares this ${target} with a group you belong to (${ACCESS[locale][r.access]})`;
    case 'grant': {
      const until =
        r.expiresAt === null
          ? zh
            ? '长期有效'
            : 'no expiry'
          : zh
            ? `有效至 ${isoDate(r.expiresAt)}`
            : `valid until ${isoDate(r.expiresAt)}`;
      const via =
        r.via.kind === 'user'
          ? ''
          : zh
            ? `,授予你所在的组「${r.via.groupName}」`
            : `, given to your group “${r.via.groupName}”`;
      return zh
        ? `临时授权 ${r.grantId}(${ACCESS[locale][r.access]}权限,${until}${via})`
        : `Grant ${r.grantId} (${ACCESS[locale][r.access]} access, ${until}${via})`;
    }
    case 'pool':
      return zh
        ? `该客户在你所属的公海「${r.poolName}」中`
        : `The customer is in the public pool “${r.poolName}”, which you belong to`;
  }
  return '';
}

export function denyText(locale: Locale, r: DenyReason, c: TextContext): string {
  const zh = locale === 'zh-CN';
  const obj = OBJECT[locale][c.object];
  const act = ACTION[locale][c.action];
  switch (r.kind) {
    case 'unknown_principal':
      return zh ? '未知用户,一律拒绝' : 'Unknown user; everything is denied';
    case 'inactive': {
      const status = zh
        ? r.status === 'departed'
          ? '已离职'
          : '已停用'
        : r.status === 'departed'
          ? 'departed'
          : 'suspended';
      return zh ? `该用户${status},一律拒绝` : `The user is ${status}; everything is denied`;
    }
    case 'clearance': {
      const what = r.onParent ? (zh ? '所属客户' : "record's customer") : zh ? '该记录' : 'record';
      return zh
        ? `${what}的敏感级别「${SENSITIVITY[locale][r.sensitivity]}」高于你的权限级别「${SENSITIVITY[locale][r.clearance]}」`
        : `The ${what} is ${SENSITIVITY[locale][r.sensitivity]}, above your clearance (${SENSITIVITY[locale][r.clearance]})`;
    }
    case 'portal_object':
      return zh
        ? `客户门户不开放${OBJECT[locale][r.object]}`
        : `${OBJECTS_EN[r.object]} are not exposed to the customer portal`;
    case 'portal_account':
      return zh
        ? '该记录不属于你的客户账户'
        : 'The record does not belong to your customer account';
    case 'sod':
      return zh
        ? `职责分离规则「${r.ruleName}」:你同时持有两项互斥的权限,二者均被拒绝`
        : `Separation-of-duties rule “${r.ruleName}”: you hold both conflicting permissions, so both are denied`;
    case 'no_privilege':
      return zh
        ? `你的角色没有${act}${OBJECT[locale][r.object]}的权限`
        : `None of your roles may ${act} ${OBJECTS_EN[r.object]}`;
    case 'parent_missing':
      return zh
        ? '未提供该记录所属的客户,无法判断'
        : "The record's customer was not given, so access cannot be decided";
    case 'no_path':
      return zh
        ? `没有任何途径允许你${act}该${obj}:数据范围、基础数据权限、相关团队、共享规则、临时授权和公海都不覆盖它`
        : `No access path lets you ${act} this ${obj}: no scope, org-wide default, team, sharing rule, grant or pool covers it`;
  }
}
