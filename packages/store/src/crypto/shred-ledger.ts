import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * The subjects whose keys were destroyed (crypto-shredding, docs/privacy.md, ADR 0021), kept with
 * the keys outside the database: one line `tenant<TAB>subject<TAB>ISO time` per erasure. Deleting
 * the key row erases the person from this database; the ledger makes the erasure outlive it — a
 * backup taken before the erasure still holds the wrapped key, and the keyring refuses any key
 * listed here, so a restored backup stays unreadable for that person.
 *
 * Without a path the ledger lives in memory (tests, ephemeral demos): say so in production.
 */
export class ShredLedger {
  private readonly entries = new Set<string>();

  constructor(readonly path?: string) {
    if (path !== undefined && existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const [tenantId, subjectId] = line.split('\t');
        if (tenantId && subjectId) this.entries.add(key(tenantId, subjectId));
      }
    }
  }

  has(tenantId: string, subjectId: string): boolean {
    return this.entries.has(key(tenantId, subjectId));
  }

  /** Every shredded subject of a tenant (for a restore to drop their key rows). */
  subjectsOf(tenantId: string): string[] {
    const prefix = `${tenantId}\u0000`;
    return [...this.entries].filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
  }

  /** Record an erasure durably (written and synced before the caller commits). */
  append(tenantId: string, subjectId: string, at: Date): void {
    if (this.has(tenantId, subjectId)) return;
    if (/[\t\n]/.test(tenantId + subjectId))
      throw new RangeError('ids may not hold tabs or newlines');
    if (this.path !== undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      const fd = openSync(this.path, 'a', 0o600);
      try {
        writeSync(fd, `${tenantId}\t${subjectId}\t${at.toISOString()}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.entries.add(key(tenantId, subjectId));
  }
}

function key(tenantId: string, subjectId: string): string {
  return `${tenantId}\u0000${subjectId}`;
}
