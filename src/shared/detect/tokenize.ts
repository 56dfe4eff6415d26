import { foldAccents } from './normalize';

/**
 * Words of a text as detector keys: lower-case, accents folded, apostrophes dropped ("Don’t" ->
 * "dont", "Adicción" -> "adiccion"); hyphens and other punctuation separate words. One pass over
 * the character codes, no regex, no copy of the whole text.
 */
export function forEachWord(text: string, visit: (key: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let apostrophe = false;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (isWordCode(c)) {
        if (c > 0x7f) plain = false;
        continue;
      }
      // An apostrophe inside a word ("don't", "d'une") keeps the word whole.
      if ((c === 0x27 || c === 0x2019) && i + 1 < n && isWordCode(text.charCodeAt(i + 1)) && i > start) {
        apostrophe = true;
        continue;
      }
      break;
    }
    let key = text.slice(start, i).toLowerCase();
    if (apostrophe) key = key.replace(/['\u2019]/g, '');
    if (!plain) key = fold(key);
    visit(key, start, i);
  }
}

/** Letters and digits (ASCII, Latin-1 and beyond, minus × ÷ and general punctuation). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x2bff) && (c < 0x3000 || c > 0x303f));
}

const folded = new Map<string, string>();
function fold(word: string): string {
  let hit = folded.get(word);
  if (hit === undefined) {
    hit = foldAccents(word);
    if (folded.size > 10_000) folded.clear();
    folded.set(word, hit);
  }
  return hit;
}

/** The keys of a phrase ("overdose deaths" -> ["overdose", "deaths"]). */
export function wordsOf(phrase: string): string[] {
  const out: string[] = [];
  forEachWord(phrase, (key) => out.push(key));
  return out;
}
