// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function AccessInspectorPage() {
  return <h1>AccessInspectorPage</h1>;
}
