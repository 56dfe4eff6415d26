import { useState } from 'preact/hooks';
import { citationText, sourceLink } from '../../shared/evidence/citation';
import type { LocalizedCard } from '../../shared/evidence/localize';
import type { EvidenceCard } from '../../data/evidence/schema';
import { claimText } from '../claims';
import { t } from '../../platform/i18n';

/** One evidence card: plain words first; detail and sources one click away (open in counselor mode). */
export function EvidenceCardView({ card, answers = [], expanded, level = 3 }: { card: LocalizedCard; answers?: string[]; expanded: boolean; level?: 3 | 4 }) {
  const headingId = `card-${card.id}`;
  const H = `h${level}` as 'h3';
  const Sub = `h${level + 1}` as 'h4';
  return (
    <article class="card" aria-labelledby={headingId} lang={card.textLang}>
      <H id={headingId}>{card.title}</H>
      <p class="strength">{t('strength', t(`strength_${card.strength}`))}</p>
      {answers.map((claim) => (
        <p class="answers" key={claim}>
          {t('answersClaim', claimText(claim))}
        </p>
      ))}
      <p>{card.summary}</p>
      <Sub>{t('whatYouCanDo')}</Sub>
      <ul>
        {card.whatYouCanDo.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <details open={expanded}>
        <summary>{t('moreDetail')}</summary>
        <Sub>{t('keyPoints')}</Sub>
        <ul>
          {card.keyPoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <Sub>{card.professionalLang === card.textLang ? t('professional') : t('professionalInEnglish')}</Sub>
        <div lang={card.professionalLang}>
          {card.professional.split(/\n\s*\n/).map((para) => (
            <p key={para}>{para}</p>
          ))}
        </div>
        <Sub>{t('sources')}</Sub>
        <ol class="sources">
          {card.sources.map((source) => (
            <SourceItem key={source.citation} source={source} />
          ))}
        </ol>
        <p class="muted small">{t('reviewed', card.reviewedAt)}</p>
      </details>
    </article>
  );
}

function SourceItem({ source }: { source: EvidenceCard['sources'][number] }) {
  const [status, setStatus] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(citationText(source)).then(
      () => setStatus(t('copied')),
      () => setStatus(t('copyFailed')),
    );
  return (
    <li>
      <span class="citation" lang="en">
        {source.citation}
      </span>{' '}
      <a href={sourceLink(source)} target="_blank" rel="noopener noreferrer">
        {t('openSource')}
      </a>{' '}
      <button type="button" class="link" onClick={() => void copy()}>
        {t('copyCitation')}
      </button>
      <span role="status" class="small">
        {status}
      </span>
    </li>
  );
}
