import { useEffect } from 'react';

/** The name of the field an Ant Design listbox belongs to: its input's label. */
function fieldName(input: HTMLElement): string | null {
  const own = input.getAttribute('aria-label');
  if (own !== null && own !== '') return own;
  const label =
    input.id === '' ? null : document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return label?.textContent?.trim() || null;
}

/**
 * Ant Design's Select and TreeSelect keep the list of an opened dropdown in the page (`<id>_list`,
 * `role="listbox"`) without an accessible name; a screen reader announces a nameless list. While
 * the page is shown, each such list is named after its field (the input `<id>`'s label).
 */
export function useNamedListboxes(): void {
  useEffect(() => {
    const name = () => {
      for (const list of document.querySelectorAll<HTMLElement>(
        '[role="listbox"][id$="_list"]:not([aria-label])',
      )) {
        const input = document.getElementById(list.id.slice(0, -'_list'.length));
        const label = input === null ? null : fieldName(input);
        if (label !== null) list.setAttribute('aria-label', label);
      }
    };
    const observer = new MutationObserver(name);
    observer.observe(document.body, { childList: true, subtree: true });
    name();
    return () => observer.disconnect();
  }, []);
}
