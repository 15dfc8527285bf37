export * from './backup-catalogue.ts';
export * from './backup-container.ts';
export * from './backup-error.ts';
export * from './backup-manifest.ts';
export * from './restore-backup.ts';
export * from './write-backup.ts';
