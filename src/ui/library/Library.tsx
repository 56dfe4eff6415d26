import { useEffect, useState } from 'preact/hooks';
import { openDatabase } from '../../db/open';
import { t } from '../../i18n';
import { importSnippets, toCsv, toExportFile, toMarkdown } from '../../snippets/export';
import { allTags, deleteSnippet, restoreSnippet, searchSnippets, updateSnippet } from '../../snippets/repository';
import type { Snippet } from '../../snippets/schema';
import { textFragmentUrl } from '../../snippets/url';
import { isPersisted, requestPersistence } from '../persistence';
import { StateView } from '../StateView';
import { useLive } from '../use-live';

/** Every saved quote: search, filter by tag, edit notes and tags, delete with undo, export, import. */
export function Library() {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [undo, setUndo] = useState<Snippet>();
  const [status, setStatus] = useState('');
  const snippets = useLive((db) => searchSnippets(db, query, tag || undefined), [query, tag]);
  const tags = useLive(allTags);
  const [persisted, setPersisted] = useState<boolean>();
  const count = snippets.status === 'ready' ? snippets.data.length : 0;
  useEffect(() => {
    void (count > 0 ? requestPersistence() : isPersisted()).then(setPersisted);
  }, [count > 0]);

  const remove = async (id: number) => setUndo(await deleteSnippet(await openDatabase(), id));
  const restore = async () => {
    if (undo) await restoreSnippet(await openDatabase(), undo);
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
    const all = await searchSnippets(await openDatabase());
    const name = `second-chance-snippets-${new Date().toISOString().slice(0, 10)}`;
    if (kind === 'json') download(`${name}.json`, 'application/json', JSON.stringify(toExportFile(all), null, 2));
    else if (kind === 'md') download(`${name}.md`, 'text/markdown', toMarkdown(all));
    else download(`${name}.csv`, 'text/csv', toCsv(all));
  };
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importSnippets(await openDatabase(), await file.text());
    setStatus(result.ok ? t('importDone', [String(result.added), String(result.skipped)]) : result.error);
  };

  return (
    <main class="library">
      <h1>{t('libraryHeading')}</h1>
      {persisted === undefined ? null : <p class="muted small">{persisted ? t('persisted') : t('notPersisted')}</p>}
      <div class="row">
        <label class="search">
          {t('librarySearch')}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <StateView state={tags}>
          {(list) => (
            <label class="search">
              {t('filterTag')}
              <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
                <option value="">{t('allTags')}</option>
                {list.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </StateView>
      </div>
      {undo ? (
        <p role="status">
          <button type="button" class="link" onClick={() => void restore()}>
            {t('undoDelete')}
          </button>
        </p>
      ) : null}
      <StateView state={snippets}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{query || tag ? t('libraryNoMatch') : t('libraryEmpty')}</p>
          ) : (
            <ul class="snippets">
              {list.map((s) => (
                <SnippetItem key={s.id} snippet={s} onDelete={() => void remove(s.id!)} />
              ))}
            </ul>
          )
        }
      </StateView>
      <section aria-labelledby="transfer-heading">
        <h2 id="transfer-heading" class="visually-hidden">
          {t('exportJson')}
        </h2>
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
          <label class="search">
            {t('importLabel')}
            <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
          </label>
        </div>
        <p role="status">{status}</p>
      </section>
    </main>
  );
}

function SnippetItem({ snippet, onDelete }: { snippet: Snippet; onDelete: () => void }) {
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
      <blockquote>{snippet.quote}</blockquote>
      <p class="small" id={`${id}-title`}>
        <a href={textFragmentUrl(snippet.url, snippet.quote, snippet.prefix, snippet.suffix)} target="_blank" rel="noopener noreferrer">
          {snippet.title || snippet.url}
        </a>{' '}
        <span class="muted">{t('savedOn', [new Date(snippet.savedAt).toLocaleDateString(), snippet.site])}</span>
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
