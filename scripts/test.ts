/**
 * `npm test`: everything, in order — typecheck, unit tests, build (Chrome MV3 + Firefox),
 * web-ext lint, end-to-end tests in Chromium, smoke test in firefox-esr — then one plain line
 * "N passed, N failed" summed over all runners (a failed gate counts as one failure).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
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
const browsersReady = gate('browser install', ensureBrowsers({ chromium: true, firefox: true }));
run('npx', ['wxt', 'prepare']);
gate('typecheck', run('npx', ['tsc', '--noEmit']));
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']);
countVitest('unit', 'reports/unit.json');
const built = gate('build chrome', run('npx', ['wxt', 'build'])) && gate('build firefox', run('npx', ['wxt', 'build', '-b', 'firefox']));
if (built) {
  gate('web-ext lint', lintFirefox());
  gate('content script size budget', contentScriptWithinBudget());
  if (browsersReady) {
    run('npx', ['playwright', 'test']);
    countPlaywright('reports/playwright.json');
    run('npx', ['vitest', 'run', '-c', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', '--outputFile=reports/firefox.json']);
    countVitest('firefox', 'reports/firefox.json');
  }
}
if (notes.length) console.log(`\n${notes.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
