// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function MyAccessPage() {
  return <h1>MyAccessPage</h1>;
}
