/**
 * Deterministic generator of a CRM permission model and records for the engine benchmark
 * (DESIGN.md section 8). Everything derives from `options.seed`; the same options give the same
 * dataset, byte for byte.
 */
import type {
  AccessLevel,
  CrmRecord,
  DataScope,
  Department,
  FieldLevel,
  FieldSetting,
  Grant,
  GrantTarget,
  Group,
  ObjectPermission,
  ObjectSettings,
  PolicyModel,
  Pool,
  RecordAction,
  Role,
  Sensitivity,
  SharingRule,
  SodRule,
  TeamMember,
  User,
} from '@custos/engine';
import { attachRecordFacts, splitGrants } from '@custos/engine';
import { createPrng, zipfWeights, type Prng } from './prng.ts';

export interface GenerateOptions {
  seed: number;
  /** Internal users (员工). */
  users: number;
  /** Portal users (客户门户用户), in addition to `users`. */
  portalUsers: number;
  /** Levels of the department tree, the root included. */
  departmentDepth: number;
  /** Children per department. */
  departmentBranching: number;
  /** Longest reporting line (汇报线), in people, the top included. */
  reportingDepth: number;
  roles: number;
  sharingRules: number;
  teamMemberships: number;
  customers: number;
  /** Children (deals, contacts) per customer, on average. */
  childRatio: number;
  /** Share of customers that are confidential. */
  confidentialRatio: number;
  /** Share of customers owned by one skewed owner. */
  skewedOwnerShare: number;
  grants: number;
  expiredGrantRatio: number;
  /** Share of customers that are unowned and sit in a public pool (公海). */
  poolRatio: number;
  /** Fields of the customer object (a "50-field row"). */
  customerFields: number;
  /** The fixed "now" of every decision (grants expire relative to it). */
  now: number;
}

export const DEFAULT_OPTIONS: Readonly<GenerateOptions> = Object.freeze({
  seed: 20_250_601,
  users: 10_000,
  portalUsers: 5_000,
  departmentDepth: 6,
  departmentBranching: 3,
  reportingDepth: 8,
  roles: 40,
  sharingRules: 50,
  teamMemberships: 200_000,
  customers: 200_000,
  childRatio: 0.25,
  confidentialRatio: 0.02,
  skewedOwnerShare: 0.05,
  grants: 20_000,
  expiredGrantRatio: 0.05,
  poolRatio: 0.03,
  customerFields: 50,
  now: Date.UTC(2025, 5, 1),
});

export interface Dataset {
  readonly options: GenerateOptions;
  /** The node-wide policy: scope grants only (record grants travel with their records). */
  readonly model: PolicyModel;
  /** Customer teams (facts of the customers: also on `records[i].team`). */
  readonly teams: readonly TeamMember[];
  /** Grants on one record (facts of the records: also on `records[i].grants`). */
  readonly recordGrants: readonly Grant[];
  readonly now: number;
  readonly customers: readonly CrmRecord[];
  /** Deals and contacts, each with `parent` set to its customer. */
  readonly children: readonly CrmRecord[];
  /** Customers, then children. */
  readonly records: readonly CrmRecord[];
  readonly internalUserIds: readonly string[];
  readonly portalUserIds: readonly string[];
  readonly ceoId: string;
  readonly skewedOwnerId: string;
  /** User id → reporting level (0 = the top). */
  readonly level: ReadonlyMap<string, number>;
  /** User id → the user and everyone who reports to them, directly or not. */
  readonly reportingSubtree: ReadonlyMap<string, readonly string[]>;
  /** User id → the user and every manager above them, nearest first. */
  readonly managerChain: ReadonlyMap<string, readonly string[]>;
  /** Owner id → indexes into `customers`. */
  readonly customersByOwner: ReadonlyMap<string, readonly number[]>;
  /** User id → indexes into `customers` whose team the user is on. */
  readonly teamCustomersByUser: ReadonlyMap<string, readonly number[]>;
  /** Customer id → its children. */
  readonly childrenByCustomer: ReadonlyMap<string, readonly CrmRecord[]>;
}

const DAY = 86_400_000;
const REGIONS = ['north', 'south', 'east', 'west', 'central', 'northeast', 'northwest', 'overseas'];
const INDUSTRIES = [
  'manufacturing',
  'retail',
  'finance',
  'healthcare',
  'education',
  'energy',
  'logistics',
  'software',
  'media',
  'government',
];
const TIERS = ['A', 'B', 'C', 'D'];
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

/** The named customer fields; generic `attr_NN` fields pad the object to `customerFields`. */
const NAMED_CUSTOMER_FIELDS: ReadonlyArray<readonly [string, FieldSetting]> = [
  ['name', { label: '客户名称' }],
  ['phone', { mask: 'phone', label: '电话' }],
  ['mobile', { mask: 'phone', label: '手机' }],
  ['email', { mask: 'email', label: '邮箱' }],
  ['id_number', { mask: 'id_number', sensitivity: 'confidential', label: '证件号' }],
  ['bank_account', { mask: 'bank_account', sensitivity: 'confidential', label: '银行账号' }],
  ['legal_rep', { mask: 'name', label: '法人代表' }],
  ['region', { label: '区域' }],
  ['industry', { label: '行业' }],
  ['tier', { label: '客户等级' }],
  ['annual_revenue', { label: '年营收' }],
  ['credit_limit', { sensitivity: 'confidential', label: '信用额度' }],
  ['status', { label: '状态' }],
  ['source', { label: '来源' }],
  ['internal_notes', { internal: true, label: '内部备注' }],
  ['address', { mask: 'text', label: '地址' }],
];
const CHILD_FIELDS: Readonly<Record<string, FieldSetting>> = {
  name: { label: '名称' },
  amount: { label: '金额' },
  stage: { label: '阶段' },
  phone: { mask: 'phone', label: '电话' },
  email: { mask: 'email', label: '邮箱' },
  notes: { internal: true, label: '备注' },
};

export function customerFieldNames(count: number): string[] {
  const names = NAMED_CUSTOMER_FIELDS.slice(0, count).map(([n]) => n);
  for (let i = names.length; i < count; i++) names.push(`attr_${String(i).padStart(2, '0')}`);
  return names;
}

function customerFieldSettings(count: number): Record<string, FieldSetting> {
  const out: Record<string, FieldSetting> = {};
  const named = new Map(NAMED_CUSTOMER_FIELDS);
  for (const name of customerFieldNames(count)) out[name] = named.get(name) ?? { label: name };
  return out;
}

/** Geometric level sizes: one at the top, `depth` levels, summing to `total`. */
function levelSizes(total: number, depth: number): number[] {
  const d = Math.max(1, Math.min(depth, total));
  if (d === 1) return [total];
  const sum = (r: number): number => {
    let s = 0;
    for (let l = 0; l < d - 1; l++) s += Math.max(1, Math.round(r ** l));
    return s + 1;
  };
  let lo = 1;
  let hi = total;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) > total) hi = mid;
    else lo = mid;
  }
  const sizes: number[] = [];
  for (let l = 0; l < d - 1; l++) sizes.push(Math.max(1, Math.round(lo ** l)));
  sizes.push(total - sizes.reduce((a, b) => a + b, 0));
  return sizes;
}

type ScopeRow = Partial<Record<RecordAction, DataScope>>;

interface RoleTemplate {
  key: string;
  name: string;
  customer: ScopeRow;
  children: ScopeRow;
  functions: string[];
}

const ALL_ACTIONS = (scope: DataScope): ScopeRow => ({
  read: scope,
  update: scope,
  delete: scope,
  create: scope,
  transfer: scope,
  share: scope,
  export: scope,
});

const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  {
    key: 'executive',
    name: '总经理',
    customer: ALL_ACTIONS('all'),
    children: ALL_ACTIONS('all'),
    functions: ['export', 'reveal_masked', 'reports'],
  },
  {
    key: 'director',
    name: '销售总监',
    customer: {
      read: 'department_tree',
      update: 'department_tree',
      create: 'department_tree',
      share: 'department_tree',
      transfer: 'department_tree',
      export: 'department_tree',
      delete: 'subordinates',
    },
    children: { read: 'department_tree', update: 'department_tree', create: 'department_tree' },
    functions: ['reports', 'reveal_masked'],
  },
  {
    key: 'manager',
    name: '销售经理',
    customer: {
      read: 'subordinates',
      update: 'subordinates',
      share: 'subordinates',
      transfer: 'subordinates',
      export: 'subordinates',
      create: 'own',
      delete: 'own',
    },
    children: { read: 'subordinates', update: 'subordinates', create: 'own' },
    functions: ['reports'],
  },
  {
    key: 'key_account',
    name: '大客户经理',
    customer: { read: 'department', update: 'department', create: 'own', share: 'own' },
    children: { read: 'department', update: 'department', create: 'own' },
    functions: [],
  },
  {
    key: 'rep',
    name: '销售代表',
    customer: { read: 'own', update: 'own', create: 'own', share: 'own' },
    children: { read: 'own', update: 'own', create: 'own' },
    functions: [],
  },
  {
    key: 'support',
    name: '客服专员',
    customer: { read: 'department_tree' },
    children: { read: 'department_tree', update: 'department' },
    functions: [],
  },
  {
    key: 'analyst',
    name: '数据分析师',
    customer: { read: 'all', export: 'all' },
    children: { read: 'all', export: 'all' },
    functions: ['export', 'reports'],
  },
  {
    key: 'auditor',
    name: '审计员',
    customer: { read: 'all' },
    children: { read: 'all' },
    functions: ['audit_view'],
  },
  {
    key: 'sales_ops',
    name: '销售运营',
    customer: { read: 'department_tree' },
    children: { read: 'department_tree' },
    functions: ['approve_transfer', 'reports'],
  },
  {
    key: 'portal',
    name: '门户联系人',
    customer: {},
    children: { read: 'all', create: 'own' },
    functions: [],
  },
];

/** Per variant: field permissions the role states explicitly (others follow the object). */
const FIELD_VARIANTS: ReadonlyArray<Record<string, FieldLevel>> = [
  { phone: 'masked', mobile: 'masked', id_number: 'hidden', bank_account: 'hidden' },
  { phone: 'read', email: 'masked', id_number: 'masked', credit_limit: 'read' },
  { bank_account: 'hidden', credit_limit: 'hidden', legal_rep: 'masked', tier: 'read' },
  {
    phone: 'masked',
    email: 'masked',
    mobile: 'masked',
    address: 'masked',
    internal_notes: 'hidden',
    annual_revenue: 'read',
    attr_20: 'read',
    attr_21: 'hidden',
  },
];

function buildRoles(count: number): Role[] {
  const roles: Role[] = [];
  const variants = Math.max(1, Math.ceil(count / ROLE_TEMPLATES.length));
  for (let v = 0; v < variants && roles.length < count; v++) {
    for (const t of ROLE_TEMPLATES) {
      if (roles.length >= count) break;
      const fields = { ...(FIELD_VARIANTS[v % FIELD_VARIANTS.length] ?? {}) };
      if (t.key === 'analyst' || t.key === 'auditor') {
        // Read-only roles see personal data masked.
        Object.assign(fields, { phone: 'masked', mobile: 'masked', email: 'masked' });
      }
      const children: ObjectPermission = t.children;
      roles.push({
        id: `role_${t.key}_${v}`,
        name: `${t.name}${v === 0 ? '' : ` ${v + 1}`}`,
        objects: { customer: t.customer, contact: children, deal: children },
        functions: [...t.functions],
        fields: {
          customer: fields,
          contact: t.key === 'portal' ? { notes: 'hidden', phone: 'read' } : { phone: 'masked' },
          deal: v % 2 === 0 ? { amount: 'read' } : {},
        },
      });
    }
  }
  return roles;
}

function makeFieldRow(prng: Prng, names: readonly string[], i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of names) {
    switch (name) {
      case 'name':
        row[name] = `客户 ${i}`;
        break;
      case 'phone':
      case 'mobile':
        row[name] = `13${prng.range(100_000_000, 999_999_999)}`;
        break;
      case 'email':
        row[name] = `contact${i}@example.com`;
        break;
      case 'id_number':
        row[name] = `1101011980${String(prng.range(10_000_000, 99_999_999))}`;
        break;
      case 'bank_account':
        row[name] = `6222${String(prng.range(100_000_000, 999_999_999))}${prng.range(1000, 9999)}`;
        break;
      case 'legal_rep':
        row[name] = prng.pick(['张伟', '王芳', '李娜', '刘洋', 'John Smith', 'Ana Lima']);
        break;
      case 'region':
        row[name] = prng.pick(REGIONS);
        break;
      case 'industry':
        row[name] = prng.pick(INDUSTRIES);
        break;
      case 'tier':
        row[name] = prng.pick(TIERS);
        break;
      case 'annual_revenue':
        row[name] = prng.range(100_000, 500_000_000);
        break;
      case 'credit_limit':
        row[name] = prng.range(0, 10_000_000);
        break;
      case 'status':
        row[name] = prng.pick(['active', 'dormant', 'churned']);
        break;
      case 'source':
        row[name] = prng.pick(['web', 'referral', 'event', 'cold_call']);
        break;
      case 'internal_notes':
        row[name] = 'VIP, handle with care';
        break;
      case 'address':
        row[name] = `${prng.range(1, 999)} Example Road`;
        break;
      default:
        row[name] = prng.chance(0.5) ? prng.range(0, 1000) : `v${prng.range(0, 99)}`;
    }
  }
  return row;
}

/** Generate the dataset. Deterministic in `options`. */
export function generateDataset(overrides: Partial<GenerateOptions> = {}): Dataset {
  const options: GenerateOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const root = createPrng(options.seed);
  const now = options.now;

  // --- Departments: a tree `departmentDepth` levels deep. -----------------------------------
  const departments: Department[] = [];
  const deptDepth = new Map<string, number>();
  const deptChildren = new Map<string, string[]>();
  {
    let frontier = ['d0'];
    departments.push({ id: 'd0', name: '总部', parentId: null });
    deptDepth.set('d0', 0);
    for (let depth = 1; depth < options.departmentDepth; depth++) {
      const next: string[] = [];
      for (const parent of frontier) {
        const kids: string[] = [];
        for (let k = 0; k < options.departmentBranching; k++) {
          const id = `${parent}.${k}`;
          departments.push({ id, name: `部门 ${id.slice(1)}`, parentId: parent });
          deptDepth.set(id, depth);
          kids.push(id);
          next.push(id);
        }
        deptChildren.set(parent, kids);
      }
      frontier = next;
    }
  }
  const deptById = new Map(departments.map((d) => [d.id, d]));
  /** The department's branch under the root (its first-level ancestor index), for variants. */
  const branchOf = (deptId: string): number => Number(deptId.split('.')[1] ?? 0);

  // --- Internal users: reporting lines `reportingDepth` deep. --------------------------------
  const prngUsers = root.fork();
  const sizes = levelSizes(options.users, options.reportingDepth);
  const users: User[] = [];
  const userById = new Map<string, User>();
  const level = new Map<string, number>();
  const levels: string[][] = [];
  const usersByDept = new Map<string, string[]>();
  const roles = buildRoles(options.roles);
  const roleIds = new Set(roles.map((r) => r.id));
  const variants = Math.max(1, Math.ceil(roles.length / ROLE_TEMPLATES.length));
  const roleFor = (key: string, variant: number): string => {
    for (let v = variant % variants; v >= 0; v--) {
      const id = `role_${key}_${v}`;
      if (roleIds.has(id)) return id;
    }
    return `role_${key}_0`;
  };
  let n = 0;
  sizes.forEach((size, l) => {
    const ids: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = `u${String(n++).padStart(5, '0')}`;
      let managerId: string | null = null;
      let departmentId = 'd0';
      if (l > 0) {
        managerId = prngUsers.pick(levels[l - 1] as string[]);
        const mDept = userById.get(managerId)?.departmentId ?? 'd0';
        departmentId = mDept;
        const target = Math.min(l, options.departmentDepth - 1);
        const kids = deptChildren.get(mDept);
        if ((deptDepth.get(mDept) ?? 0) < target && kids && prngUsers.chance(0.8)) {
          departmentId = prngUsers.pick(kids);
        }
      }
      const variant = branchOf(departmentId);
      const assigned: string[] = [];
      if (l === 0) assigned.push(roleFor('executive', 0));
      else if (l === 1) assigned.push(roleFor('director', variant));
      else if (l <= 3) assigned.push(roleFor('manager', variant));
      else if (l <= 5)
        assigned.push(roleFor(prngUsers.chance(0.6) ? 'manager' : 'key_account', variant));
      else if (l < sizes.length - 1)
        assigned.push(roleFor(prngUsers.chance(0.3) ? 'key_account' : 'rep', variant));
      else {
        const x = prngUsers.next();
        const key =
          x < 0.75
            ? 'rep'
            : x < 0.9
              ? 'support'
              : x < 0.95
                ? 'analyst'
                : x < 0.98
                  ? 'auditor'
                  : 'sales_ops';
        assigned.push(roleFor(key, variant));
      }
      if (l > 0 && prngUsers.chance(0.05)) {
        const extra = roleFor(
          prngUsers.pick(['analyst', 'auditor', 'sales_ops', 'support']),
          prngUsers.int(4),
        );
        if (!assigned.includes(extra)) assigned.push(extra);
      }
      const x = prngUsers.next();
      const status = l === 0 || x >= 0.03 ? 'active' : x < 0.02 ? 'suspended' : 'departed';
      const clearance: Sensitivity =
        l === 0
          ? 'restricted'
          : l <= 3 || prngUsers.chance(0.05)
            ? 'confidential'
            : prngUsers.chance(0.02)
              ? 'public'
              : 'internal';
      const user: User = {
        id,
        name: `员工 ${id}`,
        kind: 'internal',
        status,
        departmentId,
        managerId,
        roleIds: assigned,
        clearance,
      };
      users.push(user);
      userById.set(id, user);
      level.set(id, l);
      ids.push(id);
      const list = usersByDept.get(departmentId) ?? [];
      list.push(id);
      usersByDept.set(departmentId, list);
    }
    levels.push(ids);
  });
  const internalUserIds = users.map((u) => u.id);
  for (const [deptId, ids] of usersByDept) {
    const d = deptById.get(deptId);
    if (d) d.headId = ids[0] ?? null;
  }
  const ceoId = internalUserIds[0] as string;

  // Reporting subtrees and manager chains.
  const reports = new Map<string, string[]>();
  for (const u of users) {
    if (u.managerId === null) continue;
    const list = reports.get(u.managerId) ?? [];
    list.push(u.id);
    reports.set(u.managerId, list);
  }
  const reportingSubtree = new Map<string, string[]>();
  for (let l = levels.length - 1; l >= 0; l--) {
    for (const id of levels[l] as string[]) {
      const sub = [id];
      for (const r of reports.get(id) ?? []) sub.push(...(reportingSubtree.get(r) ?? [r]));
      reportingSubtree.set(id, sub);
    }
  }
  const managerChain = new Map<string, string[]>();
  for (const u of users) {
    const chain = [u.id];
    let m = u.managerId;
    while (m !== null && chain.length <= levels.length) {
      chain.push(m);
      m = userById.get(m)?.managerId ?? null;
    }
    managerChain.set(u.id, chain);
  }

  // --- Objects. -----------------------------------------------------------------------------
  const fieldNames = customerFieldNames(options.customerFields);
  const objects: ObjectSettings[] = [
    {
      object: 'customer',
      orgWideDefault: 'private',
      controlledByParent: false,
      portalExposed: false,
      fields: customerFieldSettings(options.customerFields),
    },
    {
      object: 'contact',
      orgWideDefault: 'private',
      controlledByParent: true,
      portalExposed: true,
      fields: { ...CHILD_FIELDS },
    },
    {
      object: 'deal',
      orgWideDefault: 'private',
      controlledByParent: true,
      portalExposed: false,
      fields: { ...CHILD_FIELDS },
    },
  ];

  // --- Customers. ---------------------------------------------------------------------------
  const prngRecords = root.fork();
  const rows = Array.from({ length: 1024 }, (_, i) => makeFieldRow(prngRecords, fieldNames, i));
  const childRows = Array.from({ length: 256 }, (_, i) => {
    const row: Record<string, unknown> = {};
    row.name = `记录 ${i}`;
    row.amount = prngRecords.range(1_000, 5_000_000);
    row.stage = prngRecords.pick(STAGES);
    row.phone = `13${prngRecords.range(100_000_000, 999_999_999)}`;
    row.email = `person${i}@example.com`;
    row.notes = 'follow up next week';
    return row;
  });
  // Owners: mostly front-line staff (levels ≥ 4), with a Zipf skew; managers own a few.
  const ownerCandidates = internalUserIds.filter((id) => (level.get(id) ?? 0) >= 1);
  for (let i = ownerCandidates.length - 1; i > 0; i--) {
    const j = prngRecords.int(i + 1);
    const t = ownerCandidates[i] as string;
    ownerCandidates[i] = ownerCandidates[j] as string;
    ownerCandidates[j] = t;
  }
  const ownerWeights = zipfWeights(ownerCandidates.length, 0.6);
  const frontLine = levels[Math.max(0, levels.length - 2)] ?? [ceoId];
  const skewedOwnerId =
    frontLine.find((id) => userById.get(id)?.status === 'active') ?? (frontLine[0] as string);
  const pools: Pool[] = [];
  const customers: CrmRecord[] = [];
  const customersByOwner = new Map<string, number[]>();
  for (let i = 0; i < options.customers; i++) {
    const id = `c${String(i).padStart(7, '0')}`;
    let ownerId: string | null;
    let poolId: string | null = null;
    const x = prngRecords.next();
    if (x < options.skewedOwnerShare) ownerId = skewedOwnerId;
    else if (x < options.skewedOwnerShare + options.poolRatio) {
      ownerId = null;
      poolId = `pool_${prngRecords.int(3)}`;
    } else ownerId = ownerCandidates[prngRecords.weighted(ownerWeights)] ?? ceoId;
    const sensitivity: Sensitivity = prngRecords.chance(options.confidentialRatio)
      ? 'confidential'
      : prngRecords.chance(0.05)
        ? 'public'
        : 'internal';
    const record: CrmRecord = {
      object: 'customer',
      id,
      customerId: id,
      ownerId,
      departmentId: ownerId === null ? null : (userById.get(ownerId)?.departmentId ?? null),
      sensitivity,
      createdById: ownerId,
      poolId,
      fields: rows[prngRecords.int(rows.length)] as Record<string, unknown>,
    };
    customers.push(record);
    if (ownerId !== null) {
      const list = customersByOwner.get(ownerId) ?? [];
      list.push(i);
      customersByOwner.set(ownerId, list);
    }
  }

  // --- Children (deals and contacts), controlled by their customer. ------------------------
  const children: CrmRecord[] = [];
  const childrenByCustomer = new Map<string, CrmRecord[]>();
  const childCount = Math.round(options.customers * options.childRatio);
  for (let i = 0; i < childCount; i++) {
    const parent = customers[prngRecords.int(customers.length)] as CrmRecord;
    const object = prngRecords.chance(0.6) ? 'deal' : 'contact';
    const ownerId = prngRecords.chance(0.8)
      ? parent.ownerId
      : (ownerCandidates[prngRecords.weighted(ownerWeights)] ?? null);
    const id = `${object === 'deal' ? 'dl' : 'ct'}${String(i).padStart(7, '0')}`;
    const child: CrmRecord = {
      object,
      id,
      customerId: parent.id,
      ownerId,
      departmentId: ownerId === null ? null : (userById.get(ownerId)?.departmentId ?? null),
      sensitivity: prngRecords.chance(0.01) ? 'confidential' : 'internal',
      createdById: ownerId,
      fields: childRows[prngRecords.int(childRows.length)] as Record<string, unknown>,
      parent,
    };
    children.push(child);
    const list = childrenByCustomer.get(parent.id) ?? [];
    list.push(child);
    childrenByCustomer.set(parent.id, list);
  }

  // --- Teams: most customers 0–3 members, a few with very many. ----------------------------
  const prngTeams = root.fork();
  const teams: TeamMember[] = [];
  const teamCustomersByUser = new Map<string, number[]>();
  const teamSets = new Map<number, Set<string>>();
  const activeUsers = internalUserIds;
  const accessOf = (): AccessLevel => {
    const x = prngTeams.next();
    return x < 0.5 ? 'read' : x < 0.9 ? 'edit' : 'manage';
  };
  const addMember = (ci: number, userId: string): boolean => {
    let set = teamSets.get(ci);
    if (!set) {
      set = new Set();
      teamSets.set(ci, set);
    }
    if (set.has(userId)) return false;
    set.add(userId);
    const c = customers[ci] as CrmRecord;
    teams.push({ customerId: c.id, userId, access: accessOf() });
    const list = teamCustomersByUser.get(userId) ?? [];
    list.push(ci);
    teamCustomersByUser.set(userId, list);
    return true;
  };
  const pickMember = (c: CrmRecord): string => {
    const local = c.departmentId === null ? undefined : usersByDept.get(c.departmentId);
    return local && prngTeams.chance(0.5) ? prngTeams.pick(local) : prngTeams.pick(activeUsers);
  };
  const hotCount = Math.max(1, Math.floor(options.customers * 0.01));
  const target = options.teamMemberships;
  const baseBudget = Math.floor(target * 0.8);
  for (let ci = hotCount; ci < customers.length && teams.length < baseBudget; ci++) {
    const x = prngTeams.next();
    const count = x < 0.55 ? 0 : x < 0.75 ? 1 : x < 0.9 ? 2 : 3;
    for (let k = 0; k < count; k++) addMember(ci, pickMember(customers[ci] as CrmRecord));
  }
  // The rest go to the first `hotCount` customers, Zipf-distributed.
  const hotWeights = zipfWeights(hotCount, 1);
  const maxMembers = Math.min(activeUsers.length, target);
  let guard = 0;
  while (teams.length < target && guard++ < target * 4) {
    const ci = prngTeams.weighted(hotWeights);
    if ((teamSets.get(ci)?.size ?? 0) >= maxMembers) continue;
    addMember(ci, pickMember(customers[ci] as CrmRecord));
  }

  // --- Groups. ------------------------------------------------------------------------------
  const prngPolicy = root.fork();
  const groups: Group[] = [];
  const deptGroups: string[] = [];
  for (const d of departments) {
    if ((deptDepth.get(d.id) ?? 0) > 3) continue;
    const id = `g_dept_${d.id}`;
    groups.push({
      id,
      name: `${d.name} 全体`,
      kind: 'department',
      departmentId: d.id,
      includeSubdepartments: true,
    });
    if ((deptDepth.get(d.id) ?? 0) >= 2) deptGroups.push(id);
  }
  if (deptGroups.length === 0) deptGroups.push(...groups.map((g) => g.id));
  const roleGroups: string[] = [];
  for (const role of roles) {
    const id = `g_role_${role.id}`;
    groups.push({ id, name: `角色 ${role.name}`, kind: 'role', roleId: role.id });
    if (!role.id.includes('executive') && !role.id.includes('portal')) roleGroups.push(id);
  }
  const publicGroups: string[] = [];
  for (let k = 0; k < 6; k++) {
    const id = `g_pub_${k}`;
    const userIds = new Set<string>();
    for (let j = 0; j < 20; j++) userIds.add(prngPolicy.pick(internalUserIds));
    groups.push({
      id,
      name: `项目组 ${k}`,
      kind: 'public',
      userIds: [...userIds],
      groupIds: k === 0 ? ['g_pub_1', 'g_pub_2'] : k === 3 ? ['g_pub_4'] : [],
    });
    publicGroups.push(id);
  }

  // --- Sharing rules. -----------------------------------------------------------------------
  const sharingRules: SharingRule[] = [];
  for (let k = 0; k < options.sharingRules; k++) {
    const target = prngPolicy.chance(0.4)
      ? prngPolicy.pick(deptGroups)
      : prngPolicy.chance(0.5)
        ? prngPolicy.pick(roleGroups)
        : prngPolicy.pick(publicGroups);
    const access = prngPolicy.chance(0.8) ? 'read' : 'edit';
    if (prngPolicy.chance(0.6)) {
      const x = prngPolicy.int(4);
      const criteria: SharingRule['source'] = {
        kind: 'criteria',
        criteria:
          x === 0
            ? [{ field: 'region', op: 'eq', value: prngPolicy.pick(REGIONS) }]
            : x === 1
              ? [
                  { field: 'industry', op: 'eq', value: prngPolicy.pick(INDUSTRIES) },
                  { field: 'tier', op: 'in', values: ['A', 'B'] },
                ]
              : x === 2
                ? [
                    { field: 'region', op: 'eq', value: prngPolicy.pick(REGIONS) },
                    { field: 'annual_revenue', op: 'gt', value: 100_000_000 },
                  ]
                : [
                    { field: 'annual_revenue', op: 'between', low: 1_000_000, high: 5_000_000 },
                    { field: 'status', op: 'eq', value: 'active' },
                  ],
      };
      sharingRules.push({
        id: `rule_${k}`,
        name: `共享规则 ${k}`,
        object: 'customer',
        source: criteria,
        targetGroupId: target,
        access,
      });
    } else {
      sharingRules.push({
        id: `rule_${k}`,
        name: `共享规则 ${k}`,
        object: 'customer',
        source: { kind: 'owner', ownerGroupId: prngPolicy.pick(deptGroups) },
        targetGroupId: target,
        access,
      });
    }
  }

  // --- Grants (5% expired). -----------------------------------------------------------------
  const grants: Grant[] = [];
  for (let k = 0; k < options.grants; k++) {
    // Temporary grants come from access requests: nearly all to one person, a few to a group
    // (a project group, sometimes a whole department).
    const subject: Grant['subject'] = prngPolicy.chance(0.98)
      ? { kind: 'user', userId: prngPolicy.pick(internalUserIds) }
      : {
          kind: 'group',
          groupId: prngPolicy.chance(0.7)
            ? prngPolicy.pick(publicGroups)
            : prngPolicy.pick(deptGroups),
        };
    const x = prngPolicy.next();
    const targetKind: GrantTarget =
      x < 0.85
        ? { kind: 'record', recordId: (prngPolicy.pick(customers) as CrmRecord).id }
        : x < 0.95
          ? { kind: 'owner', userId: prngPolicy.pick(internalUserIds) }
          : x < 0.998
            ? {
                kind: 'department',
                departmentId: (prngPolicy.pick(departments) as Department).id,
                includeSubdepartments: prngPolicy.chance(0.5),
              }
            : { kind: 'all' };
    const a = prngPolicy.next();
    const access: AccessLevel = a < 0.7 ? 'read' : a < 0.95 ? 'edit' : 'manage';
    const expired = prngPolicy.chance(options.expiredGrantRatio);
    const expiresAt = expired
      ? now - prngPolicy.range(1, 30) * DAY
      : prngPolicy.chance(0.75)
        ? now + prngPolicy.range(1, 90) * DAY
        : null;
    const startsAt =
      expiresAt !== null && (expired || prngPolicy.chance(0.2)) ? expiresAt - 60 * DAY : null;
    grants.push({
      id: `grant_${k}`,
      subject,
      object: 'customer',
      target: targetKind,
      access,
      startsAt,
      expiresAt,
      reason: 'bench',
    });
  }

  // --- Pools and SoD. -----------------------------------------------------------------------
  for (let k = 0; k < 3; k++) {
    const firstLevel = groups.find((g) => g.id === `g_dept_d0.${k}`);
    pools.push({
      id: `pool_${k}`,
      name: `公海 ${k}`,
      memberGroupIds: firstLevel ? [firstLevel.id] : [],
      memberUserIds: [prngPolicy.pick(internalUserIds)],
    });
  }
  const sodRules: SodRule[] = [
    {
      id: 'sod_export_audit',
      name: '导出与审计分离',
      left: { kind: 'function', name: 'export' },
      right: { kind: 'function', name: 'audit_view' },
    },
    {
      id: 'sod_transfer_approve',
      name: '转移与审批分离',
      left: { kind: 'object', object: 'customer', action: 'transfer' },
      right: { kind: 'function', name: 'approve_transfer' },
    },
  ];

  // --- Portal users (after customers: each belongs to one account). -----------------------
  const prngPortal = root.fork();
  const portalUserIds: string[] = [];
  const withChildren = [...childrenByCustomer.keys()];
  for (let k = 0; k < options.portalUsers; k++) {
    const id = `p${String(k).padStart(5, '0')}`;
    const account =
      withChildren.length > 0 && prngPortal.chance(0.9)
        ? prngPortal.pick(withChildren)
        : (prngPortal.pick(customers) as CrmRecord).id;
    users.push({
      id,
      name: `门户用户 ${id}`,
      kind: 'portal',
      status: prngPortal.chance(0.98) ? 'active' : 'suspended',
      departmentId: null,
      managerId: null,
      roleIds: [roleFor('portal', 0)],
      clearance: 'internal',
      portalAccountId: account,
    });
    portalUserIds.push(id);
  }

  const model: PolicyModel = {
    version: 1,
    tenant: { id: 'bench', name: 'Bench Co', defaultLocale: 'zh-CN' },
    departments,
    users,
    roles,
    objects,
    groups,
    sharingRules,
    grants: splitGrants(grants).scope,
    pools,
    sodRules,
  };
  const recordGrants = splitGrants(grants).record;
  attachRecordFacts([...customers, ...children], teams, recordGrants);
  return {
    options,
    model,
    teams,
    recordGrants,
    now,
    customers,
    children,
    records: [...customers, ...children],
    internalUserIds,
    portalUserIds,
    ceoId,
    skewedOwnerId,
    level,
    reportingSubtree,
    managerChain,
    customersByOwner,
    teamCustomersByUser,
    childrenByCustomer,
  };
}

/** The longest reporting line in people (a user without a manager is a line of one). */
export function maxReportingDepth(model: PolicyModel): number {
  const manager = new Map(model.users.map((u) => [u.id, u.managerId]));
  let max = 0;
  for (const u of model.users) {
    let depth = 1;
    let m = u.managerId;
    while (m !== null && m !== undefined && depth <= model.users.length) {
      depth++;
      m = manager.get(m) ?? null;
    }
    if (depth > max) max = depth;
  }
  return max;
}

/** The number of levels of the department tree. */
export function maxDepartmentDepth(model: PolicyModel): number {
  const parent = new Map(model.departments.map((d) => [d.id, d.parentId]));
  let max = 0;
  for (const d of model.departments) {
    let depth = 1;
    let p = d.parentId;
    while (p !== null && p !== undefined && depth <= model.departments.length) {
      depth++;
      p = parent.get(p) ?? null;
    }
    if (depth > max) max = depth;
  }
  return max;
}
