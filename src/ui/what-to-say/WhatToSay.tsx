import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { useWhatToSay, type SayLine } from './use-what-to-say';

/**
 * "What to say instead" under a claim the page makes: short lines the reader can copy, each with
 * its sources. Given its lines; copying is the only thing it does.
 */
export function WhatToSay({ lines, open = false }: { lines: SayLine[]; open?: boolean }) {
  const [copied, setCopied] = useState('');
  if (!lines.length) return null;
  const copy = (line: SayLine) =>
    navigator.clipboard.writeText(line.text).then(
      () => setCopied(line.id),
      () => setCopied(''),
    );
  return (
    <details class="what-to-say" open={open}>
      <summary>{t('whatToSayHeading')}</summary>
      <ul>
        {lines.map((line) => (
          <li key={line.id}>
            <span class="say">{line.text}</span>{' '}
            <button type="button" class="link small" onClick={() => void copy(line)} aria-label={t('whatToSayCopy', line.text)}>
              {copied === line.id ? t('whatToSayCopied') : t('copy')}
            </button>{' '}
            <span class="sources-inline">
              {line.sources.map((s, j) => (
                <a key={s.href} href={s.href} target="_blank" rel="noopener noreferrer" aria-label={`${t('sourceShort')} ${j + 1}: ${s.citation}`}>
                  [{j + 1}]
                </a>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Wires a claim to its lines (the hook reads the bundled file). */
export function ClaimWhatToSay({ claim, open }: { claim: string; open?: boolean }) {
  return <WhatToSay lines={useWhatToSay(claim)} open={open} />;
}
