/**
 * Builds the Excel add-in (task pane + custom functions in one shared runtime) into dist/.
 * ADDIN_BASE_URL sets the production base URL written into dist/manifest.xml (default: the dev URL).
 * Run through scripts/build.mjs, which skips the build when the sources have not changed.
 */

/** The Excel pane's first JavaScript, held to a size budget (scripts/bench.ts): Terser's smallest output. */
const BUDGETED = /^(taskpane|functions)\.js$/;
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { ZhCnMetadataPlugin } = require('./scripts/zh-cn-metadata-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
const FUNCTIONS_SOURCE = './src/functions/functions.generated.ts';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

module.exports = (_env, argv) => {
  const dev = argv.mode === 'development';
  const baseUrl = (process.env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/?$/, '/');
  return {
    devtool: dev ? 'eval-source-map' : false,
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: './src/hosts/excel/main.tsx',
      web: './src/hosts/web/main.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // dist/node (the compiled server and command line, scripts/build.mjs) is not webpack's to remove.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // ExcelJS's Node utils (src/files/exactDates.ts wraps them for the server's reader); the
      // browser uses ExcelJS's own bundle, where there is nothing to wrap.
      alias: { 'exceljs/lib/utils/utils': false },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      ],
    },
    performance: { hints: false },
    // A rebuild after a small change reuses what did not change (node_modules/.cache/webpack).
    cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
    optimization: {
      minimizer: [
        new TerserPlugin({ include: BUDGETED }),
        // Everything else (the web host's 12 MB of Univer) minified by esbuild: minutes faster, a few % larger.
        new TerserPlugin({ exclude: BUDGETED, minify: TerserPlugin.esbuildMinify }),
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_SOURCE }),
      new ZhCnMetadataPlugin({
        from: 'functions.json',
        to: 'functions.zh-CN.json',
        locale: require('./src/functions/locales.generated.json')['zh-CN'],
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        // Offline development serves the office-js package's own copy; builds reference Microsoft's CDN as the Store requires.
        officeJs: dev ? '/office-js/office.js' : OFFICE_JS_CDN,
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/hosts/web/index.html',
        chunks: ['web'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: [{ directory: path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist'), publicPath: '/office-js' }],
    },
  };
};
