import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { encodeLexicon } from '../src/shared/detect/lexicon-codec';

const PREFIX = '\0second-chance-lexicon:';

/** Bundle content-data/lexicon/{en,es}.json in their compact text form (see lexicon-codec). */
export function compactLexicons(codecPath: string): Plugin {
  return {
    name: 'second-chance:compact-lexicons',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/lexicon\/(?!config)[a-z]+\.json$/.test(source)) return null;
      // No ".json" at the end: Vite's JSON plugin must not see this module.
      return `${PREFIX}${resolve(dirname(importer), source)}.lexicon`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const encoded = encodeLexicon(JSON.parse(readFileSync(id.slice(PREFIX.length, -'.lexicon'.length), 'utf8')));
      return `import { decodeLexicon } from ${JSON.stringify(codecPath)};\nexport default decodeLexicon(${JSON.stringify(encoded)});`;
    },
  };
}
