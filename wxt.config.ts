import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { DATASET_PARTS, DATASET_VERSION_PATH, splitDataset, type ReferenceDataset } from './src/data/dataset';
import { loadContentData } from './build/load';

// connect-src also names the one opt-in service (FindTreatment.gov live refresh); the browser still
// blocks it until the reader grants its host permission.
const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self' https://findtreatment.gov; img-src 'self' data:";

// Validated once before WXT clears the output folder: a bad file stops the build and the
// previous build stays intact.
let dataset: ReferenceDataset | undefined;

export default defineConfig({
  // Explicit imports only: a reader can see where every API comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'scripting'],
    // The page tool is injected only when the reader acts on a page (saves, shows quotes or phrases).
    host_permissions: ['http://*/*', 'https://*/*'],
    // Asked for when the reader turns on live refresh in options. It gates nothing by itself (the
    // http(s) host access above already covers findtreatment.gov): the liveRefresh setting is the switch.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://findtreatment.gov/*'] }
      : { optional_host_permissions: ['https://findtreatment.gov/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    // Keys chosen from those Chromium 150 really registers (`commands.getAll()` in the e2e tests):
    // it silently drops reserved ones such as Alt+Shift+N, A, P, T, W, X and Z. The popup command
    // is `_execute_action` in MV3 and `_execute_browser_action` in Firefox's MV2, where the MV3
    // name is an ordinary command that opens nothing.
    commands: {
      'open-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenSidebar__',
      },
      'save-snippet': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandSaveSnippet__',
      },
      'quick-hide': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandQuickHide__',
      },
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_commandNaloxoneNow__',
      },
    },
    // Extension pages load only their own scripts and may connect to nothing but themselves:
    // a second, browser-enforced guarantee that what someone reads never leaves the browser.
    content_security_policy:
      browser === 'firefox'
        ? CSP
        : { extension_pages: CSP },
    // Only for the docked fallback sidebar; Chrome gets a per-session URL pages cannot guess.
    web_accessible_resources:
      browser === 'firefox'
        ? [{ resources: ['sidepanel.html'], matches: ['http://*/*', 'https://*/*'] }]
        : [{ resources: ['sidepanel.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'second-chance@harm-reduction.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: {
              strict_min_version: '142.0',
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['artifacts/**', 'test-results/**', 'reports/**', '**/*.log'] },
  hooks: {
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...Object.values(DATASET_PARTS).map((p) => p.slice(1)), DATASET_VERSION_PATH.slice(1));
    },
    'build:before': () => {
      dataset = loadContentData(resolve(import.meta.dirname ?? '.', 'content-data'));
    },
    'build:publicAssets': (_wxt, files) => {
      if (!dataset) throw new Error('content-data was not loaded');
      const parts = splitDataset(dataset);
      for (const [part, path] of Object.entries(DATASET_PARTS)) {
        files.push({ relativeDest: path.slice(1), contents: JSON.stringify(parts[part as keyof typeof parts]) });
      }
      files.push({ relativeDest: DATASET_VERSION_PATH.slice(1), contents: dataset.version });
    },
  },
});
