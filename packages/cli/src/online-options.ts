import { Option, type Command } from 'commander';
import { apiClient, type ApiClient } from './api-client.ts';
import type { CliIo } from './cli-io.ts';
import { usageError } from './cli-error.ts';

/** The options of a command that can run against a server instead of the database. */
export interface OnlineFlags {
  server?: string;
  token?: string;
}

/** Add `--server URL` and `--token TOKEN` (defaults: `CUSTOS_SERVER`, `CUSTOS_TOKEN`). */
export function addOnlineOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--server <url>',
        'run against this Custos server over HTTP, while it holds the data (default CUSTOS_SERVER)',
      ),
    )
    .addOption(
      new Option(
        '--token <token>',
        'API token for --server (default CUSTOS_TOKEN; prefer the variable: arguments are visible to other users)',
      ),
    );
}

/**
 * The API client when the command runs online (`--server` or `CUSTOS_SERVER` given), else
 * undefined (the command opens the database). Online needs a token.
 */
export function onlineClient(flags: OnlineFlags, io: CliIo): ApiClient | undefined {
  const server = flags.server ?? (io.env.CUSTOS_SERVER || undefined);
  const token = flags.token ?? (io.env.CUSTOS_TOKEN || undefined);
  if (server === undefined) {
    if (flags.token !== undefined) throw usageError('--token needs --server URL');
    return undefined;
  }
  if (token === undefined)
    throw usageError(
      `--server ${server} needs an API token: --token TOKEN or CUSTOS_TOKEN (create one with POST /v1/auth/tokens)`,
    );
  return apiClient({ server, token });
}

/** The caller as the server knows it (`GET /v1/auth/me`): the token's owner. */
export interface OnlineUser {
  id: string;
  name: string;
  tenantId: string;
}

export async function whoAmI(client: ApiClient): Promise<OnlineUser> {
  const me = await client.json<{ user: OnlineUser }>('GET', '/v1/auth/me');
  return me.user;
}

/**
 * The user a command asks about online: the token's owner, unless `--as` names another user id
 * (asking for others needs `authz_query`; the server decides). Names and e-mails of other users
 * are resolved only offline.
 */
export async function onlineSubject(
  client: ApiClient,
  as: string | undefined,
): Promise<{ id: string; name: string | undefined; me: OnlineUser }> {
  const me = await whoAmI(client);
  if (as === undefined || as === me.id || as === me.name) return { id: me.id, name: me.name, me };
  if (as.includes('@'))
    throw usageError(
      `--as ${as}: online, name another user by their user id (or run offline, without --server)`,
    );
  const named = await client
    .json<{ data: { name?: string } }>('GET', `/v1/admin/users/${encodeURIComponent(as)}`)
    .then((r) => r.data.name)
    .catch(() => undefined);
  return { id: as, name: named, me };
}

/** `李雷 (lilei)`, or `(lilei)` when the name is not known. */
export function onlineLabel(user: { id: string; name: string | undefined }): string {
  return user.name === undefined ? `(${user.id})` : `${user.name} (${user.id})`;
}
