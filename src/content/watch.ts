/**
 * Calls `onChange` after the page's URL changes (SPA navigation) or after substantial text has
 * been added (forums, infinite scroll) — debounced, never per mutation. A page that never stops
 * changing (a live ticker) is still read again, at most `maxWaitMs` after the first change.
 */
export function watchForChanges(
  doc: Document,
  onChange: () => void,
  { minAddedChars = 1500, debounceMs = 1200, maxWaitMs = 5000 } = {},
): () => void {
  let added = 0;
  let lastUrl = doc.location?.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending call must run at the latest, however busy the page is. */
  let deadline: number | undefined;
  const schedule = () => {
    const now = Date.now();
    deadline ??= now + maxWaitMs;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        added = 0;
        deadline = undefined;
        lastUrl = doc.location?.href;
        onChange();
      },
      Math.max(0, Math.min(debounceMs, deadline - now)),
    );
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
