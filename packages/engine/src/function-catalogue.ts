import type { Locale } from './model.ts';

/** One function permission (功能权限) as every layer names it. */
export interface FunctionEntry {
  readonly name: string;
  /**
   * An administrative function: it administers the policy or acts across other users (ask on their
   * behalf, read the audit trail, view as them). A user who holds every admin function may change
   * their own roles; every other admin may not (the no-escalation rules, `escalation.ts`).
   */
  readonly admin: boolean;
  /** What it allows, for the API, the console and the documentation. */
  readonly description: Readonly<Record<Locale, string>>;
}

/**
 * The function permissions Custos knows: the one place they are written (ADR 0010). A role may name
 * only these (`validateModel` refuses anything else, naming the role's `functions[i]`), so a typo
 * such as `exprot` is an error rather than a silently useless permission. Business functions that
 * the CRM's own features check (`approve_discount`, `campaigns` …) are entries here too; a new one
 * is one entry. Pure data.
 */
export const FUNCTION_CATALOGUE = [
  {
    name: 'user_admin',
    admin: true,
    description: {
      'zh-CN': '管理部门、员工和用户组',
      'en-US': 'Administer departments, users and groups',
    },
  },
  {
    name: 'role_admin',
    admin: true,
    description: {
      'zh-CN': '管理角色、对象与字段设置、数据共享规则和临时授权',
      'en-US': 'Administer roles, object and field settings, sharing rules and grants',
    },
  },
  {
    name: 'authz_query',
    admin: true,
    description: {
      'zh-CN': '代他人查询权限(check、explain、lookup)',
      'en-US': 'Ask the authorization API on behalf of another user (check, explain, lookup)',
    },
  },
  {
    name: 'audit_view',
    admin: true,
    description: { 'zh-CN': '查看审计日志', 'en-US': 'Read the audit trail' },
  },
  {
    name: 'view_as',
    admin: true,
    description: {
      'zh-CN': '以其他员工的视角查看数据(只读,留审计)',
      'en-US': 'See the data as another user sees it (read only, audited)',
    },
  },
  {
    name: 'access_review_admin',
    admin: true,
    description: {
      'zh-CN': '创建和运行权限定期审查(审查活动、证据导出)',
      'en-US': 'Create and run access reviews (campaigns, evidence export)',
    },
  },
  {
    name: 'security_monitor',
    admin: true,
    description: {
      'zh-CN': '查看和确认安全告警,管理监控规则和 Webhook',
      'en-US': 'View and acknowledge security alerts, manage monitoring rules and webhooks',
    },
  },
  {
    name: 'backup_admin',
    admin: true,
    description: {
      'zh-CN': '管理数据备份(立即备份、查看和下载本租户的备份)',
      'en-US': "Manage backups (back up now, list and download the tenant's backups)",
    },
  },
  {
    name: 'encryption_admin',
    admin: true,
    description: {
      'zh-CN': '管理存储加密:加密字段、数据密钥轮换和重新加密进度',
      'en-US':
        'Manage encryption at rest: encrypted fields, data key rotation and re-encryption progress',
    },
  },
  {
    name: 'privacy_admin',
    admin: true,
    description: {
      'zh-CN':
        '处理数据主体请求(查阅、可携带副本、删除)和同意记录(GDPR/CCPA),不出售或共享标记,数据保留规则和法律保留',
      'en-US':
        'Handle data-subject requests (access, portability archive, erasure) and consents (GDPR/CCPA), do-not-sell flags, retention rules and legal holds',
    },
  },
  {
    name: 'declassify',
    admin: false,
    description: {
      'zh-CN': '降低记录的数据敏感级别(留审计)',
      'en-US': "Lower a record's sensitivity (declassification, audited)",
    },
  },
  {
    name: 'export',
    admin: false,
    description: { 'zh-CN': '批量导出数据', 'en-US': 'Export records in bulk' },
  },
  {
    name: 'import',
    admin: false,
    description: { 'zh-CN': '批量导入数据', 'en-US': 'Import records in bulk' },
  },
  {
    name: 'reveal_masked',
    admin: false,
    description: {
      'zh-CN': '查看脱敏字段的原值(每次留审计)',
      'en-US': 'Reveal the value of a masked field (each reveal audited)',
    },
  },
  {
    name: 'reports',
    admin: false,
    description: { 'zh-CN': '查看和制作报表', 'en-US': 'View and build reports' },
  },
  {
    name: 'campaigns',
    admin: false,
    description: { 'zh-CN': '管理市场活动', 'en-US': 'Manage marketing campaigns' },
  },
  {
    name: 'approve_discount',
    admin: false,
    description: { 'zh-CN': '审批折扣', 'en-US': 'Approve discounts' },
  },
  {
    name: 'approve_transfer',
    admin: false,
    description: { 'zh-CN': '审批客户转移', 'en-US': 'Approve customer transfers' },
  },
] as const satisfies readonly FunctionEntry[];

/** The name of a catalogued function permission. */
export type FunctionName = (typeof FUNCTION_CATALOGUE)[number]['name'];

const BY_NAME: ReadonlyMap<string, FunctionEntry> = new Map(
  FUNCTION_CATALOGUE.map((f) => [f.name, f]),
);

/** The catalogue entry of a function permission, or undefined for a name Custos does not know. */
export function functionEntry(name: string): FunctionEntry | undefined {
  return BY_NAME.get(name);
}

/** Whether `name` is a catalogued function permission. */
export function isKnownFunction(name: string): name is FunctionName {
  return BY_NAME.has(name);
}

/** The administrative functions, in catalogue order. */
export const ADMIN_FUNCTION_NAMES: readonly FunctionName[] = FUNCTION_CATALOGUE.filter(
  (f) => f.admin,
).map((f) => f.name);
