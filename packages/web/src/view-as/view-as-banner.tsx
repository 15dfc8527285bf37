/** The "viewing as" banner (the view-as part of the console fills this in). */
export function ViewAsBanner() {
  return null;
}
