import { isIP } from 'node:net';
import { AppError } from '../../http/app-error.ts';
import { hostAllowed, isLocalAddress } from './webhook-address.ts';

export { hostAllowed };

/**
 * Check a webhook URL: http or https, no user name or password in it, and a host the allow-list
 * (`webhookAllowedHosts`) admits. Throws WEBHOOK_URL_INVALID / WEBHOOK_HOST_NOT_ALLOWED naming
 * `field`.
 */
export function checkWebhookUrl(
  raw: string,
  allowed: readonly string[],
  field = 'body/url',
): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('WEBHOOK_URL_INVALID', 'url must be an absolute http or https URL', {
      field,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('WEBHOOK_URL_INVALID', `url must be http or https, not ${url.protocol}`, {
      field,
    });
  if (url.username !== '' || url.password !== '')
    throw new AppError('WEBHOOK_URL_INVALID', 'url must not carry a user name or password', {
      field,
    });
  if (!hostAllowed(url.hostname, allowed))
    throw new AppError(
      'WEBHOOK_HOST_NOT_ALLOWED',
      `the host ${url.hostname} is not in the webhook allow-list (CUSTOS_WEBHOOK_ALLOWED_HOSTS)`,
      { field, host: url.hostname },
    );
  // A literal local address is refused at once (a name is checked when it is resolved, at each
  // delivery); naming it in the allow-list is the administrator's way to allow it.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    isIP(host) !== 0 &&
    isLocalAddress(host) &&
    !(allowed.length > 0 && hostAllowed(host, allowed))
  )
    throw new AppError(
      'WEBHOOK_HOST_NOT_ALLOWED',
      `the address ${host} is local or private: name it in CUSTOS_WEBHOOK_ALLOWED_HOSTS to allow it`,
      { field, host },
    );
  return url.toString();
}
