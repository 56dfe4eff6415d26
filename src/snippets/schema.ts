/** A quote the reader saved on purpose: the only page-derived data Second Chance keeps. */
export interface Snippet {
  id?: number;
  quote: string;
  prefix: string;
  suffix: string;
  position: { start: number; end: number };
  url: string;
  title: string;
  site: string;
  savedAt: number;
  topics: string[];
  claims: string[];
  cardIds: string[];
  note: string;
  tags: string[];
}
