export type { Database } from './database.ts';
export { openPgliteDatabase } from './pglite-database.ts';
export type { PgliteDatabaseOptions } from './pglite-database.ts';
export { PgliteDialect } from './pglite-dialect.ts';
export { MIGRATIONS, migrateToLatest, migrator } from './migrations/migrate.ts';
export { RECORD_TABLE, RECORD_TABLES } from './record-tables.ts';
export type { RecordTable } from './record-tables.ts';
export type {
  AuditEventRow,
  AuditOutcome,
  RecordRow,
  StoreSchema,
  TeamMemberRow,
  TenantRow,
} from './schema.ts';
export { compilePredicate } from './compile-predicate.ts';
export type { CompileOptions } from './compile-predicate.ts';
export { insertRecordFacts, loadTenantData, sensitivityRank } from './load-scenario.ts';
export { DEMO_PASSWORD, DEMO_ROLE_IDS, DEMO_TENANT_ID, demoCompany } from './demo/demo-company.ts';
export type {
  DemoCompany,
  DemoCompanyOptions,
  DemoLogin,
  DemoRecord,
} from './demo/demo-company.ts';
export { openPgDatabase } from './pg-database.ts';
export type { PgDatabaseOptions } from './pg-database.ts';
export { loadPolicyModel, readPolicyVersion, savePolicyModel } from './policy-repository.ts';
export type {
  DepartmentRow,
  FieldSettingsRow,
  GrantRow,
  GroupMemberRow,
  GroupRow,
  MemberRow,
  ObjectSettingsRow,
  PoolMemberRow,
  PoolRow,
  RoleFieldPermissionRow,
  RoleFunctionRow,
  RoleObjectPermissionRow,
  RoleRow,
  SharingRuleRow,
  SodRuleRow,
  UserRoleRow,
  UserRow,
} from './schema.ts';
export { StoreError, STORE_ERROR_CODES } from './store-error.ts';
export type { StoreErrorCode } from './store-error.ts';
export { appendAuditEvent, listAuditEvents } from './audit-repository.ts';
export type { AppendedAuditEvent, AuditEvent } from './audit-repository.ts';
export {
  canonicalAuditJson,
  chainHash,
  checkpointSignatureValid,
  GENESIS_HASH,
  signCheckpoint,
} from './audit-chain.ts';
export type { AuditCheckpoint, CanonicalAuditEvent, SignedAuditCheckpoint } from './audit-chain.ts';
export { verifyAuditChain } from './audit-verify.ts';
export type {
  AuditChainIssue,
  AuditChainProblem,
  AuditChainReport,
  VerifyAuditChainOptions,
} from './audit-verify.ts';
export {
  createAuditCheckpoint,
  listAuditCheckpoints,
  listAuditTenants,
} from './audit-checkpoint-repository.ts';
export {
  auditEventPages,
  countAuditEvents,
  countRecentActions,
  oldestRecentAction,
  searchAuditEvents,
} from './audit-search.ts';
export type { AuditFilter, AuditPage, AuditQuery, StoredAuditEvent } from './audit-search.ts';
export {
  findCredentialByEmail,
  findCredentialOfUser,
  findCredentialsByEmail,
  normalizeEmail,
  setCredentialPassword,
  upsertCredential,
  upsertCredentials,
} from './credential-repository.ts';
export type { AccountStatus, Credential } from './credential-repository.ts';
export {
  consumePasswordLink,
  findUsablePasswordLink,
  issuePasswordLink,
  revokePasswordLinks,
} from './password-link-repository.ts';
export type { PasswordLink, PasswordLinkPurpose } from './password-link-repository.ts';
export { enqueueMessage, listUnsentMessages, markMessageSent } from './outbox-repository.ts';
export type { OutboxMessage } from './outbox-repository.ts';
export {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  notifyUser,
} from './notification-repository.ts';
export type { NewNotification, Notification } from './notification-repository.ts';
export { addUsage, listUsage } from './usage-repository.ts';
export type { UsageCount } from './usage-repository.ts';
export { countAuditActions } from './least-privilege-repository.ts';
export type { AuditActionCount } from './least-privilege-repository.ts';
export {
  ACCESS_REQUEST_KINDS,
  APPROVAL_STEP_KINDS,
  cancelOpenRequestsOf,
  deleteApprovalChain,
  getAccessRequest,
  getApprovalChain,
  insertAccessRequest,
  listAccessRequests,
  listApprovalChains,
  listLapsedAccessRequests,
  saveAccessRequest,
  upsertApprovalChain,
} from './access-request-repository.ts';
export type {
  AccessRequest,
  AccessRequestKind,
  AccessRequestStatus,
  ApprovalChain,
  ApprovalStepKind,
  ApprovalStepSpec,
  NewAccessRequest,
  RequestScope,
  RequestStep,
  StepRoute,
} from './access-request-repository.ts';
export {
  loginBlockedUntil,
  recordLoginFailure,
  resetLoginFailures,
} from './login-throttle-repository.ts';
export {
  createSession,
  deleteSession,
  deleteUserSessionByPublicId,
  deleteUserSessions,
  findSession,
  hashSessionToken,
  listUserSessions,
  touchSession,
} from './session-repository.ts';
export type { Session } from './session-repository.ts';
export type {
  CredentialRow,
  LoginThrottleRow,
  OutboxRow,
  PasswordLinkRow,
  SessionRow,
} from './schema.ts';
export { loadPolicyModelIn, lockPolicyVersion, writePolicyModel } from './policy-repository.ts';
export {
  attachParents,
  countChildren,
  deleteRecord,
  getRecord,
  getRecords,
  insertRecord,
  lockRecord,
  reassignOwnedRecords,
  transferChildren,
  updateRecord,
} from './record-repository.ts';
export type { RecordReadOptions } from './record-repository.ts';
export { recordFromRow, rowFromRecord, RECORD_COLUMNS } from './record-row.ts';
export type { StoredRecord } from './record-row.ts';
export {
  compileBoundedCountQuery,
  compileCountQuery,
  compileListQuery,
  COUNT_EXACT_UP_TO,
  countRecords,
  countRecordsUpTo,
  listRecords,
  listShapeOf,
  MAX_PAGE_SIZE,
  RECORD_SORTS,
} from './list-records.ts';
export type {
  BoundedCount,
  ListCompileOptions,
  RecordFilterQuery,
  RecordNarrowing,
  RecordListQuery,
  RecordPage,
  RecordSort,
} from './list-records.ts';
export {
  chooseCountShape,
  chooseListShape,
  forgetListStatistics,
  listStatistics,
} from './list-shape.ts';
export type { CountShape, ListShape, ListStatistics } from './list-shape.ts';
export { accessBranches } from './list-plan.ts';
export { compileReachCountQuery, countReachUpTo } from './count-reach.ts';
export type { ReachCountQuery } from './count-reach.ts';
export { countRecordsBy } from './count-records-by.ts';
export type { GroupCount, RecordGrouping } from './count-records-by.ts';
export { listLiveGrantsTo } from './grants-to.ts';
export { listTeam, putTeamMember, removeTeamMember } from './team-repository.ts';
export {
  deleteRecordGrant,
  findGrant,
  grantFromRow,
  insertRecordGrant,
  listStoredGrants,
  loadRecordFacts,
  recordGrantsOf,
  teamsOf,
} from './record-facts-repository.ts';
export {
  commitPolicyVersion,
  listPolicyChanges,
  lockPolicyEntity,
  readPolicyEntityVersion,
  POLICY_CHANNEL,
  readPolicyChanges,
} from './policy-change-log.ts';
export type { LoggedPolicyChange, PolicyChangeEntry, PolicyEntity } from './policy-change-log.ts';
export { insertPolicyModel, writePolicyDiff } from './policy-delta.ts';
export { findSessionWithPolicyVersion } from './session-repository.ts';
export {
  apiTokenPrefix,
  createApiToken,
  findApiToken,
  findApiTokenBySecret,
  hasSignInCredential,
  listUserApiTokens,
  parseApiToken,
  revokeApiToken,
  revokeUserApiTokens,
  touchApiToken,
} from './api-token-repository.ts';
export type { ApiToken, ApiTokenKind, NewApiToken } from './api-token-repository.ts';
export type { ApiTokenRow } from './schema.ts';
export { DATA_DIR_LOCK_FILE, lockDataDir } from './data-dir-lock.ts';
export type { DataDirLock } from './data-dir-lock.ts';
export {
  acceptTotpStep,
  clearMfaFailures,
  confirmTotp,
  countRecoveryCodesLeft,
  deleteMfa,
  findSessionMfaState,
  findTotp,
  findUserCredential,
  isMfaEnrolled,
  putPendingTotp,
  readMfaPolicy,
  recordMfaFailure,
  recordSessionMfaFailure,
  replaceRecoveryCodes,
  rotateSessionVerified,
  useRecoveryCode,
  writeMfaPolicy,
} from './mfa-repository.ts';
export type { StoredTotp } from './mfa-repository.ts';
export { MFA_POLICIES } from './mfa-state.ts';
export { endUserAccess } from './user-access.ts';
export type { MfaPolicy, SessionMfaState } from './mfa-state.ts';
export type { MfaPolicyRow, MfaRecoveryCodeRow, MfaTotpRow } from './schema.ts';
export {
  countOwnedRecords,
  countUserAccess,
  listGrantsOfUser,
  listOwnedCustomers,
  listTeamMembershipsOf,
  removeTeamMembershipsOf,
} from './user-holdings.ts';
export {
  deleteOnboardingTemplate,
  findOnboardingTemplate,
  listOnboardingTemplates,
  putOnboardingTemplate,
} from './onboarding-template-repository.ts';
export type { OnboardingTemplate } from './onboarding-template-repository.ts';
export type { OnboardingTemplateRow } from './schema.ts';
export {
  findReviewCampaign,
  findReviewItem,
  insertReviewCampaign,
  insertReviewItems,
  lastAuditEventId,
  listReviewCampaigns,
  listReviewItems,
  reassignReviewItem,
  recordReviewDecision,
  tenantsWithReviewCampaigns,
  updateReviewCampaign,
} from './review-repository.ts';
export type {
  ReviewCampaign,
  ReviewCampaignStatus,
  ReviewDecision,
  ReviewerRule,
  ReviewItem,
  ReviewItemStatus,
  ReviewRecurrence,
  ReviewScope,
} from './review-repository.ts';
export type { ReviewCampaignRow, ReviewItemRow } from './schema.ts';
export {
  DEFAULT_PENDING_EXPIRY_DAYS,
  readFourEyesSetting,
  writeFourEyesSetting,
} from './four-eyes-repository.ts';
export type { FourEyesSetting } from './four-eyes-repository.ts';
export {
  decidePendingChange,
  getPendingChange,
  insertPendingChange,
  listExpiredPendingChanges,
  listPendingChanges,
  PENDING_CHANGE_STATUSES,
} from './pending-change-repository.ts';
export type {
  NewPendingChange,
  PendingChange,
  PendingChangeStatus,
} from './pending-change-repository.ts';
// Backup and restore (docs/backup.md, ADR 0022)
export * from './backup/index.ts';
export { CRYPTO_ERROR_CODES, CryptoError } from './crypto/crypto-error.ts';
export type { CryptoErrorCode } from './crypto/crypto-error.ts';
export { REDACTED, isRedacted, isSealed, keyRefOf } from './crypto/sealed-value.ts';
export type { FieldAad, KeyRef, Redacted, Sealed } from './crypto/sealed-value.ts';
export { Keyring, createKeyring, normaliseForIndex } from './crypto/keyring.ts';
export type { KeyringOptions, SubjectKey, TenantKeys } from './crypto/keyring.ts';
export { ShredLedger } from './crypto/shred-ledger.ts';
export { deleteBlindIndex, writeBlindIndex } from './crypto/blind-index.ts';
export {
  CONSENT_SOURCES,
  LAWFUL_BASES,
  OPEN_PRIVACY_STATUSES,
  PRIVACY_REGIMES,
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
  clearConsentText,
  clearNotificationNames,
  getConsent,
  getPrivacyRequest,
  insertConsent,
  insertPrivacyRequest,
  listConsents,
  listPrivacyRequests,
  savePrivacyRequest,
  tenantsWithOpenPrivacyRequests,
  withdrawConsent,
} from './privacy-repository.ts';
export type {
  ArchiveEvidence,
  Consent,
  ConsentSource,
  ErasureEvidence,
  LawfulBasis,
  NewConsent,
  NewPrivacyRequest,
  PrivacyRegime,
  PrivacyRequest,
  PrivacyRequestFilter,
  PrivacyRequestKind,
  PrivacyRequestStatus,
  PrivacyTimelineEntry,
} from './privacy-repository.ts';
export {
  encryptedFieldsOf,
  fieldAad,
  maskedForm,
  openFields,
  sealFields,
  subjectOf,
  subjectsIn,
} from './crypto/record-crypto.ts';
export type { EncryptedFields, SealedFields } from './crypto/record-crypto.ts';
export {
  DO_NOT_SELL_SOURCES,
  deleteDoNotSell,
  getDoNotSell,
  listDoNotSellIds,
  putDoNotSell,
} from './do-not-sell-repository.ts';
export type { DoNotSell, DoNotSellSource } from './do-not-sell-repository.ts';
export {
  auditFieldValues,
  hasEncryptedFields,
  keyringRequired,
  openForReader,
  openForWrite,
  openOneField,
  sealRecordsForStore,
} from './crypto/seal-records.ts';
export type { RecordReader } from './crypto/seal-records.ts';
