import type { FastifyInstance } from 'fastify';
import { localeOf } from '../../http/locale.ts';

/**
 * The CSP of the set-password page: its one script and nothing else from anywhere; it talks only
 * to this origin's API. No inline script or style, no framing, no form posts.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TEXT = {
  'zh-CN': {
    lang: 'zh-CN',
    title: 'Custos — 设置密码',
    heading: '设置密码',
    intro:
      '请为您的 Custos 账号设置密码：至少 15 个字符（启用多因素认证后至少 8 个），不要使用常见密码，也不要包含您的姓名、邮箱或公司名称。',
    password: '新密码',
    repeat: '再次输入新密码',
    submit: '设置密码',
  },
  'en-US': {
    lang: 'en',
    title: 'Custos — set your password',
    heading: 'Set your password',
    intro:
      'Choose a password for your Custos account: at least 15 characters (8 once MFA is on), not a common password, and not containing your name, e-mail or company name.',
    password: 'New password',
    repeat: 'New password again',
    submit: 'Set password',
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's HTML, in the reader's language (zh-CN by default). */
export function setPasswordHtml(locale: 'zh-CN' | 'en-US'): string {
  const t = TEXT[locale];
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(t.title)}</title>
<script src="/set-password.js" defer></script>
</head>
<body>
<main>
<h1>${e(t.heading)}</h1>
<p>${e(t.intro)}</p>
<form id="set-password" novalidate>
<p><label for="password">${e(t.password)}</label><br>
<input id="password" name="password" type="password" autocomplete="new-password" required maxlength="1024"></p>
<p><label for="repeat">${e(t.repeat)}</label><br>
<input id="repeat" name="repeat" type="password" autocomplete="new-password" required maxlength="1024"></p>
<p><button type="submit">${e(t.submit)}</button></p>
<p id="result" role="status" aria-live="polite"></p>
</form>
</main>
</body>
</html>
`;
}

/**
 * The page's script: takes the one-time token from the link, sends `POST /v1/auth/password/set`
 * as JSON (the API decides everything: policy, link validity) and shows the answer's message,
 * which the server writes in the reader's language.
 */
export const SET_PASSWORD_JS = `'use strict';
(function () {
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  var say = {
    mismatch: zh ? '两次输入的密码不一致。' : 'The two passwords differ.',
    noToken: zh ? '链接不完整：请打开邮件或管理员给您的完整链接。' : 'The link is incomplete: open the whole link you were given.',
    done: zh ? '密码已设置。现在可以用邮箱和新密码登录。' : 'Your password is set. Sign in with your e-mail and the new password.',
    failed: zh ? '无法设置密码：' : 'The password was not set: '
  };
  var token = new URLSearchParams(window.location.search).get('token');
  var form = document.getElementById('set-password');
  var result = document.getElementById('result');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var password = form.elements.password.value;
    if (!token) { result.textContent = say.noToken; return; }
    if (password !== form.elements.repeat.value) { result.textContent = say.mismatch; return; }
    fetch('/v1/auth/password/set', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': zh ? 'zh-CN' : 'en-US' },
      body: JSON.stringify({ token: token, password: password }),
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) { result.textContent = say.done; form.elements.password.value = ''; form.elements.repeat.value = ''; }
        else { result.textContent = say.failed + (body && body.message ? body.message : response.status); }
      });
    }, function () { result.textContent = say.failed; });
  });
})();
`;

/**
 * The page an invitation or reset link opens (`/set-password?token=…`): a form that sets the
 * password through `POST /v1/auth/password/set`. Public (the token is the proof), never cached,
 * no referrer (the token is in the URL), its own strict CSP. The web console replaces it later.
 */
export async function pageRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/set-password',
    {
      config: { permission: { kind: 'public' } },
      schema: { hide: true },
    },
    async (request, reply) => {
      const locale = localeOf(request.headers['accept-language'], app.custos.config.defaultLocale);
      return reply
        .header('content-security-policy', PAGE_CSP)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(setPasswordHtml(locale));
    },
  );
  app.get(
    '/set-password.js',
    { config: { permission: { kind: 'public' } }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .type('text/javascript; charset=utf-8')
        .send(SET_PASSWORD_JS),
  );
}
