import type {
  CrmRecord,
  Department,
  Grant,
  Group,
  ObjectSettings,
  PolicyModel,
  Role,
  Sensitivity,
  SharingRule,
  TeamMember,
  User,
} from '@custos/engine';
import { FUNCTION_CATALOGUE, attachRecordFacts, splitGrants } from '@custos/engine';
import { createPrng, type Prng } from './prng.ts';

/**
 * 云杉科技有限公司 (Yunshan Technology): the bilingual demo company. Pure and deterministic: the
 * same options always give the same model and records; no I/O, no clock reads (`now` is given).
 */

export interface DemoCompanyOptions {
  /** Number of customers; default 5,000. At least 2 (the first two are the portal accounts). */
  customers?: number;
  /** PRNG seed; default 20260601. */
  seed?: number;
  /**
   * Total number of users, portal users included; default (and minimum) `DEMO_DEFAULT_USERS`.
   * Users beyond the default are extra sales reps (销售代表), spread round-robin over the three
   * regional sales teams, who then own their share of the customers.
   */
  users?: number;
  /** "Now", ms since the Unix epoch: dates and grant expiries are relative to it. */
  now: number;
}

export interface DemoLogin {
  userId: string;
  email: string;
  name: string;
  /** Name of the user's (first) role. */
  role: string;
  password: string;
}

/** A demo record: the engine's record and the time of its last change (ISO 8601). */
export interface DemoRecord extends CrmRecord {
  updatedAt: string;
}

export interface DemoCompany {
  model: PolicyModel;
  records: DemoRecord[];
  logins: DemoLogin[];
}

/** The one password of every demo login. */
export const DEMO_PASSWORD = 'Custos-Demo-2026';
export const DEMO_TENANT_ID = 'yunshan';
export const DEMO_DEFAULT_CUSTOMERS = 5000;
export const DEMO_DEFAULT_SEED = 20260601;
/** The named staff, the named sales reps and the two portal users. */
export const DEMO_DEFAULT_USERS = 60;
/** Used only when no options are given: 2026-06-01T00:00:00Z. */
const DEFAULT_NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const STAFF_DOMAIN = 'yunshan.example';
const POOL_ID = 'pool-public';

export const DEMO_ROLE_IDS = {
  admin: 'sys-admin',
  director: 'sales-director',
  manager: 'sales-manager',
  rep: 'sales-rep',
  service: 'customer-service',
  finance: 'finance',
  marketing: 'marketing',
  auditor: 'auditor',
  portal: 'portal-customer',
} as const;
const R = DEMO_ROLE_IDS;

// ---------------------------------------------------------------------------------------------
// Organisation

type RegionKey = 'east' | 'north' | 'south';
const REGIONS: Record<RegionKey, { label: string; dept: string }> = {
  east: { label: '华东', dept: 'sales-east' },
  north: { label: '华北', dept: 'sales-north' },
  south: { label: '华南', dept: 'sales-south' },
};

const DEPARTMENTS: Department[] = [
  { id: 'yunshan', name: '云杉科技', parentId: null, headId: 'zhangjianguo' },
  { id: 'gm-office', name: '总经办', parentId: 'yunshan', headId: 'zhangjianguo' },
  { id: 'sales', name: '销售部', parentId: 'yunshan', headId: 'wangzhiqiang' },
  { id: 'sales-east', name: '华东大区', parentId: 'sales', headId: 'hanmeimei' },
  { id: 'sales-north', name: '华北大区', parentId: 'sales', headId: 'zhaolei' },
  { id: 'sales-south', name: '华南大区', parentId: 'sales', headId: 'huangxiaoyan' },
  { id: 'service', name: '客服部', parentId: 'yunshan', headId: 'yuxiao' },
  { id: 'finance', name: '财务部', parentId: 'yunshan', headId: 'shenlijuan' },
  { id: 'marketing', name: '市场部', parentId: 'yunshan', headId: 'zhongkai' },
];

/** [name, family pinyin, given pinyin, department, manager id, roles, clearance]. */
type StaffRow = [string, string, string, string, string | null, string[], Sensitivity];

const GM = 'zhangjianguo';
const DIRECTOR = 'wangzhiqiang';
const MANAGERS: Record<RegionKey, string> = {
  east: 'hanmeimei',
  north: 'zhaolei',
  south: 'huangxiaoyan',
};

const STAFF: StaffRow[] = [
  ['张建国', 'zhang', 'jianguo', 'gm-office', null, [R.auditor], 'restricted'],
  ['周敏', 'zhou', 'min', 'gm-office', GM, [R.admin], 'confidential'],
  ['吴昊', 'wu', 'hao', 'gm-office', 'zhoumin', [R.admin], 'confidential'],
  ['郑秀英', 'zheng', 'xiuying', 'gm-office', GM, [R.auditor], 'confidential'],
  ['孙丽', 'sun', 'li', 'gm-office', 'zhengxiuying', [R.auditor], 'internal'],
  ['王志强', 'wang', 'zhiqiang', 'sales', GM, [R.director], 'confidential'],
  ['韩梅梅', 'han', 'meimei', 'sales-east', DIRECTOR, [R.manager], 'confidential'],
  ['赵磊', 'zhao', 'lei', 'sales-north', DIRECTOR, [R.manager], 'confidential'],
  ['黄晓燕', 'huang', 'xiaoyan', 'sales-south', DIRECTOR, [R.manager], 'confidential'],
  ['余晓', 'yu', 'xiao', 'service', GM, [R.service], 'confidential'],
  ['杜鹃', 'du', 'juan', 'service', 'yuxiao', [R.service], 'internal'],
  ['叶青', 'ye', 'qing', 'service', 'yuxiao', [R.service], 'internal'],
  ['程亮', 'cheng', 'liang', 'service', 'yuxiao', [R.service], 'internal'],
  ['苏畅', 'su', 'chang', 'service', 'yuxiao', [R.service], 'internal'],
  ['魏然', 'wei', 'ran', 'service', 'yuxiao', [R.service], 'internal'],
  ['吕娜', 'lv', 'na', 'service', 'yuxiao', [R.service], 'internal'],
  ['丁宁', 'ding', 'ning', 'service', 'yuxiao', [R.service], 'internal'],
  ['沈丽娟', 'shen', 'lijuan', 'finance', GM, [R.finance], 'confidential'],
  ['姚远', 'yao', 'yuan', 'finance', 'shenlijuan', [R.finance], 'internal'],
  ['卢静', 'lu', 'jing', 'finance', 'shenlijuan', [R.finance], 'internal'],
  ['姜华', 'jiang', 'hua', 'finance', 'shenlijuan', [R.finance], 'internal'],
  ['崔莹', 'cui', 'ying', 'finance', 'shenlijuan', [R.finance], 'internal'],
  ['钟凯', 'zhong', 'kai', 'marketing', GM, [R.marketing], 'confidential'],
  ['汪洋', 'wang', 'yang', 'marketing', 'zhongkai', [R.marketing], 'internal'],
  ['任佳', 'ren', 'jia', 'marketing', 'zhongkai', [R.marketing], 'internal'],
  ['陆薇', 'lu', 'wei', 'marketing', 'zhongkai', [R.marketing], 'internal'],
  ['范冰', 'fan', 'bing', 'marketing', 'zhongkai', [R.marketing], 'internal'],
];

/** Sales reps per region: [name, family pinyin, given pinyin]. */
const REPS: Record<RegionKey, [string, string, string][]> = {
  east: [
    ['李雷', 'li', 'lei'],
    ['张伟', 'zhang', 'wei'],
    ['刘洋', 'liu', 'yang'],
    ['陈静', 'chen', 'jing'],
    ['杨帆', 'yang', 'fan'],
    ['徐婷', 'xu', 'ting'],
    ['朱明', 'zhu', 'ming'],
    ['胡斌', 'hu', 'bin'],
    ['高翔', 'gao', 'xiang'],
    ['林芳', 'lin', 'fang'],
    ['何军', 'he', 'jun'],
    ['郭靖', 'guo', 'jing'],
  ],
  north: [
    ['马超', 'ma', 'chao'],
    ['罗丹', 'luo', 'dan'],
    ['梁宇', 'liang', 'yu'],
    ['宋佳', 'song', 'jia'],
    ['谢涛', 'xie', 'tao'],
    ['唐颖', 'tang', 'ying'],
    ['许鹏', 'xu', 'peng'],
    ['邓超', 'deng', 'chao'],
    ['冯雪', 'feng', 'xue'],
    ['曹阳', 'cao', 'yang'],
  ],
  south: [
    ['彭飞', 'peng', 'fei'],
    ['曾丽华', 'zeng', 'lihua'],
    ['肖敏', 'xiao', 'min'],
    ['田野', 'tian', 'ye'],
    ['董洁', 'dong', 'jie'],
    ['袁浩', 'yuan', 'hao'],
    ['潘婷', 'pan', 'ting'],
    ['蒋峰', 'jiang', 'feng'],
    ['蔡琳', 'cai', 'lin'],
  ],
};
/** 许鹏 is suspended (under investigation); 蔡琳 has left the company (customers not yet handed over). */
const SUSPENDED = 'xupeng';
const DEPARTED = 'cailin';

interface StaffInfo {
  user: User;
  email: string;
}

function buildStaff(): StaffInfo[] {
  const out: StaffInfo[] = [];
  const add = (row: StaffRow): void => {
    const [name, family, given, departmentId, managerId, roleIds, clearance] = row;
    const id = `${family}${given}`;
    const status = id === SUSPENDED ? 'suspended' : id === DEPARTED ? 'departed' : 'active';
    out.push({
      user: { id, name, kind: 'internal', status, departmentId, managerId, roleIds, clearance },
      email: `${family}.${given}@${STAFF_DOMAIN}`,
    });
  };
  STAFF.forEach(add);
  for (const region of Object.keys(REPS) as RegionKey[]) {
    for (const [name, family, given] of REPS[region]) {
      add([name, family, given, REGIONS[region].dept, MANAGERS[region], [R.rep], 'internal']);
    }
  }
  return out;
}

/**
 * `count` extra sales reps with ordinary Chinese names, the regions taken in turn. Deterministic
 * and independent of the PRNG, so that the default company does not change. Ids and emails get a
 * number when the pinyin is taken (`liwei`, `liwei2`, …).
 */
function buildExtraReps(count: number, taken: ReadonlySet<string>): StaffInfo[] {
  const used = new Set(taken);
  const regions = Object.keys(REGIONS) as RegionKey[];
  const out: StaffInfo[] = [];
  for (let i = 0; i < count; i++) {
    const [surname, family] = SURNAMES[(i * 7) % SURNAMES.length] as [string, string];
    const [given, givenPinyin] = GIVEN_NAMES[
      (i * 5 + Math.floor(i / SURNAMES.length)) % GIVEN_NAMES.length
    ] as [string, string];
    const base = `${family}${givenPinyin}`;
    let n = 1;
    while (used.has(n === 1 ? base : `${base}${n}`)) n++;
    const suffix = n === 1 ? '' : String(n);
    const id = `${base}${suffix}`;
    used.add(id);
    const region = regions[i % regions.length] as RegionKey;
    out.push({
      user: {
        id,
        name: surname + given,
        kind: 'internal',
        status: 'active',
        departmentId: REGIONS[region].dept,
        managerId: MANAGERS[region],
        roleIds: [R.rep],
        clearance: 'internal',
      },
      email: `${family}.${givenPinyin}${suffix}@${STAFF_DOMAIN}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Roles and object settings

const ALL_ACTIONS = {
  read: 'all',
  update: 'all',
  delete: 'all',
  create: 'all',
  transfer: 'all',
  share: 'all',
  export: 'all',
} as const;

const ROLES: Role[] = [
  {
    id: R.admin,
    name: '系统管理员',
    objects: {
      customer: ALL_ACTIONS,
      contact: ALL_ACTIONS,
      deal: ALL_ACTIONS,
      order: ALL_ACTIONS,
      ticket: ALL_ACTIONS,
      activity: ALL_ACTIONS,
    },
    // Every function permission of the catalogue (the authorization API on behalf of others
    // included): an admin grants only what they hold, so the system administrator holds all.
    functions: FUNCTION_CATALOGUE.map((f) => f.name),
    fields: {},
  },
  {
    id: R.director,
    name: '销售总监',
    objects: {
      customer: {
        read: 'department_tree',
        update: 'department_tree',
        create: 'department_tree',
        delete: 'department_tree',
        transfer: 'department_tree',
        share: 'department_tree',
        export: 'department_tree',
      },
      contact: { read: 'department_tree', update: 'department_tree', create: 'department_tree' },
      deal: { read: 'department_tree', update: 'department_tree', create: 'department_tree' },
      order: { read: 'department_tree' },
      ticket: { read: 'department_tree' },
      activity: { read: 'department_tree', create: 'department_tree' },
    },
    functions: ['export', 'reports'],
    fields: {},
  },
  {
    id: R.manager,
    name: '销售经理',
    objects: {
      customer: {
        read: 'subordinates',
        update: 'subordinates',
        create: 'subordinates',
        transfer: 'subordinates',
        share: 'subordinates',
        export: 'subordinates',
      },
      contact: { read: 'subordinates', update: 'subordinates', create: 'subordinates' },
      deal: { read: 'all', update: 'subordinates', create: 'subordinates' },
      order: { read: 'all' },
      ticket: { read: 'subordinates' },
      activity: { read: 'subordinates', update: 'subordinates', create: 'subordinates' },
    },
    functions: ['export', 'reports'],
    fields: { customer: { idNumber: 'masked', bankAccount: 'masked' } },
  },
  {
    id: R.rep,
    name: '销售代表',
    objects: {
      customer: { read: 'own', update: 'own', create: 'own' },
      contact: { read: 'own', update: 'own', create: 'own' },
      deal: { read: 'own', update: 'own', create: 'own' },
      order: { read: 'own' },
      ticket: { read: 'own' },
      activity: { read: 'own', update: 'own', create: 'own' },
    },
    functions: [],
    fields: {
      customer: { idNumber: 'masked', bankAccount: 'masked', creditLimit: 'read' },
    },
  },
  {
    id: R.service,
    name: '客服专员',
    objects: {
      customer: { read: 'all' },
      contact: { read: 'all' },
      deal: { read: 'all' },
      order: { read: 'all' },
      ticket: { read: 'all', update: 'all', create: 'all' },
      activity: { read: 'all', create: 'all' },
    },
    functions: [],
    fields: {
      customer: { idNumber: 'masked', bankAccount: 'hidden', creditLimit: 'hidden' },
      deal: { amount: 'hidden' },
    },
  },
  {
    id: R.finance,
    name: '财务专员',
    objects: {
      customer: { read: 'all' },
      contact: { read: 'all' },
      deal: { read: 'all' },
      order: { read: 'all', update: 'all', create: 'all', export: 'all' },
    },
    functions: ['export'],
    fields: {
      customer: { phone: 'read', email: 'read' },
      contact: { phone: 'read', email: 'read' },
    },
  },
  {
    id: R.marketing,
    name: '市场专员',
    objects: {
      // Owns nothing: sees the public pool and what sharing rules give the department.
      customer: { read: 'own' },
      contact: { read: 'own' },
    },
    functions: ['campaigns'],
    fields: {
      customer: {
        phone: 'masked',
        email: 'masked',
        idNumber: 'hidden',
        bankAccount: 'hidden',
        creditLimit: 'hidden',
      },
      contact: { phone: 'masked', email: 'masked' },
    },
  },
  {
    id: R.auditor,
    name: '审计员',
    objects: {
      customer: { read: 'all' },
      contact: { read: 'all' },
      deal: { read: 'all' },
      order: { read: 'all' },
      ticket: { read: 'all' },
      activity: { read: 'all' },
    },
    functions: ['audit_view'],
    fields: {},
  },
  {
    id: R.portal,
    name: '客户门户用户',
    objects: {
      ticket: { read: 'all', create: 'own' },
      order: { read: 'all' },
    },
    functions: [],
    fields: {},
  },
];

const OBJECTS: ObjectSettings[] = [
  {
    object: 'customer',
    orgWideDefault: 'private',
    controlledByParent: false,
    portalExposed: false,
    fields: {
      name: { label: '客户名称' },
      industry: { label: '行业' },
      region: { label: '区域' },
      city: { label: '城市' },
      level: { label: '客户级别' },
      source: { label: '客户来源' },
      address: { label: '地址' },
      vip: { label: '重点客户' },
      // Stored encrypted at rest (存储加密, docs/encryption.md).
      phone: { mask: 'phone', label: '电话', encrypted: true },
      email: { mask: 'email', label: '邮箱', encrypted: true },
      idNumber: { mask: 'id_number', label: '法人身份证号', encrypted: true },
      bankAccount: { mask: 'bank_account', label: '银行账号', encrypted: true },
      creditLimit: { sensitivity: 'confidential', label: '信用额度' },
    },
  },
  {
    object: 'contact',
    orgWideDefault: 'private',
    controlledByParent: true,
    portalExposed: false,
    fields: {
      name: { label: '姓名' },
      title: { label: '职务' },
      phone: { mask: 'phone', label: '手机', encrypted: true },
      email: { mask: 'email', label: '邮箱', encrypted: true },
    },
  },
  {
    object: 'deal',
    orgWideDefault: 'private',
    controlledByParent: true,
    portalExposed: false,
    fields: {
      name: { label: '商机名称' },
      amount: { label: '金额', encrypted: true },
      stage: { label: '阶段' },
      probability: { label: '赢率' },
      expectedCloseDate: { label: '预计成交日期' },
    },
  },
  {
    object: 'order',
    orgWideDefault: 'private',
    controlledByParent: true,
    portalExposed: true,
    fields: {
      orderNo: { label: '订单编号' },
      amount: { label: '订单金额', encrypted: true },
      status: { label: '状态' },
      paidAt: { label: '付款日期' },
    },
  },
  {
    object: 'ticket',
    orgWideDefault: 'private',
    controlledByParent: true,
    portalExposed: true,
    fields: {
      subject: { label: '主题' },
      feedback: { label: '客户反馈' },
      status: { label: '状态' },
      priority: { label: '优先级' },
      internalNote: { internal: true, label: '内部备注' },
    },
  },
  {
    object: 'activity',
    orgWideDefault: 'private',
    controlledByParent: true,
    portalExposed: false,
    fields: {
      kind: { label: '类型' },
      summary: { label: '摘要' },
      occurredAt: { label: '时间' },
    },
  },
];

const GROUPS: Group[] = [
  {
    id: 'g-sales',
    name: '销售部(含各大区)',
    kind: 'department',
    departmentId: 'sales',
    includeSubdepartments: true,
  },
  {
    id: 'g-marketing',
    name: '市场部',
    kind: 'department',
    departmentId: 'marketing',
    includeSubdepartments: false,
  },
  { id: 'g-sales-director', name: '销售总监', kind: 'role', roleId: R.director },
  {
    id: 'g-key-accounts',
    name: '大客户小组',
    kind: 'public',
    userIds: ['hanmeimei', 'zhaolei', 'huangxiaoyan'],
    groupIds: ['g-sales-director'],
  },
];

const SHARING_RULES: SharingRule[] = [
  {
    id: 'sr-east-marketing',
    name: '华东大区客户共享给市场部(只读)',
    object: 'customer',
    source: { kind: 'criteria', criteria: [{ field: 'region', op: 'eq', value: '华东' }] },
    targetGroupId: 'g-marketing',
    access: 'read',
  },
  {
    id: 'sr-a-director',
    name: 'A 级客户共享给销售总监(读写)',
    object: 'customer',
    source: { kind: 'criteria', criteria: [{ field: 'level', op: 'eq', value: 'A' }] },
    targetGroupId: 'g-sales-director',
    access: 'edit',
  },
];

// ---------------------------------------------------------------------------------------------
// Name and value generators

const CITIES: Record<RegionKey, [string, string][]> = {
  east: [
    ['上海', 'sh'],
    ['杭州', 'hz'],
    ['南京', 'nj'],
    ['苏州', 'sz'],
    ['宁波', 'nb'],
    ['无锡', 'wx'],
    ['合肥', 'hf'],
    ['济南', 'jn'],
    ['青岛', 'qd'],
  ],
  north: [
    ['北京', 'bj'],
    ['天津', 'tj'],
    ['石家庄', 'sjz'],
    ['太原', 'ty'],
    ['唐山', 'ts'],
    ['呼和浩特', 'hhht'],
  ],
  south: [
    ['广州', 'gz'],
    ['深圳', 'szh'],
    ['东莞', 'dg'],
    ['佛山', 'fs'],
    ['厦门', 'xm'],
    ['福州', 'fz'],
    ['南宁', 'nn'],
    ['海口', 'hk'],
  ],
};

const WORDS: [string, string][] = [
  ['锦程', 'jincheng'],
  ['华立', 'huali'],
  ['东方', 'dongfang'],
  ['恒通', 'hengtong'],
  ['宏达', 'hongda'],
  ['鑫源', 'xinyuan'],
  ['瑞丰', 'ruifeng'],
  ['天成', 'tiancheng'],
  ['盛世', 'shengshi'],
  ['永安', 'yongan'],
  ['金桥', 'jinqiao'],
  ['新宇', 'xinyu'],
  ['博远', 'boyuan'],
  ['中联', 'zhonglian'],
  ['嘉禾', 'jiahe'],
  ['海川', 'haichuan'],
  ['汇通', 'huitong'],
  ['联创', 'lianchuang'],
  ['德胜', 'desheng'],
  ['云帆', 'yunfan'],
  ['星辰', 'xingchen'],
  ['安泰', 'antai'],
  ['启明', 'qiming'],
  ['华信', 'huaxin'],
  ['正阳', 'zhengyang'],
  ['同创', 'tongchuang'],
  ['信达', 'xinda'],
  ['万邦', 'wanbang'],
  ['振华', 'zhenhua'],
  ['明德', 'mingde'],
  ['远航', 'yuanhang'],
  ['晨光', 'chenguang'],
  ['卓越', 'zhuoyue'],
  ['飞腾', 'feiteng'],
  ['泰和', 'taihe'],
  ['百川', 'baichuan'],
  ['广源', 'guangyuan'],
  ['伟业', 'weiye'],
  ['荣昌', 'rongchang'],
  ['宏图', 'hongtu'],
  ['君安', 'junan'],
  ['立信', 'lixin'],
];

/** [industry, company-name suffix]. */
const INDUSTRIES: [string, string][] = [
  ['机械制造', '机械有限公司'],
  ['电子', '电子科技有限公司'],
  ['纺织', '纺织有限公司'],
  ['食品', '食品有限公司'],
  ['医药', '医药有限公司'],
  ['物流', '物流有限公司'],
  ['建材', '建材有限公司'],
  ['化工', '化工有限公司'],
  ['软件', '信息技术有限公司'],
  ['汽车零部件', '汽车零部件有限公司'],
  ['贸易', '贸易有限公司'],
  ['新能源', '新能源科技有限公司'],
  ['家具', '家具有限公司'],
  ['教育', '教育科技有限公司'],
  ['环保', '环保工程有限公司'],
];

const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['赵', 'zhao'],
  ['黄', 'huang'],
  ['周', 'zhou'],
  ['吴', 'wu'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['胡', 'hu'],
  ['朱', 'zhu'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['何', 'he'],
  ['郭', 'guo'],
  ['马', 'ma'],
  ['罗', 'luo'],
];
const GIVEN_NAMES: [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['秀英', 'xiuying'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀兰', 'xiulan'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['建华', 'jianhua'],
  ['海燕', 'haiyan'],
  ['志刚', 'zhigang'],
];
const TITLES = ['总经理', '采购经理', '财务经理', '技术总监', '行政主管', '运营经理', '采购专员'];
const SOURCES = ['展会', '官网', '老客户介绍', '电话营销', '合作伙伴', '招投标'];
const STAGES = ['初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单'] as const;
const STAGE_PROBABILITY: Record<(typeof STAGES)[number], number> = {
  初步接洽: 10,
  需求确认: 30,
  方案报价: 50,
  商务谈判: 70,
  赢单: 100,
  输单: 0,
};
const PRODUCTS = [
  '云杉 CRM 标准版',
  '云杉 CRM 企业版',
  '数据集成服务',
  '实施与培训',
  '年度运维服务',
];
const TICKET_SUBJECTS = [
  '登录后页面加载缓慢',
  '导出报表格式错误',
  '发票信息需要更正',
  '申请增加用户数',
  '数据导入失败',
  '咨询续费方案',
  '移动端无法同步',
];
const TICKET_FEEDBACK = [
  '希望尽快处理,影响日常使用。',
  '已按说明操作,问题依旧。',
  '请安排工程师电话联系。',
  '问题已解决,感谢支持。',
];
const INTERNAL_NOTES = [
  '客户情绪较大,注意沟通方式。',
  '涉及合同条款,需法务确认后答复。',
  '疑似配置问题,已转二线排查。',
  '续费谈判中,勿主动提及折扣。',
];
const ACTIVITY_KINDS = ['电话', '拜访', '微信', '邮件', '会议'];
const ACTIVITY_SUMMARIES = [
  '沟通采购计划,客户关注价格',
  '上门演示产品,对方技术团队参与',
  '确认合同细节,约定下周回复',
  '节日问候,维护关系',
  '了解竞品使用情况',
  '跟进回款进度',
];

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function digits(rng: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function mobile(rng: Prng): string {
  return `1${rng.pick(['35', '36', '38', '39', '50', '58', '86', '88'])}${digits(rng, 8)}`;
}

/** An 18-digit resident ID number with a valid GB 11643 check digit. */
function idNumber(rng: Prng): string {
  const area = rng.pick(['310104', '330106', '320102', '110105', '120101', '440106', '440305']);
  const year = rng.int(1965, 1995);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const body = `${area}${year}${month}${day}${digits(rng, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] as number);
  return body + ('10X98765432'[sum % 11] as string);
}

function bankAccount(rng: Prng): string {
  return `6222${digits(rng, 15)}`;
}

function personName(rng: Prng): { name: string; pinyin: string } {
  const [s, sp] = rng.pick(SURNAMES);
  const [g, gp] = rng.pick(GIVEN_NAMES);
  return { name: s + g, pinyin: `${sp}.${gp}` };
}

// ---------------------------------------------------------------------------------------------
// The company

export function demoCompany(options: DemoCompanyOptions = { now: DEFAULT_NOW }): DemoCompany {
  const customerCount = options.customers ?? DEMO_DEFAULT_CUSTOMERS;
  const now = options.now;
  if (!Number.isInteger(customerCount) || customerCount < 2) {
    throw new RangeError(`customers must be an integer of at least 2, got ${customerCount}`);
  }
  if (!Number.isFinite(now)) throw new RangeError('now must be a finite number');
  const userCount = options.users ?? DEMO_DEFAULT_USERS;
  if (!Number.isInteger(userCount) || userCount < DEMO_DEFAULT_USERS) {
    throw new RangeError(
      `users must be an integer of at least ${DEMO_DEFAULT_USERS}, got ${userCount}`,
    );
  }
  const rng = createPrng(options.seed ?? DEMO_DEFAULT_SEED);

  const staff = buildStaff();
  const extraReps = buildExtraReps(
    userCount - DEMO_DEFAULT_USERS,
    new Set(staff.map(({ user }) => user.id)),
  );
  const repsByRegion: Record<RegionKey, User[]> = { east: [], north: [], south: [] };
  for (const { user } of [...staff, ...extraReps]) {
    for (const region of Object.keys(REGIONS) as RegionKey[]) {
      if (user.departmentId === REGIONS[region].dept && user.roleIds.includes(R.rep)) {
        repsByRegion[region].push(user);
      }
    }
  }
  const activeInternal: Record<RegionKey, User[]> = { east: [], north: [], south: [] };
  for (const region of Object.keys(REGIONS) as RegionKey[]) {
    activeInternal[region] = repsByRegion[region].filter(
      (u) => u.status === 'active' && u.clearance === 'internal',
    );
  }
  const activeInternalReps = (region: RegionKey): User[] => activeInternal[region];
  const deptOf = new Map([...staff, ...extraReps].map(({ user }) => [user.id, user.departmentId]));

  // Which customers are special: the first two are the portal accounts (owned, ordinary, with a
  // ticket and an order); ~3% are confidential VIPs; ~8% sit in the public pool.
  const width = Math.max(5, String(customerCount).length);
  const customerId = (i: number): string => `c-${String(i + 1).padStart(width, '0')}`;
  const candidates = rng.shuffle(Array.from({ length: customerCount - 2 }, (_, i) => i + 2));
  const vipCount = Math.max(1, Math.round(customerCount * 0.03));
  const poolCount = Math.round(customerCount * 0.08);
  const vip = new Set(candidates.slice(0, vipCount));
  const pooled = new Set(candidates.slice(vipCount, vipCount + poolCount));

  const customers: CrmRecord[] = [];
  const children: CrmRecord[] = [];
  const teams: TeamMember[] = [];
  const usedNames = new Set<string>();
  const regionKeys = Object.keys(REGIONS) as RegionKey[];

  for (let i = 0; i < customerCount; i++) {
    const id = customerId(i);
    const region = rng.pick(regionKeys);
    const [city, cityCode] = rng.pick(CITIES[region]);
    const [industry, suffix] = rng.pick(INDUSTRIES);
    let word = rng.pick(WORDS);
    let name = `${city}${word[0]}${suffix}`;
    for (let tries = 0; usedNames.has(name) && tries < 20; tries++) {
      word = rng.pick(WORDS);
      name = `${city}${word[0]}${suffix}`;
    }
    if (usedNames.has(name)) {
      name = `${city}${word[0]}${industry}${rng.pick(['集团', '实业', '股份'])}有限公司`;
      if (usedNames.has(name))
        name = `${city}${word[0]}${suffix.replace('有限公司', '')}第${i + 1}分公司`;
    }
    usedNames.add(name);

    const isVip = vip.has(i);
    const inPool = pooled.has(i);
    const level = isVip
      ? 'A'
      : inPool
        ? rng.pick(['B', 'C', 'C'])
        : rng.pick(['A', 'B', 'B', 'C', 'C', 'C']);
    // VIPs belong to the regional manager (confidential clearance); pool customers to nobody.
    const ownerId = inPool ? null : isVip ? MANAGERS[region] : rng.pick(repsByRegion[region]).id;
    const fields: Record<string, unknown> = {
      name,
      industry,
      region: REGIONS[region].label,
      city,
      level,
      source: rng.pick(SOURCES),
      address: `${city}市${rng.pick(['高新区', '经开区', '工业园区', '中心区'])}${rng.int(1, 999)}号`,
      vip: isVip,
      phone: mobile(rng),
      email: `${rng.pick(['info', 'sales', 'purchase', 'service'])}@${word[1]}-${cityCode}.example`,
      creditLimit: rng.int(5, 200) * 10_000,
    };
    if (isVip || rng.chance(0.3)) fields.idNumber = idNumber(rng);
    if (isVip || rng.chance(0.25)) fields.bankAccount = bankAccount(rng);
    const customer: CrmRecord = {
      object: 'customer',
      id,
      customerId: id,
      ownerId,
      departmentId: ownerId === null ? null : (deptOf.get(ownerId) ?? null),
      sensitivity: isVip ? 'confidential' : 'internal',
      createdById: ownerId,
      poolId: inPool ? POOL_ID : null,
      fields,
    };
    customers.push(customer);

    // 相关团队: every VIP has an (internal-clearance) rep on its team, who therefore still cannot
    // see it; ~10% of the others have a colleague attached.
    if (isVip) {
      const rep = rng.pick(activeInternalReps(region));
      teams.push({ customerId: id, userId: rep.id, access: 'edit' });
    } else if (!inPool && rng.chance(0.1)) {
      const others = repsByRegion[region].filter((u) => u.id !== ownerId && u.status === 'active');
      const mate = rng.pick(others);
      teams.push({ customerId: id, userId: mate.id, access: rng.pick(['read', 'edit'] as const) });
      if (rng.chance(0.2)) {
        teams.push({ customerId: id, userId: MANAGERS[region], access: 'manage' });
      }
    }

    const num = id.slice(2);
    const child = (
      object: CrmRecord['object'],
      suffixId: string,
      childFields: Record<string, unknown>,
      extra: Partial<CrmRecord> = {},
    ): void => {
      children.push({
        object,
        id: `${suffixId}-${num}`,
        customerId: id,
        ownerId,
        departmentId: customer.departmentId,
        sensitivity: 'internal',
        createdById: ownerId,
        fields: childFields,
        parent: customer,
        ...extra,
      });
    };

    const contactCount = rng.pick([1, 1, 1, 2, 2, 3]);
    for (let k = 1; k <= contactCount; k++) {
      const person = personName(rng);
      child('contact', `ct${k}`, {
        name: person.name,
        title: rng.pick(TITLES),
        phone: mobile(rng),
        email: `${person.pinyin}@${word[1]}-${cityCode}.example`,
      });
    }

    const portalAccount = i < 2;
    const dealCount = portalAccount ? 1 : rng.pick([0, 1, 1, 1, 2]);
    let won = 0;
    for (let k = 1; k <= dealCount; k++) {
      const stage = portalAccount ? '赢单' : rng.pick(STAGES);
      if (stage === '赢单') won++;
      child('deal', `dl${k}`, {
        name: `${rng.pick(PRODUCTS)}采购`,
        amount: rng.int(2, 300) * 1_000,
        stage,
        probability: STAGE_PROBABILITY[stage],
        expectedCloseDate: isoDate(now + rng.int(-120, 120) * DAY),
      });
    }
    for (let k = 1; k <= won; k++) {
      const paid = portalAccount || rng.chance(0.7);
      child('order', `od${k}`, {
        orderNo: `SO${isoDate(now).replace(/-/g, '').slice(0, 4)}${num}${k}`,
        amount: rng.int(2, 300) * 1_000,
        status: paid ? '已付款' : '待付款',
        paidAt: paid ? isoDate(now - rng.int(1, 365) * DAY) : null,
      });
    }
    if (portalAccount || rng.chance(0.3)) {
      child('ticket', 'tk1', {
        subject: rng.pick(TICKET_SUBJECTS),
        feedback: rng.pick(TICKET_FEEDBACK),
        status: rng.pick(['待处理', '处理中', '已解决']),
        priority: rng.pick(['低', '中', '高']),
        internalNote: rng.pick(INTERNAL_NOTES),
      });
    }
    const activityCount = rng.pick([0, 1, 1, 1]);
    for (let k = 1; k <= activityCount; k++) {
      child('activity', `ac${k}`, {
        kind: rng.pick(ACTIVITY_KINDS),
        summary: rng.pick(ACTIVITY_SUMMARIES),
        occurredAt: isoDate(now - rng.int(0, 180) * DAY),
      });
    }
  }

  // Portal users of the first two accounts; each raised the ticket of their account.
  const portalUsers: StaffInfo[] = [0, 1].map((i) => {
    const account = customers[i] as CrmRecord;
    const person = personName(rng);
    const id = `portal-${i + 1}`;
    const ticket = children.find((r) => r.object === 'ticket' && r.customerId === account.id);
    if (ticket) {
      ticket.createdById = id;
      ticket.contactUserId = id;
    }
    const domain = String(account.fields.email).split('@')[1] as string;
    return {
      user: {
        id,
        name: person.name,
        kind: 'portal',
        status: 'active',
        departmentId: null,
        managerId: null,
        roleIds: [R.portal],
        clearance: 'internal',
        portalAccountId: account.id,
      },
      email: `${person.pinyin}@${domain}`,
    };
  });

  const firstRep = (region: RegionKey, n: number): string =>
    (activeInternalReps(region)[n] as User).id;
  const someCustomer = customers[Math.min(2, customerCount - 1)] as CrmRecord;
  const grants: Grant[] = [
    {
      id: 'grant-cover-leave',
      subject: { kind: 'user', userId: firstRep('east', 1) },
      object: 'customer',
      target: { kind: 'owner', userId: firstRep('east', 2) },
      access: 'edit',
      startsAt: now - 3 * DAY,
      expiresAt: now + 7 * DAY,
      reason: '同事休产假期间代管其客户',
    },
    {
      id: 'grant-campaign-south',
      subject: { kind: 'group', groupId: 'g-marketing' },
      object: 'customer',
      target: { kind: 'department', departmentId: 'sales-south', includeSubdepartments: false },
      access: 'read',
      startsAt: now - 10 * DAY,
      expiresAt: now + 20 * DAY,
      reason: '华南区秋季市场活动,需查看客户名单',
    },
    {
      id: 'grant-complaint-expired',
      subject: { kind: 'user', userId: 'dujuan' },
      object: 'customer',
      target: { kind: 'record', recordId: someCustomer.id },
      access: 'edit',
      startsAt: now - 30 * DAY,
      expiresAt: now - DAY,
      reason: '处理客户投诉(已过期)',
    },
  ];

  const users = [...staff, ...portalUsers, ...extraReps];
  const model: PolicyModel = {
    version: 1,
    tenant: {
      id: DEMO_TENANT_ID,
      name: '云杉科技有限公司 (Yunshan Technology)',
      defaultLocale: 'zh-CN',
    },
    departments: DEPARTMENTS.map((d) => ({ ...d })),
    users: users.map((u) => u.user),
    roles: structuredClone(ROLES),
    objects: structuredClone(OBJECTS),
    groups: structuredClone(GROUPS),
    sharingRules: structuredClone(SHARING_RULES),
    // Scope grants are policy; a grant on one record travels with its record.
    grants: splitGrants(grants).scope,
    pools: [
      {
        id: POOL_ID,
        name: '公海',
        memberGroupIds: ['g-sales', 'g-marketing'],
        memberUserIds: [],
      },
    ],
    sodRules: [],
  };

  const roleName = new Map(ROLES.map((r) => [r.id, r.name]));
  const logins: DemoLogin[] = users
    .filter(({ user }) => user.status === 'active')
    .map(({ user, email }) => ({
      userId: user.id,
      email,
      name: user.name,
      role: roleName.get(user.roleIds[0] ?? '') ?? '',
      password: DEMO_PASSWORD,
    }));

  const records = [...customers, ...children] as DemoRecord[];
  // Teams and record grants are facts of the records (every record carries its customer's team).
  attachRecordFacts(records, teams, splitGrants(grants).record);
  for (const r of records) r.updatedAt = new Date(now - lastChangeAgo(r.id)).toISOString();
  return { model, records, logins };
}

/**
 * How long ago a record last changed: up to 180 days, to the second, from a hash of its id (FNV-1a),
 * so it does not disturb the PRNG sequence and the same id always gets the same time.
 */
function lastChangeAgo(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % (180 * 86_400)) * 1000;
}
