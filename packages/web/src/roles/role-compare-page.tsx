// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function RoleComparePage() {
  return <h1>RoleComparePage</h1>;
}
