import type { Messages } from '../i18n/languages.ts';

/** The strings of do-not-sell (CCPA) and retention (数据保留). */
export const retentionMessages: Messages = {
  'zh-CN': {
    export: {
      button: '导出',
      count: '已导出 {{count}} 条',
      withheld: '{{count}} 条已扣留(不出售)',
    },
    doNotSell: {
      label: '不出售或共享我的个人信息',
      on: '已选择退出出售或共享',
      off: '未选择退出',
      toggle: '切换“不出售或共享”',
      source: '来源',
      received: '收到于',
      saved: '已保存',
      sources: {
        portal: '客户门户',
        web_form: '网页表单',
        gpc: '全球隐私控制 (GPC)',
        phone: '电话',
        email: '电子邮件',
        letter: '信函',
        in_person: '当面',
        other: '其他',
      },
    },
  },
  'en-US': {
    export: {
      button: 'Export',
      count: '{{count}} exported',
      withheld: '{{count}} withheld (do not sell)',
    },
    doNotSell: {
      label: 'Do not sell or share my personal information',
      on: 'Opted out of sale or sharing',
      off: 'Not opted out',
      toggle: 'Toggle "do not sell or share"',
      source: 'Source',
      received: 'Received',
      saved: 'Saved',
      sources: {
        portal: 'Customer portal',
        web_form: 'Web form',
        gpc: 'Global Privacy Control (GPC)',
        phone: 'Phone',
        email: 'E-mail',
        letter: 'Letter',
        in_person: 'In person',
        other: 'Other',
      },
    },
  },
};
