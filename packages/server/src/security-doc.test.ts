import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DOC = resolve(ROOT, 'docs/security.md');

interface Row {
  line: number;
  ids: string[];
  file: string;
  test: string;
}

/** The table rows of docs/security.md: requirement ids, and the test as `file` › `name`. */
function securityRows(text: string): Row[] {
  const rows: Row[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith('|') || /^\|\s*(Requirement|-)/.test(line)) return;
    const cells = line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
    const test = /^`([^`]+)` › `([^`]+)`$/.exec(cells[cells.length - 1] ?? '');
    if (test === null)
      throw new Error(`docs/security.md:${i + 1}: the last cell is not \`file\` › \`test\``);
    rows.push({
      line: i + 1,
      ids: (cells[0] ?? '').split(/\s*,\s*/).filter((id) => id !== ''),
      file: test[1] as string,
      test: test[2] as string,
    });
  });
  return rows;
}

describe('docs/security.md', () => {
  const rows = securityRows(readFileSync(DOC, 'utf8'));

  it('names only tests that exist', () => {
    const missing: string[] = [];
    for (const row of rows) {
      const path = resolve(ROOT, row.file);
      if (!existsSync(path)) {
        missing.push(`line ${row.line}: no file ${row.file}`);
        continue;
      }
      const source = readFileSync(path, 'utf8');
      if (
        !source.includes(`'${row.test}'`) &&
        !source.includes(`"${row.test}"`) &&
        !source.includes(`\`${row.test}\``)
      )
        missing.push(`line ${row.line}: no test "${row.test}" in ${row.file}`);
    }
    expect(missing).toEqual([]);
  });

  it('maps at least 40 distinct requirement ids, each written as a standard names it', () => {
    const ids = new Set(rows.flatMap((row) => row.ids));
    for (const id of ids)
      expect(id).toMatch(
        /^(ASVS v5\.0\.0-V\d+(\.\d+)+|800-63B §[\d.]+|RFC \d+ .+|GDPR Art\. \d+(\(\d+\))?|CCPA §1798\.\d+(\([a-z0-9]+\))*|NIST SP 800-\d+ Rev\. \d+|ISO\/IEC 27001:2022 A\.\d+\.\d+)$/,
      );
    expect(ids.size).toBeGreaterThanOrEqual(40);
  });
});
