// Builds the Excel add-in into dist/: one page (taskpane.html) that loads office.js, the functions bundle and
// the task pane bundle — the shared runtime runs pane, ribbon commands and custom functions in one JavaScript
// runtime — plus functions.json generated from the JSDoc tags of src/functions/excel.ts, the help page
// help.html, and browser.html (the pane alone, no office.js: the browser kit opened from file://).
// `--env url=https://host/path/` writes manifest.xml and functions.json for that address; dist/'s own pages
// use relative paths only, so nothing else changes.
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { tsImport } from 'tsx/esm/api';
import webpack from 'webpack';
import { rebase, siteBase } from './scripts/site-url.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const officeDist = path.join(root, 'node_modules/@microsoft/office-js/dist');
const paneTemplate = path.join(root, 'src/taskpane/taskpane.html');

// office.js is served from our own dist/ so the pane works on intranets without internet. It loads the
// host file for the Excel it runs in and its strings from its own folder; telemetry folders are left out.
const officeFiles = [
  'office.js',
  'custom-functions-runtime.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel-*.js',
  'excelwebapp-*.js',
  'zh-cn/office_strings.js',
  'en-us/office_strings.js',
];

// Outside Office (browser mode) office.js opens a hidden iframe to Microsoft's telemetry service after 3 s.
// The project sends nothing anywhere, so the copied files point that frame at about:blank instead.
const TELEMETRY_URL = /https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html/g;
const noTelemetry = (content) => Buffer.from(content.toString('utf8').replace(TELEMETRY_URL, 'about:blank'));

// Used until the task pane ships its own template: office.js first, then the bundles (functions before the pane).
const defaultPage = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>均衡督导助手</title>
  <script src="office-js/office.js"></script>
</head>
<body><div id="container"></div></body>
</html>`;

// Without office.js the pane knows at once that it runs outside Office (no 1.5 s wait) and asks for nothing.
const browserPage = () =>
  existsSync(paneTemplate) ? readFileSync(paneTemplate, 'utf8').replace(/^.*office-js\/office\.js.*\n/gm, '') : defaultPage.replace(/^.*office\.js.*\n/gm, '');

/** Adds help.html, and moves every address in manifest.xml and functions.json to the deployment base. */
class SitePlugin {
  constructor(base, help) {
    this.base = base;
    this.help = help;
  }

  apply(compiler) {
    const { Compilation, sources } = webpack;
    compiler.hooks.thisCompilation.tap('SitePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SitePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        compilation.emitAsset('help.html', new sources.RawSource(this.help));
      });
      // After CopyWebpackPlugin (manifest.xml) and the metadata plugin (functions.json) have added theirs.
      compilation.hooks.processAssets.tap({ name: 'SitePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        for (const name of ['manifest.xml', 'functions.json']) {
          if (assets[name]) compilation.updateAsset(name, new sources.RawSource(rebase(assets[name].source().toString(), this.base)));
        }
      });
    });
  }
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const base = siteBase(env.url);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { helpPage } = await tsImport('./scripts/help-page.ts', import.meta.url);
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      functions: './src/functions/excel.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].js',
      // The WPS build and the release kits share dist/ (and may be writing their staging folders right now).
      clean: { keep: /^(wps|release)(\/|\.tmp-)/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      alias: { exceljs$: 'exceljs/dist/exceljs.min.js' },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            compilerOptions: { noEmit: false, allowImportingTsExtensions: false, module: 'esnext', sourceMap: !production },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './src/functions/excel.ts', output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        ...(existsSync(paneTemplate) ? { template: paneTemplate } : { templateContent: defaultPage }),
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({ filename: 'browser.html', templateContent: browserPage(), chunks: ['taskpane'], scriptLoading: 'defer' }),
      new SitePlugin(base, helpPage(version)),
      new CopyWebpackPlugin({
        patterns: [
          // Already minified: marking them so keeps terser off 17 MB of Microsoft's files.
          ...officeFiles.map((from) => ({
            from,
            context: officeDist,
            to: path.posix.join('office-js', path.posix.dirname(from), '/'),
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true },
            transform: noTelemetry,
          })),
          { from: 'assets/*.png', context: root, to: 'assets/[name][ext]', noErrorOnMissing: true },
          { from: 'manifest.xml', context: root, noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
