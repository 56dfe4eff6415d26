import claims from '../../content-data/claims.json';
import { contentLang } from '../platform/i18n';

const byId = new Map(claims.claims.map((c) => [c.id, c]));

/** A claim's wording in the UI language. */
export function claimText(id: string): string {
  const claim = byId.get(id);
  if (!claim) return id;
  return contentLang() === 'es' ? claim.es : claim.en;
}

/**
 * A lexicon phrase as a reader should see it: the detector's stem wildcard ("overdos*", "test strip*")
 * becomes an ellipsis ("overdos…"). Done here, at display, so it holds whatever syntax the lexicon uses.
 */
export function readablePhrase(phrase: string): string {
  return phrase.replace(/\*+/g, '…').replace(/\s+/g, ' ').trim();
}
