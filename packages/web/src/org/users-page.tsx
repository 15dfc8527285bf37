// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function UsersPage() {
  return <h1>UsersPage</h1>;
}
