import { TreeSelect } from 'antd';
import type { Department } from '../shared/admin-types.ts';
import { useDepartments } from './org-data.ts';

/** A department with its sub-departments, as Ant Design's Tree and TreeSelect take it. */
export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  disabled?: boolean;
  children: DepartmentNode[];
}

/**
 * The department tree: roots are those without a parent (or whose parent is unknown). `disable`
 * marks a department and its whole subtree unchoosable (a department cannot move under itself).
 */
export function departmentTree(
  departments: readonly Department[],
  disable?: string,
): DepartmentNode[] {
  const ids = new Set(departments.map((d) => d.id));
  const byParent = new Map<string | null, Department[]>();
  for (const d of departments) {
    const parent = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), d]);
  }
  const build = (parent: string | null, disabled: boolean, seen: Set<string>): DepartmentNode[] =>
    (byParent.get(parent) ?? []).flatMap((d) => {
      if (seen.has(d.id)) return [];
      const off = disabled || d.id === disable;
      return [
        {
          key: d.id,
          value: d.id,
          title: d.name,
          ...(off ? { disabled: true } : {}),
          children: build(d.id, off, new Set([...seen, d.id])),
        },
      ];
    });
  return build(null, false, new Set());
}

/** Choose a department from the tree (its id); `label` names the field for screen readers. */
export function DepartmentSelect({
  value,
  onChange,
  label,
  id,
  disable,
  allowClear = false,
}: {
  value?: string | null;
  onChange?: (departmentId: string | null) => void;
  label: string;
  id?: string;
  disable?: string;
  allowClear?: boolean;
}) {
  const departments = useDepartments();
  return (
    <TreeSelect
      id={id}
      aria-label={label}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      treeData={departmentTree(departments.data ?? [], disable)}
      treeDefaultExpandAll
      loading={departments.isLoading}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ minWidth: 240 }}
    />
  );
}
