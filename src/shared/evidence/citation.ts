import type { EvidenceCard } from '../../data/evidence/schema';

type Source = EvidenceCard['sources'][number];

/** The link for a source: its DOI, else PubMed, else its URL. */
export function sourceLink(source: Source): string {
  if (source.doi) return `https://doi.org/${source.doi}`;
  if (source.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/`;
  return source.url ?? '';
}

/** APA-style reference for the clipboard: the formatted citation followed by its link. */
export function citationText(source: Source): string {
  const link = sourceLink(source);
  const citation = source.citation.trim();
  return link && !citation.includes(link) ? `${citation} ${link}` : citation;
}
