import sayings from '../../../content-data/what-to-say.json';
import { contentLang } from '../../platform/i18n';

type Source = { citation: string; url?: string; doi?: string; pmid?: string };
export interface SayLine {
  id: string;
  text: string;
  sources: { citation: string; href: string }[];
}

const href = (s: Source) => s.url ?? (s.doi ? `https://doi.org/${s.doi}` : `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`);

/** The lines to say for a detector claim (content-data/what-to-say.json), in the UI language; none for other claims. */
export function useWhatToSay(claim: string): SayLine[] {
  const lang = contentLang();
  const lines = (sayings.claims as Record<string, { id: string; en: string; es: string; sources: string[] }[]>)[claim] ?? [];
  const sources = sayings.sources as Record<string, Source>;
  return lines.map((line) => ({
    id: line.id,
    text: line[lang],
    sources: line.sources.map((id) => ({ citation: sources[id].citation, href: href(sources[id]) })),
  }));
}
