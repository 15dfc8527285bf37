// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function RolesPage() {
  return <h1>RolesPage</h1>;
}
