import { useMemo, useState } from 'preact/hooks';
import { rankCards } from '../../shared/evidence/rank';
import type { LocalizedCard } from '../../shared/evidence/localize';
import { t } from '../../platform/i18n';
import type { PageAnalysis } from '../../messaging/protocol';
import { EvidenceCardView } from './EvidenceCardView';
import { TOPICS } from '../../shared/detect/types';


/** Cards chosen for the page, or — when the page is about none of the topics — all of them to browse. */
export function Evidence({ cards, analysis, expanded }: { cards: LocalizedCard[]; analysis: PageAnalysis | null | undefined; expanded: boolean }) {
  const ranked = useMemo(() => (analysis?.topics.length ? rankCards(cards, analysis) : []), [cards, analysis]);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidenceHeading')}</h2>
      {ranked.length ? (
        <>
          <p class="muted small">{t('evidenceForPage')}</p>
          {ranked.map(({ card, answers }) => (
            <EvidenceCardView key={card.id} card={card} answers={answers} expanded={expanded} />
          ))}
        </>
      ) : (
        <Browse cards={cards} expanded={expanded} />
      )}
    </section>
  );
}

function Browse({ cards, expanded }: { cards: LocalizedCard[]; expanded: boolean }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q ? cards.filter((c) => [c.title, c.summary, ...c.keyPoints, ...c.whatYouCanDo].join(' ').toLowerCase().includes(q)) : cards;
  return (
    <>
      <h3 class="visually-hidden">{t('browseHeading')}</h3>
      <label class="search">
        {t('searchLabel')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {q && shown.length === 0 ? <p role="status">{t('searchEmpty', query.trim())}</p> : null}
      {TOPICS.map((topic) => {
        const inTopic = shown.filter((c) => c.topics[0] === topic);
        if (!inTopic.length) return null;
        return (
          <section key={topic} aria-labelledby={`browse-${topic}`}>
            <h3 id={`browse-${topic}`} class="topic-heading">
              {t(`topic_${topic}`)}
            </h3>
            {inTopic.map((card) => (
              <EvidenceCardView key={card.id} card={card} expanded={expanded} level={4} />
            ))}
          </section>
        );
      })}
    </>
  );
}
