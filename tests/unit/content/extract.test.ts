// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMainText } from '../../../src/shared/extract';

const load = (html: string) => {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return document;
};

describe('extractMainText', () => {
  it('reads the article and skips navigation, header, footer, aside, scripts, styles and hidden text', () => {
    const doc = load(readFileSync('tests/fixtures/pages/nav-noise.html', 'utf8'));
    const text = extractMainText(doc);
    expect(text).toContain('Weeknight lentil soup');
    expect(text).toContain('simmer for thirty minutes');
    expect(text.toLowerCase()).not.toMatch(/naloxone|fentanyl|overdose/);
  });

  it('skips our own elements and caps what it reads', () => {
    const doc = load(`<body><p>${'word '.repeat(1000)}</p><second-chance-notice>This page discusses overdose.</second-chance-notice></body>`);
    expect(extractMainText(doc)).not.toContain('discusses');
    expect(extractMainText(doc, 100).length).toBe(100);
  });

  it('returns an empty string for an empty page', () => {
    expect(extractMainText(load('<body></body>'))).toBe('');
  });
});
