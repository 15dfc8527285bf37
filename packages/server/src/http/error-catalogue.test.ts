import { readFile } from 'node:fs/promises';
import { RECORD_ERROR_CODES, RecordError } from '@custos/records';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, SERVER_ERROR_STATUS } from './error-catalogue.ts';
import { toErrorResponse } from './error-handler.ts';

describe('error catalogue', () => {
  it('agrees with docs/errors.md: every code with its status', async () => {
    const doc = await readFile(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    const documented = new Map(
      [...doc.matchAll(/^\| `([A-Z_]+)`\s*\| (\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]),
    );
    for (const [code, status] of Object.entries(ERROR_STATUS))
      expect(documented.get(code), code).toBe(status);
    expect([...documented.keys()].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });

  it('answers a refused record write with the CRM API’s status and the field', () => {
    for (const code of RECORD_ERROR_CODES) {
      expect(ERROR_STATUS[code], code).toBe(SERVER_ERROR_STATUS[code]);
    }
    const error = new RecordError('FIELD_NOT_EDITABLE', 'you may not edit the field idNumber', {
      field: 'body/fields/idNumber',
      level: 'masked',
    });
    expect(toErrorResponse(error)).toEqual({
      status: 403,
      body: {
        code: 'FIELD_NOT_EDITABLE',
        message: 'you may not edit the field idNumber',
        details: { field: 'body/fields/idNumber', level: 'masked' },
      },
    });
  });
});
