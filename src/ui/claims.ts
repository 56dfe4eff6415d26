import claims from '../../content-data/claims.json';
import { contentLang } from '../platform/i18n';

const byId = new Map(claims.claims.map((c) => [c.id, c]));

/** A claim's wording in the UI language. */
export function claimText(id: string): string {
  const claim = byId.get(id);
  if (!claim) return id;
  return contentLang() === 'es' ? claim.es : claim.en;
}
