// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function SharingPage() {
  return <h1>SharingPage</h1>;
}
