// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function RecordListPage() {
  return <h1>RecordListPage</h1>;
}
