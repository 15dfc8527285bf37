import type { DemoLogin } from '@custos/store';

/** Columns on a terminal: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xffdc)) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain-text table; the first row is the heading. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  }
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => pad(cell, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (head === undefined) return '';
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...body.map(line)].join('\n');
}

/** The demo logins, headed in zh-CN and en-US. `more` counts logins left out of the table. */
export function renderLogins(logins: readonly DemoLogin[], more = 0): string {
  const rows = [
    ['邮箱 Email', '姓名 Name', '角色 Role', '密码 Password'],
    ...logins.map((l) => [l.email, l.name, l.role, l.password]),
  ];
  const lines = ['演示账号 / Demo logins', '', renderTable(rows)];
  if (more > 0) {
    lines.push(
      `…另有 ${more} 名销售代表,密码相同 / …and ${more} more sales reps with the same password`,
    );
  }
  return `${lines.join('\n')}\n`;
}
