import { adminHomeMessages } from '../admin-home/admin-home-messages.ts';
import { authMessages } from '../auth/auth-messages.ts';
import { inspectorMessages } from '../inspector/inspector-messages.ts';
import { viewAsMessages } from '../view-as/view-as-messages.ts';
import { accountMessages } from '../account/account-messages.ts';
import { sharingMessages } from '../sharing/sharing-messages.ts';
import { meMessages } from '../me/me-messages.ts';
import { rolesMessages } from '../roles/roles-messages.ts';
import { commonMessages } from './common-messages.ts';
import { orgMessages } from '../org/org-messages.ts';
import { recordsMessages } from '../records/records-messages.ts';
import { jmlMessages } from '../jml/jml-messages.ts';
import { reviewsMessages } from '../reviews/reviews-messages.ts';
import { requestsMessages } from '../requests/requests-messages.ts';
import { fourEyesMessages } from '../four-eyes/four-eyes-messages.ts';
import { sodMessages } from '../sod/sod-messages.ts';
import { auditMessages } from '../audit/audit-messages.ts';
import { monitoringMessages } from '../monitoring/monitoring-messages.ts';
import { fieldEncryptionMessages } from '../field-encryption/field-encryption-messages.ts';
import { encryptionMessages } from '../encryption/encryption-messages.ts';
import { privacyMessages } from '../privacy/privacy-messages.ts';
import { backupsMessages } from '../backups/backups-messages.ts';
import { retentionMessages } from '../retention/retention-messages.ts';
import type { Messages } from './languages.ts';

/**
 * Every namespace of the console's strings. A feature adds one line: its messages file
 * (`<feature>-messages.ts`, exporting `{ 'zh-CN': {...}, 'en-US': {...} }`).
 */
export const NAMESPACES: Record<string, Messages> = {
  common: commonMessages,
  retention: retentionMessages,
  auth: authMessages,
  adminHome: adminHomeMessages,
  inspector: inspectorMessages,
  viewAs: viewAsMessages,
  sharing: sharingMessages,
  me: meMessages,
  account: accountMessages,
  roles: rolesMessages,
  org: orgMessages,
  records: recordsMessages,
  jml: jmlMessages,
  reviews: reviewsMessages,
  requests: requestsMessages,
  fourEyes: fourEyesMessages,
  privacy: privacyMessages,
  sod: sodMessages,
  audit: auditMessages,
  monitoring: monitoringMessages,
  fieldEncryption: fieldEncryptionMessages,
  encryption: encryptionMessages,
  backups: backupsMessages,
};
