// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function DepartmentsPage() {
  return <h1>DepartmentsPage</h1>;
}
