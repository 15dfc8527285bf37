// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function UserDetailPage() {
  return <h1>UserDetailPage</h1>;
}
