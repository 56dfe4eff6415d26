import { CONTEXT_LENGTH } from '../anchoring/types';
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
 * last few words for long quotes, with a word or two of context on each side to pick the right
 * occurrence. Context is captured inside the quote's own block (see the page tool): a prefix or
 * suffix from the previous or next paragraph makes the browser find nothing. A context cut off
 * mid-word (at the saved 32 characters) loses that partial word, since fragments match whole words.
 */
export function textFragmentUrl(url: string, quote: string, prefix = '', suffix = ''): string {
  const words = quote.trim().split(/\s+/);
  const body = words.length > 8 ? `${term(words.slice(0, 4).join(' '))},${term(words.slice(-4).join(' '))}` : term(words.join(' '));
  const prefixWords = prefix.trim().split(/\s+/).filter(Boolean);
  if (prefix.length >= CONTEXT_LENGTH && !/^\s/.test(prefix)) prefixWords.shift();
  const suffixWords = suffix.trim().split(/\s+/).filter(Boolean);
  if (suffix.length >= CONTEXT_LENGTH && !/\s$/.test(suffix)) suffixWords.pop();
  const before = prefixWords.slice(-2).join(' ');
  const after = suffixWords.slice(0, 2).join(' ');
  const parts = [before ? `${term(before)}-` : '', body, after ? `-${term(after)}` : ''].filter(Boolean).join(',');
  return `${url.split('#')[0]}#:~:text=${parts}`;
}

const isWeb = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';

/** Only web pages are stored or linked: never javascript:, data:, file:, chrome: and the like. */
export function isWebUrl(raw: string): boolean {
  try {
    return isWeb(new URL(raw));
  } catch {
    return false;
  }
}
const bareHost = (u: URL) => u.hostname.replace(/^www\./, '');

/**
 * Whether a page's canonical link may stand for the page: http(s), and the same site. Without a
 * public-suffix list "same site" is taken strictly: the same host, ignoring a leading "www." (so
 * example.org and www.example.org match, a.example.org and b.example.org do not). A page can only
 * ever point at itself, never at another site's URL (whose saved quotes it would otherwise get).
 */
export function sameSite(pageUrl: string, canonicalUrl: string): boolean {
  try {
    const page = new URL(pageUrl);
    const canonical = new URL(canonicalUrl);
    return isWeb(page) && isWeb(canonical) && bareHost(page) === bareHost(canonical) && (canonical.port === page.port || !canonical.port || !page.port);
  } catch {
    return false;
  }
}

/**
 * Where the reader is, as the BROWSER says (the tab's or sender's URL), cleaned; the page's
 * canonical link replaces it only when it is on the same site. Undefined for non-web pages.
 */
export function pageUrlFor(browserUrl: string | undefined, canonicalUrl?: string): string | undefined {
  if (!browserUrl) return undefined;
  try {
    if (!isWeb(new URL(browserUrl))) return undefined;
  } catch {
    return undefined;
  }
  return cleanUrl(canonicalUrl && sameSite(browserUrl, canonicalUrl) ? canonicalUrl : browserUrl);
}
