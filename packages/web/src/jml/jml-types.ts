/** The answers of the joiner / mover / leaver API (`docs/joiner-mover-leaver.md`). */

export type Position =
  | {
      kind: 'department_head';
      departmentId: string;
      departmentName: string;
      newHolderId: string | null;
    }
  | { kind: 'manager'; userId: string; userName: string; newHolderId: string | null };

export interface OffboardPreview {
  user: { id: string; name: string; status: string; departmentId: string | null };
  valid: boolean;
  errors: { code: string; message: string; details: { field?: string } }[];
  records: {
    owned: Record<string, number>;
    total: number;
    customers: { id: string; name: string | null; successorId: string | null }[];
    customersListed: number;
  };
  teams: { customerId: string; access: string }[];
  grants: { id: string; object: string; access: string; target: string; recordId: string | null }[];
  groups: { id: string; name: string }[];
  positions: Position[];
  unassigned: Position[];
  access: { sessions: number; tokens: number };
  steps: string[];
}

export interface TransferPreview {
  change: {
    valid: boolean;
    errors: { code?: string; message: string }[];
    text: { 'zh-CN': string[]; 'en-US': string[] };
  };
  user: { id: string; name: string };
  records: { mode: 'keep' | 'transfer_to'; toUserId: string; owned: Record<string, number> };
  access: {
    object: string;
    read: { before: number; after: number };
    update: { before: number; after: number };
  }[];
}
