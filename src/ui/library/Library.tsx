import { useEffect, useMemo, useState } from 'preact/hooks';
import { openDatabase } from '../../data/db/open';
import { contentLang, t, type MessageKey } from '../../platform/i18n';
import { importSnippets, toCsv, toExportFile, toMarkdown, type ImportFailure } from '../../data/snippets/export';
import { listKits } from '../../data/naloxone-kits';
import { allSnippets, deleteSnippet, restoreSnippet, updateSnippet } from '../../data/snippets/repository';
import { facets, filterSnippets, type SnippetFilter } from '../../shared/snippets/search';
import type { Snippet } from '../../data/snippets/schema';
import { textFragmentUrl } from '../../shared/snippets/url';
import { isPersisted, requestPersistence } from '../persistence';
import { StateView, StorageResetNotice } from '../StateView';
import { useLive } from '../use-live';

/** Cards drawn at a time: thousands of editable cards at once would freeze the page. */
const PAGE = 100;

/** Why an import was refused, in the reader's language. */
const IMPORT_ERROR: Record<ImportFailure, MessageKey> = {
  'too-large': 'importError_too_large',
  'not-json': 'importError_not_json',
  'wrong-version': 'importError_wrong_version',
  'not-snippets': 'importError_not_snippets',
  'storage-full': 'importError_storage_full',
  'write-failed': 'importError_write_failed',
};

/** Every saved quote: search and filters, edit notes and tags, select, delete with undo, export, import. */
export function Library() {
  const [filter, setFilter] = useState<SnippetFilter>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [undo, setUndo] = useState<Snippet[]>();
  const [status, setStatus] = useState('');
  // The library stays in memory: each keystroke filters it without a database round trip.
  const library = useLive(allSnippets, [], openDatabase);
  const all = library.status === 'ready' ? library.data : [];
  const shown = useMemo(() => filterSnippets(all, filter), [all, filter]);
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [filter]);
  const options = useMemo(() => facets(all), [all]);
  const [persisted, setPersisted] = useState<boolean>();
  useEffect(() => {
    void (all.length > 0 ? requestPersistence() : isPersisted()).then(setPersisted);
  }, [all.length > 0]);

  const set = (patch: SnippetFilter) => setFilter((f) => ({ ...f, ...patch }));
  const picked = () => (selected.size ? all.filter((s) => selected.has(s.id!)) : shown);
  const remove = async (ids: number[]) => {
    const db = await openDatabase();
    const removed = [];
    for (const id of ids) removed.push(await deleteSnippet(db, id));
    setUndo(removed.filter((s): s is Snippet => !!s));
    setSelected(new Set());
  };
  const restore = async () => {
    const db = await openDatabase();
    for (const snippet of undo ?? []) await restoreSnippet(db, snippet);
    setUndo(undefined);
  };
  const download = (name: string, type: string, content: string) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([content], { type }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const exportAs = async (kind: 'json' | 'md' | 'csv') => {
    const list = picked();
    const name = `second-chance-snippets-${new Date().toISOString().slice(0, 10)}`;
    // The full JSON export also carries the reader's naloxone kits; a selection is only those quotes.
    const kits = kind === 'json' && !selected.size ? await listKits(await openDatabase()) : undefined;
    if (kind === 'json') download(`${name}.json`, 'application/json', JSON.stringify(toExportFile(list, new Date(), kits), null, 2));
    else if (kind === 'md') download(`${name}.md`, 'text/markdown', toMarkdown(list, contentLang()));
    else download(`${name}.csv`, 'text/csv', toCsv(list, contentLang()));
  };
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importSnippets(await openDatabase(), await file.text());
    setStatus(result.ok ? t('importDone', [String(result.added), String(result.skipped)]) : t(IMPORT_ERROR[result.reason], result.detail ?? ''));
  };
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <main class="library">
      <h1>{t('libraryHeading')}</h1>
      <StorageResetNotice />
      {persisted === undefined ? null : <p class="muted small">{persisted ? t('persisted') : t('notPersisted')}</p>}
      <div class="row filters">
        <label class="search">
          {t('librarySearch')}
          <input type="search" value={filter.query ?? ''} onInput={(e) => set({ query: e.currentTarget.value })} />
        </label>
        <Choice label={t('filterTag')} all={t('allTags')} values={options.tags} value={filter.tag} onChange={(tag) => set({ tag })} />
        <Choice label={t('filterTopic')} all={t('allTopics')} values={options.topics} value={filter.topic} onChange={(topic) => set({ topic })} name={(v) => t(`topic_${v}`)} />
        <Choice label={t('filterSite')} all={t('allSites')} values={options.sites} value={filter.site} onChange={(site) => set({ site })} />
        <label class="search">
          {t('filterFrom')}
          <input type="date" value={filter.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value || undefined })} />
        </label>
        <label class="search">
          {t('filterTo')}
          <input type="date" value={filter.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value || undefined })} />
        </label>
      </div>
      {undo?.length ? (
        <p role="status">
          <button type="button" class="link" onClick={() => void restore()}>
            {t('undoDelete')}
          </button>
        </p>
      ) : null}
      <StateView state={library}>
        {() =>
          shown.length === 0 ? (
            <p class="muted">{all.length ? t('libraryNoMatch') : t('libraryEmpty')}</p>
          ) : (
            <>
              <p class="muted small">{t('showingCount', [String(Math.min(limit, shown.length)), String(shown.length)])}</p>
              <ul class="snippets">
                {shown.slice(0, limit).map((s) => (
                  <SnippetItem key={s.id} snippet={s} selected={selected.has(s.id!)} onSelect={() => toggle(s.id!)} onDelete={() => void remove([s.id!])} />
                ))}
              </ul>
              {shown.length > limit ? (
                <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
                  {t('showMore', String(Math.min(PAGE, shown.length - limit)))}
                </button>
              ) : null}
            </>
          )
        }
      </StateView>
      <section aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">{selected.size ? t('selectedCount', String(selected.size)) : t('exportHeading')}</h2>
        <div class="row">
          <button type="button" onClick={() => void exportAs('json')}>
            {t('exportJson')}
          </button>
          <button type="button" onClick={() => void exportAs('md')}>
            {t('exportMarkdown')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {t('exportCsv')}
          </button>
          {selected.size ? (
            <button type="button" class="danger" onClick={() => void remove([...selected])}>
              {t('deleteSelected')}
            </button>
          ) : null}
        </div>
        <label class="search">
          {t('importLabel')}
          <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
        </label>
        <p role="status">{status}</p>
      </section>
    </main>
  );
}

function Choice<V extends string>(props: { label: string; all: string; values: V[]; value?: string; onChange: (value: string | undefined) => void; name?: (v: V) => string }) {
  return (
    <label class="search">
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
        <option value="">{props.all}</option>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {props.name ? props.name(v) : v}
          </option>
        ))}
      </select>
    </label>
  );
}

function SnippetItem({ snippet, selected, onSelect, onDelete }: { snippet: Snippet; selected: boolean; onSelect: () => void; onDelete: () => void }) {
  const [note, setNote] = useState(snippet.note);
  const [tags, setTags] = useState(snippet.tags.join(', '));
  const [saved, setSaved] = useState('');
  const id = `snippet-${snippet.id}`;
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await updateSnippet(await openDatabase(), snippet.id!, { note, tags: tags.split(',').map((x) => x.trim()).filter(Boolean) });
      setSaved(t('saved'));
    } catch (error) {
      setSaved(String((error as Error).message));
    }
  };
  return (
    <li class="card" aria-labelledby={`${id}-title`}>
      <label class="check small">
        <input type="checkbox" checked={selected} onChange={onSelect} />
        {t('selectSnippet')}
      </label>
      <blockquote>{snippet.quote}</blockquote>
      <p class="small" id={`${id}-title`}>
        {/* The plain page: the quote's words go into a link (and so into history) only when asked. */}
        <a href={snippet.url} target="_blank" rel="noopener noreferrer">
          {snippet.title || snippet.url}
        </a>{' '}
        <span class="muted">{t('savedOn', [new Date(snippet.savedAt).toLocaleDateString(), snippet.site])}</span>
      </p>
      <p class="small">
        <button
          type="button"
          class="link"
          aria-describedby={`${id}-quote-note`}
          onClick={() => window.open(textFragmentUrl(snippet.url, snippet.quote, snippet.prefix, snippet.suffix), '_blank', 'noopener,noreferrer')}
        >
          {t('openAtQuote')}
        </button>{' '}
        <span class="muted" id={`${id}-quote-note`}>
          {t('openAtQuoteNote')}
        </span>
      </p>
      <form onSubmit={(e) => void save(e)} class="snippet-form">
        <label for={`${id}-note`}>{t('noteLabel')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <label for={`${id}-tags`}>{t('tagsLabel')}</label>
        <input id={`${id}-tags`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        <div class="row">
          <button type="submit">{t('saveChanges')}</button>
          <button type="button" class="link" onClick={onDelete}>
            {t('deleteSnippet')}
          </button>
          <span role="status" class="small">
            {saved}
          </span>
        </div>
      </form>
    </li>
  );
}
