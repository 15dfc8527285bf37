// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function GroupsPage() {
  return <h1>GroupsPage</h1>;
}
