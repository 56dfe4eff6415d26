/** Compact JSON: the header pretty, then one record per line. */
export function compactJson(head: Record<string, unknown>, listKey: string, list: unknown[]): string {
  const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  return `${headJson},\n "${listKey}": [\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n ]\n}\n`;
}
