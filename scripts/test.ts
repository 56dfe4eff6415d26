/**
 * `npm test`: everything — typecheck, unit tests and the builds (Chrome MV3, then Firefox) side by
 * side; web-ext lint and the size gate; then the Chromium (Playwright) and Firefox (BiDi) suites side
 * by side — then one plain line "N passed, N failed" summed over all runners (a failed gate counts
 * as one failure).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { contentScriptWithinBudget } from './lib/budget';
import { ensureBrowsers, run } from './lib/run';

let passed = 0;
let failed = 0;
const notes: string[] = [];
const gate = (name: string, ok: boolean) => {
  if (!ok) {
    failed++;
    notes.push(`${name} failed`);
  }
  return ok;
};

/** Add a runner's counts from its JSON report; a missing report is one failure. */
function countVitest(name: string, file: string) {
  if (!existsSync(file)) return gate(`${name} (no report)`, false);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests) notes.push(`${name}: ${report.numFailedTests} failed`);
  // A file that crashes before its tests run reports no failed test: count it.
  const broken = report.testResults.filter((r: { status: string; assertionResults: unknown[] }) => r.status === 'failed' && r.assertionResults.length === 0);
  failed += broken.length;
  return true;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return gate('e2e (no report)', false);
  const { stats, errors } = JSON.parse(readFileSync(file, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky + (errors?.length ?? 0);
  if (stats.unexpected) notes.push(`e2e: ${stats.unexpected} failed`);
  return true;
}

/**
 * Run a step in the background with its output kept in reports/<name>.log and printed whole when
 * it ends (steps run side by side, so their output would otherwise interleave). Resolves true on exit 0.
 */
function runLogged(name: string, command: string, args: string[]): Promise<boolean> {
  const file = `reports/${name.replace(/\W+/g, '-')}.log`;
  const log = createWriteStream(file);
  const begun = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (code) => {
      log.end(() => {
        console.log(`\n$ ${[command, ...args].join(' ')}   [${name}: exit ${code}, ${Math.round((Date.now() - begun) / 1000)} s]`);
        console.log(readFileSync(file, 'utf8'));
        resolve(code === 0);
      });
    });
    child.on('error', () => resolve(false));
  });
}

function lintFirefox(): boolean {
  const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  try {
    const report = JSON.parse(result.stdout);
    console.log(`\nweb-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    for (const m of [...report.errors, ...report.warnings]) console.log(`  ${m.code} ${m.file ?? ''}`);
    return report.summary.errors === 0;
  } catch {
    console.error(result.stdout, result.stderr);
    return false;
  }
}

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
const started = Date.now();
const browsersReady = gate('browser install', ensureBrowsers({ chromium: true, firefox: true }));
run('npx', ['wxt', 'prepare']);

// Phase 1, side by side: typecheck, lint, unit tests, and the two builds (one after the other: they share .wxt).
const [typechecked, linted, , built] = await Promise.all([
  runLogged('typecheck', 'npx', ['tsc', '--noEmit']),
  runLogged('lint', 'npx', ['oxlint', '--deny-warnings', 'src', 'entrypoints', 'scripts', 'build', 'tools', 'tests']),
  runLogged('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']),
  runLogged('build chrome', 'npx', ['wxt', 'build']).then((ok) => ok && runLogged('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox'])),
]);
gate('typecheck', typechecked);
gate('lint', linted);
countVitest('unit', 'reports/unit.json');
gate('build', built);
if (built) {
  gate('web-ext lint', lintFirefox());
  gate('content script size budget', contentScriptWithinBudget());
  if (browsersReady) {
    // Phase 2, side by side: the Chromium suite (Playwright) and the Firefox suite (BiDi).
    await Promise.all([
      runLogged('e2e chromium', 'npx', ['playwright', 'test']),
      runLogged('e2e firefox', 'npx', ['vitest', 'run', '-c', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', '--outputFile=reports/firefox.json']),
    ]);
    countPlaywright('reports/playwright.json');
    countVitest('firefox', 'reports/firefox.json');
  }
}
console.log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
if (notes.length) console.log(`\n${notes.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
