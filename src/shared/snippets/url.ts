/** Query parameters that only track where a click came from; removed before a URL is saved. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|s_cid)$/i;

/** The page's URL as saved with a snippet: no tracking parameters, no fragment. */
export function cleanUrl(raw: string): string {
  try {
    const url = new URL(raw);
    for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
    url.hash = '';
    return url.toString();
  } catch {
    return raw;
  }
}

/** Percent-encode a text-fragment term ("-", "," and "&" have meanings there). */
const term = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * A link that opens the page scrolled to the quote (a `#:~:text=` text fragment): the first and
 * last few words for long quotes, with a word of context on each side to pick the right occurrence.
 */
export function textFragmentUrl(url: string, quote: string, prefix = '', suffix = ''): string {
  const words = quote.trim().split(/\s+/);
  const body = words.length > 8 ? `${term(words.slice(0, 4).join(' '))},${term(words.slice(-4).join(' '))}` : term(words.join(' '));
  const before = prefix.trim().split(/\s+/).slice(-2).join(' ');
  const after = suffix.trim().split(/\s+/).slice(0, 2).join(' ');
  const parts = [before ? `${term(before)}-` : '', body, after ? `-${term(after)}` : ''].filter(Boolean).join(',');
  return `${url.split('#')[0]}#:~:text=${parts}`;
}
