import { buildIndex } from '@custos/engine';
import { loadPolicyModel, type Database, type Keyring } from '@custos/store';
import { commitChanges } from '../modules/directory/commit-change.ts';
import { giveConsent, withdrawContactConsent } from '../modules/privacy/consent-service.ts';
import { produceRequestArchive } from '../modules/privacy/privacy-archive.ts';
import {
  completeRequest,
  createPrivacyRequest,
  getRequest,
  setRequestStatus,
} from '../modules/privacy/privacy-request-service.ts';
import type { AuditContext } from '../http/audit-context.ts';
import type { LoadedDemo } from './load-demo.ts';

const DAY = 86_400_000;
/** The demo's data protection officer: 郑秀英 (auditor), who also gets the privacy officer role. */
export const DEMO_PRIVACY_OFFICER = 'zhengxiuying';
export const PRIVACY_OFFICER_ROLE = 'privacy-officer';

/**
 * The demo of GDPR / CCPA (数据合规, docs/privacy.md), through the same services as the API:
 * - a 数据保护专员 (privacy officer) role holding `privacy_admin`, given to 郑秀英 — the auditor, not
 *   an administrator, so handling requests stays apart from administering access;
 * - consents on the first contacts: newsletter and event invitations given, one withdrawn;
 * - one completed access request (GDPR Art. 15) with its archive produced (the evidence on it) and
 *   one open erasure request waiting for identity verification, due within days.
 * No contact is erased: other parts' tests read the demo's contacts.
 */
export async function loadDemoPrivacy(
  database: Database,
  demo: LoadedDemo,
  now: number,
  keyring: Keyring,
): Promise<void> {
  const db = database.db;
  const tenantId = demo.tenantId;
  const model = await loadPolicyModel(db, tenantId);
  if (model.roles.some((r) => r.id === PRIVACY_OFFICER_ROLE)) return;
  const officer = model.users.find((u) => u.id === DEMO_PRIVACY_OFFICER);
  if (officer === undefined) return;
  await commitChanges(
    db,
    [
      {
        kind: 'role.create',
        role: {
          id: PRIVACY_OFFICER_ROLE,
          name: '数据保护专员',
          objects: { customer: { read: 'all' }, contact: { read: 'all' } },
          functions: ['privacy_admin'],
          fields: {},
        },
      },
      { kind: 'user.update', id: officer.id, roleIds: [...officer.roleIds, PRIVACY_OFFICER_ROLE] },
    ],
    { tenantId, actorId: null, now },
  );
  const policy = await loadPolicyModel(db, tenantId);
  const ctx = {
    tenantId,
    userId: DEMO_PRIVACY_OFFICER,
    model: policy,
    index: buildIndex(policy),
    version: 0,
    locale: 'zh-CN' as const,
  };
  const audit = (at: number): AuditContext => ({
    actorId: DEMO_PRIVACY_OFFICER,
    actingAsId: null,
    requestId: `demo-privacy-${at}`,
    ip: '127.0.0.1',
    userAgent: 'custos-demo',
  });
  const contacts = demo.company.records
    .filter((r) => r.object === 'contact')
    .slice(0, 3)
    .map((r) => r.id);
  const [first, second, third] = contacts;
  if (first === undefined || second === undefined || third === undefined) return;

  const at = (daysAgo: number) => ({ ...ctx, now: now - daysAgo * DAY });
  await giveConsent(db, at(120), audit(1), first, {
    purpose: '产品资讯邮件 / product newsletter',
    lawfulBasis: 'consent',
    source: 'web_form',
    note: '官网订阅表单 / website sign-up form',
  });
  await giveConsent(db, at(120), audit(2), first, {
    purpose: '履行服务合同 / performing the service contract',
    lawfulBasis: 'contract',
    source: 'import',
  });
  const invite = await giveConsent(db, at(90), audit(3), second, {
    purpose: '市场活动邀请 / event invitations',
    lawfulBasis: 'consent',
    source: 'phone',
  });
  await withdrawContactConsent(
    db,
    at(10),
    audit(4),
    second,
    invite.id,
    '电话中撤回 / withdrawn on the phone',
  );
  await giveConsent(db, at(30), audit(5), third, {
    purpose: '产品资讯邮件 / product newsletter',
    lawfulBasis: 'consent',
    source: 'email',
  });

  // Completed: an access request answered with the archive.
  const access = await createPrivacyRequest(db, at(20), audit(6), {
    kind: 'access',
    regime: 'gdpr',
    contactId: first,
    requesterName: '联系人本人 / the contact',
    notes: '通过邮件提出查阅请求 / asked by e-mail for a copy of their data',
    receivedAt: new Date(now - 20 * DAY).toISOString(),
  });
  await setRequestStatus(
    db,
    at(18),
    audit(7),
    access.id,
    'in_progress',
    '已核实身份 / identity verified',
  );
  await produceRequestArchive(db, keyring, at(15), audit(8), access.id, () =>
    getRequest(db, tenantId, access.id),
  );
  await completeRequest(db, at(15), audit(9), access.id, '副本已发送 / copy sent to the subject');

  // Open: an erasure request waiting for identity verification, due within days.
  const erasure = await createPrivacyRequest(db, at(26), audit(10), {
    kind: 'erasure',
    regime: 'gdpr',
    contactId: second,
    requesterName: '联系人本人 / the contact',
    notes: '撤回同意后要求删除其个人数据 / asked for erasure after withdrawing consent',
    receivedAt: new Date(now - 26 * DAY).toISOString(),
  });
  await setRequestStatus(db, at(25), audit(11), erasure.id, 'verifying', undefined);
}
