export { RECORD_ERROR_CODES, RecordError } from './record-error.ts';
export type { RecordErrorCode } from './record-error.ts';
export type { DecisionContext, WriteAuditContext, WriteContext } from './write-context.ts';
export { writeAuditFields } from './write-context.ts';
export {
  checkEditable,
  checkKnownFields,
  checkSensitivity,
  ownerOf,
  portalAccountOf,
  prepareCreate,
  prepareUpdate,
  requireAction,
} from './record-rules.ts';
export type { CreateInput, UpdateInput } from './record-rules.ts';
export { lockForAction, readableRecord, recordNotFound } from './readable-record.ts';
export { inTransaction } from './in-transaction.ts';
export { createRecordAs } from './create-record.ts';
export type { CreateRecordInput } from './create-record.ts';
export { updateRecordAs } from './update-record.ts';
export { deleteRecordAs } from './delete-record.ts';
export { transferRecordAs } from './transfer-record.ts';
export type { TransferInput, TransferOutcome } from './transfer-record.ts';
export { parseCell, unchanged, visibleCell } from './field-values.ts';
export { recordPages } from './record-pages.ts';
export { exportExclusions, exportPages, exportTable } from './export-table.ts';
export type { ExportExclusions, ExportReader } from './export-table.ts';
export { importColumns, importRows, RECORD_COLUMNS } from './import-rows.ts';
export type { ImportFailure, ImportOptions, ImportOutcome, ImportRow } from './import-rows.ts';
