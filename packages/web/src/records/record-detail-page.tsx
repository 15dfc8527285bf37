// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function RecordDetailPage() {
  return <h1>RecordDetailPage</h1>;
}
