import type { EvidenceCard } from '../../data/evidence/schema';

export type CardLang = 'en' | 'es';

/** A card in the reader's language, saying which language each part is in (for `lang` attributes). */
export type LocalizedCard = EvidenceCard & { textLang: CardLang; professionalLang: CardLang };

/**
 * Translated fields replace the English ones; anything not translated (for now the professional
 * detail) stays English and is marked so, rather than mixing languages silently.
 */
export function localizeCard(card: EvidenceCard, lang: CardLang): LocalizedCard {
  const translation = lang === 'en' ? undefined : card.translations?.[lang];
  if (!translation?.title) return { ...card, textLang: 'en', professionalLang: 'en' };
  return { ...card, ...translation, textLang: lang, professionalLang: translation.professional ? lang : 'en' };
}
