/**
 * Calls `onChange` after the page's URL changes (SPA navigation) or after substantial text has
 * been added (forums, infinite scroll) — debounced, never per mutation.
 */
export function watchForChanges(doc: Document, onChange: () => void, { minAddedChars = 1500, debounceMs = 1200 } = {}): () => void {
  let added = 0;
  let lastUrl = doc.location?.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      added = 0;
      lastUrl = doc.location?.href;
      onChange();
    }, debounceMs);
  };
  const View = doc.defaultView;
  const observer = new (View?.MutationObserver ?? MutationObserver)((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // textContent of an added subtree: no layout, and only for nodes that were added.
        if (node.nodeType === 1 && (node as Element).tagName.toLowerCase().startsWith('second-chance-')) continue;
        added += node.textContent?.length ?? 0;
      }
    }
    if (added >= minAddedChars || doc.location?.href !== lastUrl) schedule();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  const onPop = () => doc.location?.href !== lastUrl && schedule();
  View?.addEventListener('popstate', onPop);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    View?.removeEventListener('popstate', onPop);
  };
}
