import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scopeOf, withScope, type RoleObjects } from './role-draft.ts';
import {
  ROLE_ACTIONS,
  ROLE_OBJECTS,
  type ObjectType,
  type RecordAction,
} from './role-vocabulary.ts';
import { ScopeSelect } from './scope-select.tsx';

const CELL: React.CSSProperties = {
  padding: '6px 3px',
  borderBottom: '1px solid #f0f0f0',
  textAlign: 'start',
};
const HEAD: React.CSSProperties = {
  ...CELL,
  background: '#fafafa',
  fontWeight: 600,
  whiteSpace: 'nowrap',
};

/**
 * A table of objects (rows) × actions (columns): the frame of the role editor's matrix and of
 * the comparison. `cell` renders one cell; `highlight` marks the cells to draw the eye to.
 */
export function MatrixTable({
  caption,
  cell,
  highlight,
  testId,
}: {
  caption: string;
  cell: (object: ObjectType, action: RecordAction) => ReactNode;
  highlight?: (object: ObjectType, action: RecordAction) => boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('roles');
  return (
    <table
      data-testid={testId}
      style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}
    >
      <caption style={visuallyHidden}>{caption}</caption>
      <colgroup>
        <col style={{ width: 80 }} />
        {ROLE_ACTIONS.map((action) => (
          <col key={action} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" style={HEAD}>
            {tr('editor.object')}
          </th>
          {ROLE_ACTIONS.map((action) => (
            <th key={action} scope="col" style={HEAD}>
              {t(`actionNames.${action}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROLE_OBJECTS.map((object) => (
          <tr key={object}>
            <th scope="row" style={{ ...HEAD, background: '#fcfcfc' }}>
              {t(`objects.${object}`)}
            </th>
            {ROLE_ACTIONS.map((action) => {
              const marked = highlight?.(object, action) ?? false;
              return (
                <td
                  key={action}
                  data-cell={`${object}.${action}`}
                  data-differs={marked ? 'true' : undefined}
                  style={{ ...CELL, ...(marked ? { background: '#fff1b8' } : {}) }}
                >
                  {cell(object, action)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Hidden from sight, read by screen readers. */
export const visuallyHidden: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** The role editor's permission matrix: a scope picker per object and action. */
export function PermissionMatrix({
  objects,
  saved,
  onChange,
}: {
  objects: RoleObjects;
  /** The saved role's object permissions: cells that differ from them are marked as edited. */
  saved?: RoleObjects;
  onChange: (objects: RoleObjects) => void;
}) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('roles');
  const edited = (object: ObjectType, action: RecordAction) =>
    saved !== undefined && scopeOf(saved, object, action) !== scopeOf(objects, object, action);
  return (
    <MatrixTable
      testId="permission-matrix"
      caption={tr('editor.matrixCaption')}
      highlight={edited}
      cell={(object, action) => (
        <ScopeSelect
          label={tr('editor.cellLabel', {
            object: t(`objects.${object}`),
            action: t(`actionNames.${action}`),
          })}
          value={scopeOf(objects, object, action)}
          changed={edited(object, action)}
          onChange={(scope) => onChange(withScope(objects, object, action, scope))}
        />
      )}
    />
  );
}
