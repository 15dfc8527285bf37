import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  appendAuditEvent,
  readBackupManifest,
  verifyBackupFile,
  writeBackup,
  type BackupManifest,
  type Database,
} from '@custos/store';
import type { Config } from '../../config.ts';
import { createServerKeys } from '../../http/server-keys.ts';
import type { BackupRetention } from './backup-schedule.ts';
import { requireBackupKey } from './backup-key.ts';

/**
 * The server's backups (docs/backup.md): files in the backup directory named
 * `custos-<UTC time>-<kind>[-<random>].cbk`, sealed with the server's backup key. A scheduled
 * backup holds the whole database; one made on demand holds the asking tenant's rows. Each is
 * read back whole right after it is written (every frame authenticated, every table counted)
 * and audited in every tenant it holds (`backup.create`); retention removes the oldest
 * (`backup.prune`).
 */
export const BACKUP_FILE_NAME = /^custos-(\d{8}T\d{9}Z)-(scheduled|manual)(?:-[0-9a-f]{8})?\.cbk$/;

export type BackupKind = 'scheduled' | 'manual';

export interface BackupServices {
  database: Database;
  config: Pick<
    Config,
    'backupDir' | 'dataDir' | 'backupKeyFile' | 'backupKeep' | 'backupInterval' | 'secret'
  >;
}

export function backupDir(config: Pick<Config, 'backupDir' | 'dataDir'>): string {
  return resolve(config.backupDir ?? join(config.dataDir, 'backups'));
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:.]/g, '');
}

/** A new backup's file name. */
export function backupFileName(kind: BackupKind, at: number): string {
  return kind === 'scheduled'
    ? `custos-${stamp(at)}-scheduled.cbk`
    : `custos-${stamp(at)}-manual-${randomBytes(4).toString('hex')}.cbk`;
}

/** When a backup was made, from its name. */
export function backupTimeOf(name: string): number | undefined {
  const m = BACKUP_FILE_NAME.exec(name);
  if (m === null) return undefined;
  const t = m[1]!;
  return Date.parse(
    `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${t.slice(15, 18)}Z`,
  );
}

export function backupKindOf(name: string): BackupKind | undefined {
  return BACKUP_FILE_NAME.exec(name)?.[2] as BackupKind | undefined;
}

export async function backupKey(config: BackupServices['config']): Promise<Buffer> {
  return requireBackupKey(config, createServerKeys(config.secret));
}

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  createdAt: number;
  bytes: number;
}

/** The backups in the directory, newest first (other files are left alone). */
export async function listBackupFiles(config: BackupServices['config']): Promise<BackupFile[]> {
  const dir = backupDir(config);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files: BackupFile[] = [];
  for (const name of names) {
    const createdAt = backupTimeOf(name);
    if (createdAt === undefined) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info === undefined || !info.isFile()) continue;
    files.push({
      name,
      path: join(dir, name),
      kind: backupKindOf(name)!,
      createdAt,
      bytes: info.size,
    });
  }
  return files.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

export interface MadeBackup {
  name: string;
  bytes: number;
  manifest: BackupManifest;
  verified: boolean;
}

/**
 * Make one backup now: the whole database (`tenantId` undefined) or one tenant, into the backup
 * directory; read it back whole; audit `backup.create` in every tenant it holds.
 */
export async function makeBackup(
  services: BackupServices,
  options: {
    kind: BackupKind;
    tenantId?: string;
    now: number;
    /** The file name (default a new one of `kind`). */
    name?: string;
    actorId?: string | null;
    requestId?: string | null;
  },
): Promise<MadeBackup> {
  const key = await backupKey(services.config);
  const dir = backupDir(services.config);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = options.name ?? backupFileName(options.kind, options.now);
  const path = join(dir, name);
  const { manifest, bytes } = await writeBackup(services.database, {
    path,
    secret: { key },
    now: new Date(options.now),
    ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
  });
  const verified = await verifyBackupFile(path, { key }).then(
    (v) => v.rows === manifest.rows,
    () => false,
  );
  await services.database.db.transaction().execute(async (tx) => {
    for (const tenantId of manifest.tenants)
      await appendAuditEvent(tx, {
        tenantId,
        actorId: options.actorId ?? null,
        action: 'backup.create',
        target: `backup/${name}`,
        at: new Date(options.now),
        outcome: verified ? 'success' : 'failure',
        ...(options.requestId ? { requestId: options.requestId } : {}),
        after: {
          name,
          kind: options.kind,
          scope: manifest.scope,
          bytes,
          verified,
          tenants: manifest.tenants.length,
          rows: manifest.scope === 'tenant' ? manifest.rows : undefined,
          auditHead: manifest.auditHeads[tenantId] ?? null,
        },
      });
  });
  return { name, bytes, manifest, verified };
}

/**
 * Apply the retention (`CUSTOS_BACKUP_KEEP`) to the backup directory: the newest backup always
 * stays. Each removed backup is audited (`backup.prune`) in every tenant it held.
 */
export async function pruneBackups(services: BackupServices, now: number): Promise<string[]> {
  const keep: BackupRetention = services.config.backupKeep;
  const files = await listBackupFiles(services.config);
  const doomed = files.filter((f, i) => {
    if (i === 0) return false;
    return keep.kind === 'count' ? i >= keep.count : f.createdAt < now - keep.days * 86_400_000;
  });
  if (doomed.length === 0) return [];
  const key = await backupKey(services.config);
  const removed: string[] = [];
  for (const file of doomed) {
    // A backup this key cannot open (another key, damaged) names no tenant: removed all the same.
    const tenants = await readBackupManifest(file.path, { key }).then(
      (m) => m.tenants,
      () => [] as string[],
    );
    await rm(file.path, { force: true });
    removed.push(file.name);
    await services.database.db.transaction().execute(async (tx) => {
      for (const tenantId of tenants)
        await appendAuditEvent(tx, {
          tenantId,
          actorId: null,
          action: 'backup.prune',
          target: `backup/${file.name}`,
          at: new Date(now),
          before: {
            name: file.name,
            bytes: file.bytes,
            createdAt: new Date(file.createdAt).toISOString(),
          },
          after: {
            retention: keep.kind === 'count' ? `${keep.count}` : `${keep.days}d`,
          },
        });
    });
  }
  return removed;
}

/** When the next scheduled backup is due: now when none was made, else the last one + the interval. */
export async function nextScheduledBackup(
  services: BackupServices,
  now: number,
): Promise<number | null> {
  const interval = services.config.backupInterval;
  if (interval === 'off') return null;
  const last = (await listBackupFiles(services.config)).find((f) => f.kind === 'scheduled');
  return last === undefined ? now : Math.max(now, last.createdAt + interval);
}

/**
 * The scheduled backup (`backup.scheduled`, checked every 15 minutes): when the interval since the
 * newest scheduled backup has passed, back up the whole database and apply the retention.
 * Idempotent: a second call before the next is due does nothing.
 */
export async function runScheduledBackup(
  services: BackupServices,
  now: number,
): Promise<{ made: MadeBackup | null; pruned: string[] }> {
  const due = await nextScheduledBackup(services, now);
  if (due === null || due > now) return { made: null, pruned: [] };
  const made = await makeBackup(services, { kind: 'scheduled', now });
  const pruned = await pruneBackups(services, now);
  return { made, pruned };
}

/** The "back up now" job: the tenant's backup under the name the request answered. */
export async function runBackupJob(
  services: BackupServices & { clock: () => number },
  job: { tenantId: string; payload: unknown },
): Promise<void> {
  const payload = (job.payload ?? {}) as { name?: unknown; actorId?: unknown; requestId?: unknown };
  const name =
    typeof payload.name === 'string' && BACKUP_FILE_NAME.test(payload.name)
      ? payload.name
      : undefined;
  await makeBackup(services, {
    kind: 'manual',
    tenantId: job.tenantId,
    now: services.clock(),
    ...(name === undefined ? {} : { name }),
    actorId: typeof payload.actorId === 'string' ? payload.actorId : null,
    requestId: typeof payload.requestId === 'string' ? payload.requestId : null,
  });
}
