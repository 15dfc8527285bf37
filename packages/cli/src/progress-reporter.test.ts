import { describe, expect, it } from 'vitest';
import { renderTable } from './login-table.ts';
import { progressReporter } from './progress-reporter.ts';

describe('progressReporter off a terminal', () => {
  it('writes one plain line per tenth reached, however the batches fall', () => {
    let out = '';
    const progress = progressReporter({ write: (s: string) => (out += s), isTTY: false });
    progress.start(1000, 'records');
    for (const done of [50, 250, 260, 999, 1000]) progress.update(done);
    progress.stop();
    expect(out.trim().split('\n')).toEqual([
      'records: 0/1000',
      'records: 250/1000 (20%)',
      'records: 999/1000 (90%)',
      'records: 1000/1000 (100%)',
    ]);
  });
});

describe('renderTable', () => {
  it('aligns columns counting CJK characters as two', () => {
    const table = renderTable([
      ['name', 'role'],
      ['李雷', '销售代表'],
      ['Li', 'rep'],
    ]);
    expect(table.split('\n')).toEqual([
      'name  role',
      '----  --------',
      '李雷  销售代表',
      'Li    rep',
    ]);
  });
});
