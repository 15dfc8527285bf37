/** A bounded count as the console shows it: "25", or "10,000+" when it is a lower bound (ADR 0007). */
export function countText(count: number, exact: boolean, language: string): string {
  const text = count.toLocaleString(language);
  return exact ? text : `${text}+`;
}
