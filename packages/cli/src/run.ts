import { Command, CommanderError } from 'commander';
import { configureAuditChain } from './audit-chain-command.ts';
import { configureBackup, configureRestore } from './backup-command.ts';
import { configureCheck } from './check-command.ts';
import { CliError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { commandContext } from './command-context.ts';
import { configureDemo } from './demo-command.ts';
import { EXIT, type ExitCode } from './exit-code.ts';
import { configureExplain } from './explain-command.ts';
import { configureExport } from './export-command.ts';
import { configureAuditExport } from './audit-export-command.ts';
import { DEFAULT_DATA_DIR, DEFAULT_TENANT } from './global-options.ts';
import { configureImport } from './import-command.ts';
import { configureKeys } from './keys-command.ts';
import { configureMigrate } from './migrate-command.ts';
import { configureSeed } from './seed-command.ts';
import { configureServe } from './serve-command.ts';
import { configureUser } from './user-command.ts';
import { configureReview } from './review-command.ts';

/** The `custos` program: every command, its options and help, writing to `io`. */
export function buildProgram(io: CliIo, exit: (code: ExitCode) => void): Command {
  const ctx = commandContext(io, exit);
  const program = new Command('custos')
    .description('Custos: a CRM whose heart is customer-data permission management')
    .option('--data-dir <dir>', `PGlite data directory (default ${DEFAULT_DATA_DIR})`)
    .option('--database-url <url>', 'PostgreSQL connection string (default DATABASE_URL)')
    .option('--tenant <id>', `tenant (default ${DEFAULT_TENANT})`)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)');
  configureMigrate(program.command('migrate'), ctx);
  configureSeed(program.command('seed'), ctx);
  configureDemo(program.command('demo'), ctx);
  configureServe(program.command('serve'), ctx);
  configureCheck(program.command('check'), ctx);
  configureExplain(program.command('explain'), ctx);
  configureExport(program.command('export'), ctx);
  configureImport(program.command('import'), ctx);
  configureUser(program.command('user'), ctx);
  configureReview(program.command('review'), ctx);
  configureKeys(program.command('keys'), ctx);
  configureBackup(program.command('backup'), ctx);
  configureRestore(program.command('restore'), ctx);
  // 审计日志: verify and checkpoint (the chain), export (search).
  const audit = program.command('audit');
  configureAuditChain(audit, ctx);
  configureAuditExport(audit.command('export'), ctx);
  return program;
}

/** The catalogue code of an error, when it carries one (CliError, StoreError, EngineError). */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

/**
 * Run `custos` with `argv` (the arguments after the program name) and return the exit code:
 * 0 ok, 1 failure, 2 usage error, 3 denied (`check`). Never throws; never exits the process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse error is a usage error (already
      // printed by commander).
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      io.stderr.write(`custos: error [${error.code}]: ${error.message}\n`);
      return error.exitCode;
    }
    const catalogued = codeOf(error);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`custos: error${catalogued ? ` [${catalogued}]` : ''}: ${message}\n`);
    if (catalogued === undefined && io.env.CUSTOS_DEBUG && error instanceof Error) {
      io.stderr.write(`${error.stack ?? ''}\n`);
    }
    return EXIT.failure;
  }
}
