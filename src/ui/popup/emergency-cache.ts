const KEY = 'second-chance:emergency';

/**
 * The last emergency number the popup showed (e.g. "911"), kept in the extension's own
 * localStorage so the next popup can show it in its very first frame, before the database opens.
 * It is a public number, not personal data; "Delete all my data" clears it anyway.
 */
export function cachedEmergency(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberEmergency(dial: string | undefined): void {
  try {
    if (dial) localStorage.setItem(KEY, dial);
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: the popup simply waits for the database next time
  }
}
