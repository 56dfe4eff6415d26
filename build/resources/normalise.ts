/**
 * Cleaning and matching keys for names, addresses and ZIPs (pure). Two rows are compared through
 * these keys, never through their display text.
 */

/** Trim, collapse whitespace, no space before punctuation, a space after a comma between words. */
export function clean(s: string | undefined): string {
  return (s ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/ ([,;:])/g, '$1')
    .replace(/(?<=[A-Za-z.)]),(?=[A-Za-z0-9])/g, ', ')
    .replace(/^[\s,;]+|[\s,;]+$/g, '');
}

const KEEP_UPPER = new Set(
  'LLC PLLC LLP LP PC PA PSC DBA OTP MAT MMT BHG CRC USA US VA VAMC HIV AIDS II III IV VI VII VIII IX XI XII XIII XIV NE NW SE SW PO MD DO LPC LCSW CMHC ATS CSB CSP SUD MH BH DUI DWI IOP YMCA YWCA ADHD OBOT OTC CODAC NYC UCLA ORS'.split(
    ' ',
  ),
);
const STREET_ABBR = new Set(['ST', 'RD', 'DR', 'LN', 'CT', 'PL', 'HWY', 'BLVD', 'PKWY', 'SQ', 'FL', 'FLR', 'STE', 'BLDG', 'MT', 'FT', 'CTR']);
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'at', 'in', 'on', 'a', 'an', 'to', 'by', 'de', 'del', 'la', 'y']);

function titleWord(word: string, first: boolean): string {
  const letters = word.replace(/[^A-Za-z]/g, '');
  if (!letters) return word;
  if (/^\d/.test(word)) return /^\d+(ST|ND|RD|TH)\.?$/i.test(word) ? word.toLowerCase() : word;
  if (KEEP_UPPER.has(letters)) return word;
  if ((word.match(/\./g) ?? []).length >= 2 && letters.length <= 4) return word; // B.N.J., U.S.
  if (!/[AEIOUY]/.test(letters) && letters.length <= 5 && !STREET_ABBR.has(letters)) return word; // CRC, BHG
  const lower = word.toLowerCase();
  if (!first && SMALL_WORDS.has(lower)) return lower;
  return lower
    .replace(/(^|[-/(."])([a-z])/g, (_, p: string, ch: string) => p + ch.toUpperCase())
    .replace(/^O'([a-z])/i, (_, ch: string) => `O'${ch.toUpperCase()}`);
}

/**
 * Consistent casing: a string written all in capitals (an "AMAZING GRACE CENTER INC") becomes
 * title case, keeping acronyms (LLC, BHG, II). Short all-capital strings are probably acronyms
 * ("SEARHC", "HAART") and are left alone, as is anything already in mixed case.
 */
export function fixCase(s: string, minLetters: number, mayBeAcronym = true): string {
  const letters = s.replace(/[^A-Za-z]/g, '');
  if (letters.length < minLetters || s !== s.toUpperCase()) return s;
  const words = s.split(' ');
  const wordy = words.some((w) => {
    const l = w.replace(/[^A-Za-z]/g, '');
    return l.length >= 4 && /[AEIOUY]/.test(l) && !KEEP_UPPER.has(l);
  });
  if (mayBeAcronym && !wordy) return s;
  return words.map((w, i) => titleWord(w, i === 0)).join(' ');
}

export function normZip(s: string | undefined): string | null {
  const m = clean(s).match(/^(\d{3,5})(?:-\d{4})?$/);
  return m ? m[1].padStart(5, '0') : null;
}

function baseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1') // U.S. -> US., P.O. -> PO.
    .replace(/\.(?=[a-z0-9])/g, ' ') // E.40th -> E 40th
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NAME_STOP = new Set(['the', 'inc', 'incorporated', 'llc', 'pllc', 'lp', 'llp', 'pc', 'psc', 'corp', 'corporation', 'co', 'company', 'ltd', 'of', 'and', 'dba', 'a', 'at']);
const NAME_MAP: Record<string, string> = {
  ctr: 'center', centre: 'center', cntr: 'center', centers: 'center', svcs: 'services', servs: 'services', srvs: 'services',
  svc: 'services', serv: 'services', service: 'services', servis: 'services', trt: 'treatment', trtmt: 'treatment',
  hlth: 'health', behav: 'behavioral', bhvl: 'behavioral', behavioural: 'behavioral', assn: 'association',
  assoc: 'association', cnty: 'county', dept: 'department', mgmt: 'management', prog: 'program', programs: 'program',
  pgm: 'program', st: 'saint', mt: 'mount', ft: 'fort', hosp: 'hospital', med: 'medical', comp: 'comprehensive',
  compr: 'comprehensive', couns: 'counseling', counselling: 'counseling', csl: 'counseling', rehab: 'rehabilitation',
  sys: 'system', systems: 'system', natl: 'national', intl: 'international', univ: 'university', comm: 'community',
  cmty: 'community', mntl: 'mental', subst: 'substance', ste: 'sainte', clinics: 'clinic',
};

/** Matching key for a name: lowercase, no punctuation, no "Inc"/"LLC"/"the", common abbreviations expanded. */
export function nameKey(name: string): string {
  return baseKey(name)
    .split(' ')
    .map((t) => NAME_MAP[t] ?? t)
    .filter((t) => t && !NAME_STOP.has(t))
    .join(' ');
}

const ADDR_MAP: Record<string, string> = {
  street: 'st', str: 'st', avenue: 'ave', av: 'ave', avn: 'ave', road: 'rd', drive: 'dr', drv: 'dr', boulevard: 'blvd',
  blv: 'blvd', highway: 'hwy', hiway: 'hwy', hway: 'hwy', lane: 'ln', court: 'ct', place: 'pl', parkway: 'pkwy',
  pky: 'pkwy', circle: 'cir', terrace: 'ter', square: 'sq', trail: 'trl', turnpike: 'tpke', expressway: 'expy',
  freeway: 'fwy', plaza: 'plz', route: 'rte', rt: 'rte', north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne',
  northwest: 'nw', southeast: 'se', southwest: 'sw', first: '1st', second: '2nd', third: '3rd', fourth: '4th',
  fifth: '5th', sixth: '6th', seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th', mount: 'mt', saint: 'st',
  fort: 'ft', center: 'ctr', centre: 'ctr', pike: 'pk', extension: 'ext', alley: 'aly', crossing: 'xing', point: 'pt',
};
const UNIT_WORDS = new Set(['suite', 'suites', 'ste', 'stes', 'unit', 'apt', 'room', 'rm', 'bldg', 'building', 'floor', 'fl', 'flr', 'po', 'dept', 'box']);

/** A street with no letters or digits ("- - -") is a placeholder: no address. */
export function isPlaceholderStreet(s: string): boolean {
  return !/[A-Za-z0-9]/.test(s);
}

const WORD_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Matching key for a street address: the first comma-separated part that starts with a house
 * number (so "Suite 4, 4th Floor" and "P.O. Box" tails are ignored), abbreviations unified,
 * suite/unit/floor words and what follows dropped.
 */
export function addrKey(address: string): string {
  const parts = address
    .split(',')
    .map((x) => x.trim().replace(/^(one|two|three|four|five|six|seven|eight|nine|ten)\b/i, (w) => String(WORD_NUMBERS.indexOf(w.toLowerCase()) + 1)))
    .filter(Boolean);
  const street = parts.find((x) => /^\d/.test(x)) ?? parts[0] ?? '';
  const tokens = baseKey(street.replace(/#/g, ' suite '))
    .split(' ')
    .filter(Boolean)
    .map((t) => ADDR_MAP[t] ?? t);
  const cut = tokens.findIndex((t, i) => i >= 2 && UNIT_WORDS.has(t));
  return (cut > 0 ? tokens.slice(0, cut) : tokens).join(' ');
}

/** Key used by the "same normalised name+address" rule (exported for the tests). */
export function placeKey(row: { state: string; name: string; address: string }): string {
  return `${row.state}|${nameKey(row.name)}|${addrKey(row.address)}`;
}

/** name1 + name2: "Bradford Health Services - Huntsville Regional Office", but "Crossroads Treatment Center of Fort Worth". */
export function joinNames(name1: string, name2: string): string {
  if (!name2) return name1;
  if (/[-/(]$/.test(name1)) return `${name1}${name2}`;
  if (/\b(of|at|and|for|the|in|on|&)$/i.test(name1) || /^[(/]/.test(name2)) return `${name1} ${name2}`;
  return `${name1} - ${name2}`;
}

/** Suite/unit/room designator of an address ("Suite A-210" -> "a210"), if any. */
export function unitOf(address: string): string | undefined {
  const m = address.match(/(?:\b(?:suites?|stes?|unit|room|rm)\b\.?|#)\s*([a-z0-9-]+)/i);
  return m ? m[1].toLowerCase().replace(/-/g, '') : undefined;
}

const GENERIC = new Set(
  'center treatment services health behavioral mental recovery community county counseling substance abuse addiction program clinic family medical hospital system new care inc association outpatient residential house home recovery wellness life hope solutions group saint'.split(
    ' ',
  ),
);

/** Loose name match for joins: the distinctive words overlap. */
export function namesSimilar(a: string, b: string): boolean {
  if (a === b) return true;
  const tokens = (s: string) => new Set(s.split(' ').filter((t) => t && !GENERIC.has(t)).map((t) => (t.length > 4 ? t.replace(/s$/, '') : t)));
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size || !tb.size) return false;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.min(ta.size, tb.size) >= 0.5;
}
