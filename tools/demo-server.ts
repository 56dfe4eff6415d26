/**
 * Serves the demo pages on 127.0.0.1: the five seed pages as HTML, corpus texts, hand-written test
 * pages, and a generated large forum page. Used by `npm start`, the e2e tests and the bench.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function seedText(id: string): string {
  const file = readdirSync(join(FIXTURES, 'seeds')).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${id}`);
  return readFileSync(join(FIXTURES, 'seeds', file), 'utf8');
}

/** A plain-text page as a realistic HTML page: nav, header, article, aside, footer. */
export function textToHtml(text: string, lang = 'en'): string {
  const paragraphs = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  const title = paragraphs.find((p) => p.split(/\s+/).length >= 3) ?? 'Untitled';
  const body = paragraphs.filter((p) => p !== title).map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><nav><a href="/">All demo pages</a> · Home · About · Donate</nav>
<header><p>Demo site served on 127.0.0.1</p></header>
<main><article><h1>${escape(title)}</h1>
${body}</article></main>
<aside><p>Newsletter: sign up for updates.</p></aside>
<footer><p>Demo page for Second Chance.</p></footer></body></html>`;
}

interface CorpusItem {
  id: string;
  lang: string;
  title: string;
  url: string;
  labels: string[];
  text: string;
}

/** Ids of the one-item-per-file corpus pages starting with `prefix` (some numbers are gone: excluded pages). */
export function corpusIds(prefix: string): string[] {
  return readdirSync(join(FIXTURES, 'corpus'))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .sort()
    .map((f) => f.slice(0, -5));
}

export function corpusItem(id: string): CorpusItem {
  return JSON.parse(readFileSync(join(FIXTURES, 'corpus', `${id}.json`), 'utf8'));
}

/**
 * A forum thread of about `bytes` bytes about a brother's overdose: the opening post and every
 * tenth reply discuss naloxone, the many other replies are small talk.
 */
export function forumPage(bytes: number): string {
  const opening =
    'My brother overdosed on fentanyl last weekend. His roommate gave him naloxone (Narcan) twice before the ambulance came, and he is alive. Should every family keep naloxone at home?';
  const onTopic = [
    'Yes. Pharmacies sell naloxone nasal spray over the counter now; keep it where visitors can find it.',
    'After an overdose the risk of another one is high for weeks. Ask about fentanyl test strips too.',
    'Call 911 first, then give the naloxone, and stay with him: it can wear off before the opioid does.',
  ];
  const neutral = 'We repainted the fence this weekend and the kids helped with the brushes. The weather held up and the neighbours came over for lunch afterwards.';
  const posts: string[] = [`<div class="post"><p class="author">worried_sister</p><p>${opening}</p></div>`];
  let size = posts[0].length;
  for (let i = 1; size < bytes; i++) {
    const text = i % 10 === 0 ? onTopic[(i / 10) % onTopic.length] : `${neutral} Post number ${i}.`;
    const post = `<div class="post"><p class="author">user${i}</p><p>${text}</p></div>`;
    posts.push(post);
    size += post.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big forum thread</title></head><body><main>${posts.join('\n')}</main></body></html>`;
}

/** Pages about none of the topics, the kind every reader opens most: the extension must cost them nothing. */
export function recipePage(): string {
  const para = 'Preheat the oven to 200 degrees. Chop the onions and garlic, then fry them gently in olive oil until soft. Add the tomatoes, a pinch of salt and the herbs, and simmer for twenty minutes while the pasta cooks. ';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weeknight pasta</title></head><body><header><nav>Home Recipes</nav></header><main><h1>Weeknight pasta</h1>${Array.from({ length: 30 }, () => `<p>${para.repeat(3)}</p>`).join('')}</main><footer>About</footer></body></html>`;
}
const TINY = '<!doctype html><html><head><meta charset="utf-8"><title>Hello</title></head><body><p>Hello world.</p></body></html>';

function index(): string {
  const seeds = SEED_IDS.map((id) => `<li><a href="/seed/${id}.html">Seed ${id}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Second Chance demo pages</title></head>
<body><main><h1>Second Chance demo pages</h1><p>Five real pages the product was created from, served locally.</p>
<ul>${seeds}</ul><p><a href="/pages/infinite-scroll.html">A page whose topic arrives later (infinite scroll)</a></p></main></body></html>`;
}

function route(path: string): { status: number; body: string } {
  let m: RegExpMatchArray | null;
  if (path === '/' || path === '/index.html') return { status: 200, body: index() };
  if ((m = path.match(/^\/seed\/(\d{3})\.html$/))) return { status: 200, body: textToHtml(seedText(m[1])) };
  if ((m = path.match(/^\/corpus\/([a-z]+-\d{3})\.html$/))) {
    const item = corpusItem(m[1]);
    return { status: 200, body: textToHtml(`${item.title}\n\n${item.text}`, item.lang) };
  }
  if ((m = path.match(/^\/pages\/([a-z0-9-]+\.html)$/))) return { status: 200, body: readFileSync(join(FIXTURES, 'pages', m[1]), 'utf8') };
  if ((m = path.match(/^\/generated\/forum-(\d+)\.html$/))) return { status: 200, body: forumPage(Number(m[1])) };
  if (path === '/generated/recipe.html') return { status: 200, body: recipePage() };
  if (path === '/generated/tiny.html') return { status: 200, body: TINY };
  if (path === '/seed-text/001') return { status: 200, body: seedText('001') };
  return { status: 404, body: 'not found' };
}

export async function startDemoServer(port = 0): Promise<{ origin: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    try {
      const { status, body } = route(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      res.writeHead(status, { 'content-type': status === 200 && !req.url?.startsWith('/seed-text') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
