import { AppError } from '../../http/app-error.ts';

/** Whether `host` is in the allow-list (`crm.example.com`, or `*.example.com` for subdomains). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) => (a.startsWith('*.') ? h.endsWith(a.slice(1)) : h === a));
}

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
  return url.toString();
}
