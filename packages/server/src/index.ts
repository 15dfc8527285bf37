export { buildApp, DOCS_PREFIX, MODULES } from './app.ts';
export type { AppModule, BuildAppOptions } from './app.ts';
export {
  CONFIG_SCHEMA,
  CONFIG_SETTINGS,
  ConfigError,
  loadConfig,
  redactConfig,
  servedOverHttps,
} from './config.ts';
export type { Config, ConfigLocale, ConfigSetting, LogLevel } from './config.ts';
export { openConfiguredDatabase, startServer } from './start-server.ts';
export type { RunningServer } from './start-server.ts';
export { MIN_TLS_VERSION, readTlsFiles } from './tls-options.ts';
export { ensureSelfSignedCertificate } from './self-signed-certificate.ts';
export type { SelfSignedCertificate } from './self-signed-certificate.ts';
export { loadDemo } from './seed/load-demo.ts';
export { keyringFromConfig } from './modules/encryption/load-keyring.ts';
export type { LoadDemoOptions, LoadedDemo } from './seed/load-demo.ts';
export { hashPassword, verifyPassword, ARGON2ID_OPTIONS } from './modules/auth/password.ts';
export { AppError } from './http/app-error.ts';
export { ERROR_STATUS, SERVER_ERROR_STATUS, statusOf } from './http/error-catalogue.ts';
export type { ErrorCode, ServerErrorCode } from './http/error-catalogue.ts';
export { describePermission } from './http/route-permission.ts';
export type { RoutePermission } from './http/route-permission.ts';
export type { AppServices, RegisteredRoute, RequestContext } from './http/request-context.ts';
export { SESSION_COOKIE } from './http/session-cookie.ts';
export { toErrorResponse, ERROR_BODY_SCHEMA } from './http/error-handler.ts';
export type { ErrorBody } from './http/error-handler.ts';
export { PolicyCache } from './http/policy-cache.ts';
export type { PolicySnapshot } from './http/policy-cache.ts';
export { commitChange, commitChanges } from './modules/directory/commit-change.ts';
export type { CommitOptions, CommitResult } from './modules/directory/commit-change.ts';
export { previewChanges } from './modules/directory/change-preview.ts';
export type { ChangePreview } from './modules/directory/change-preview.ts';
export type { PolicyChange } from './modules/directory/policy-change.ts';
export {
  createInvitedUser,
  endUserSessions,
  inviteUser,
  resetPassword,
} from './modules/accounts/account-service.ts';
export type { AccountSettings, Invitation, NewUser } from './modules/accounts/account-service.ts';
export { checkPassword, normalizePassword } from './modules/accounts/password-policy.ts';
export type {
  PasswordContext,
  PasswordRejection,
  PasswordVerdict,
} from './modules/accounts/password-policy.ts';
export { startSession, rotateSession } from './modules/auth/start-session.ts';
export type { LoginResponse, SignedInAccount } from './modules/auth/start-session.ts';
export { SECURE_SESSION_COOKIE, sessionCookieName } from './http/session-cookie.ts';
export { publicUrlOf } from './config.ts';
export { resetMfa } from './modules/auth/mfa/reset-mfa.ts';
export type { MfaResetResult } from './modules/auth/mfa/reset-mfa.ts';
export { offboardUser, previewOffboarding } from './modules/directory/offboarding.ts';
export type { OffboardInput, OffboardPreview } from './modules/directory/offboarding.ts';
export { runAccessReviewDeadlines } from './modules/reviews/review-deadlines.ts';
export type { DeadlinePass } from './modules/reviews/review-deadlines.ts';
export { verifyEvidence } from './modules/reviews/review-evidence.ts';
export { closeCampaign, createCampaign, startCampaign } from './modules/reviews/review-service.ts';
export type { CampaignInput } from './modules/reviews/review-service.ts';
export { evidenceCsv, evidencePdf, summaryOf } from './modules/reviews/review-evidence.ts';
export { createServerKeys } from './http/server-keys.ts';
export { runAccessRequestExpiry } from './modules/requests/access-request-expiry.ts';
export type { ExpiryServices } from './modules/requests/access-request-expiry.ts';
export {
  AUDIT_CSV_COLUMNS,
  auditExportChunks,
  type AuditExportFormat,
} from './modules/audit/audit-export.ts';
export { auditFilterOf, type AuditFilterParams } from './modules/audit/audit-filter.ts';
export {
  runAuditCheckpoints,
  checkpointDir,
  checkpointFile,
  parseCheckpointFile,
  CHECKPOINT_FILE_FORMAT,
} from './modules/audit-chain/audit-checkpoints.ts';
export type {
  AuditCheckpointRun,
  AuditCheckpointServices,
  CheckpointFile,
} from './modules/audit-chain/audit-checkpoints.ts';
export { loadAuditKey, parseAuditKeyFile } from './modules/audit-chain/audit-key.ts';
