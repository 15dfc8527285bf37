import type { Messages } from '../i18n/languages.ts';

export const viewAsMessages: Messages = {
  'zh-CN': {
    banner: '正在以「{{name}}」的身份查看（只读）',
    bannerDetail:
      '您看到的正是 {{name}} 能看到的客户数据和权限。查看期间不能修改任何数据，每次查看都会记入审计日志。',
    bannerBy: '查看人：{{viewer}}',
    exit: '退出查看',
    start: '以 {{name}} 的身份查看',
    startHelp: '只读地浏览 {{name}} 能看到的客户数据（会记入审计日志）',
    readOnlyRefused: '查看他人身份时不能修改数据：{{message}}',
  },
  'en-US': {
    banner: 'Viewing as “{{name}}” (read-only)',
    bannerDetail:
      'You see exactly the customer data and access {{name}} has. Nothing can be changed while viewing, and every request is recorded in the audit log.',
    bannerBy: 'Viewer: {{viewer}}',
    exit: 'Exit view as',
    start: 'View as {{name}}',
    startHelp: 'Browse read-only what {{name}} can see (recorded in the audit log)',
    readOnlyRefused: 'Nothing can be changed while viewing as someone else: {{message}}',
  },
};
