export * from './model.ts';
export * from './model-schema.ts';
export { OBJECT_CATALOGUE, objectName } from './object-catalogue.ts';
export type { ObjectEntry, ObjectNames, ObjectTable } from './object-catalogue.ts';
export type { Predicate } from './predicate.ts';
export { TRUE, FALSE, and, or, onParent, ownerIn, departmentIn } from './predicate.ts';
export {
  buildIndex,
  indexOf,
  defaultObjectSettings,
  privilegeSlot,
  updateIndex,
} from './policy-index.ts';
export { diffModels, isEmptyDiff } from './model-diff.ts';
export type { ListDiff, ModelDiff } from './model-diff.ts';
export type { PolicyIndex, PrincipalContext } from './policy-index.ts';
export type { ScopeRelation } from './access-core.ts';
export { decide } from './decide.ts';
export { decideWithReason } from './decide-reason.ts';
export { explain } from './explain.ts';
export type { AllowReason, DenyReason, Explanation, ReasonKind } from './explanation.ts';
export { createFieldAccess, fieldAccess, fieldLevelOf, isObjectType } from './field-access.ts';
export type { FieldAccessMap } from './field-access.ts';
export { mask } from './mask.ts';
export { filter } from './filter.ts';
export {
  reach,
  reachPathOf,
  REACH_PATHS,
  INTERNAL_REACH_PATHS,
  PORTAL_REACH_PATHS,
} from './reach.ts';
export type { Reach, ReachPath, ReachTerm } from './reach.ts';
export { evaluatePredicate, selectRecords } from './evaluate-predicate.ts';
export { attachRecordFacts, splitGrants } from './record-facts.ts';
export { hasFunction } from './functions.ts';
export {
  FUNCTION_CATALOGUE,
  ADMIN_FUNCTION_NAMES,
  functionEntry,
  isKnownFunction,
} from './function-catalogue.ts';
export type { FunctionEntry, FunctionName } from './function-catalogue.ts';
export { isPortalRole } from './portal-roles.ts';
export { coveredActions } from './escalation-coverage.ts';
export {
  checkEscalation,
  holdingsOf,
  recordGrantExcess,
  roleExcess,
  grantExcess,
  sharingRuleExcess,
  roleFieldLevel,
  holdingsExcess,
} from './escalation.ts';
export type { EscalationError, Holdings } from './escalation.ts';
export { matchesCriterion } from './criteria.ts';
export { levelCovers, orgDefaultCovers } from './coverage.ts';
export {
  validateModel,
  validateChange,
  validateRecordGrant,
  assertValidModel,
} from './validate-model.ts';
export type { ValidationResult, ValidationScope } from './validate-model.ts';
export { EngineError, ENGINE_ERROR_CODES } from './errors.ts';
export type { EngineErrorCode, ModelError } from './errors.ts';
export { actionName } from './explanation-text.ts';
export { sodMembers, sodRefKey } from './sod-members.ts';
export { sodConflicts, sodConflictKey, sodConflictsIntroduced, sodHoldings } from './sod.ts';
export type { SodConflict, SodHolding, SodSource } from './sod.ts';
export { leastPrivilege, permissionOfAuditAction, rolePermissions } from './least-privilege.ts';
export type {
  LeastPrivilegeInput,
  LeastPrivilegeReport,
  PermissionDenial,
  PermissionUse,
  RolePrivilege,
  RoleSuggestion,
  UnderPrivilege,
  UnusedGrant,
  UserPrivilege,
} from './least-privilege.ts';
