// Placeholder of the skeleton: the part of issue 9 that owns this screen replaces it.
export function SetPasswordPage() {
  return <h1>SetPasswordPage</h1>;
}
