// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function AccountPage() {
  return <h1>AccountPage</h1>;
}
