// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function RoleEditorPage() {
  return <h1>RoleEditorPage</h1>;
}
