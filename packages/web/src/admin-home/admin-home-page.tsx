// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function AdminHomePage() {
  return <h1>AdminHomePage</h1>;
}
