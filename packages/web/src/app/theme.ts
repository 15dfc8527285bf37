import type { ThemeConfig } from 'antd';

/**
 * Ant Design's theme with colours that meet WCAG 2 AA contrast (4.5:1 for text) on white: the
 * default primary blue (#1677ff, 4.0:1) and the secondary text greys (45 % black, 3.4:1) do not.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#d4380d',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
  },
};
