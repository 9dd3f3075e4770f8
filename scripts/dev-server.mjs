// The HTTPS development server of `npm start` (scripts/start.mjs): webpack-dev-server over the development
// build, serving what dist/ holds at https://localhost:<port>/. Apart so a test can start it with its own
// certificate on a free port, without touching the machine's trust store.
import webpack from 'webpack';
import makeConfig from '../webpack.config.js';

/**
 * @param {{ https: { key: string | Buffer, cert: string | Buffer, ca?: string | Buffer }, port: number, outputPath?: string }} options
 * @returns {Promise<{ port: number, stop(): Promise<void> }>}  port: the one listened on (0 asks for a free one)
 */
export async function startDevServer({ https, port, outputPath }) {
  const { default: DevServer } = await import('webpack-dev-server');
  const config = await makeConfig({}, { mode: 'development' });
  if (outputPath) config.output.path = outputPath;
  config.stats = 'minimal';
  const compiler = webpack(config);
  const server = new DevServer(
    {
      port: port === 0 ? 'auto' : port,
      host: 'localhost',
      server: { type: 'https', options: https },
      // Office's web views load the pane, the functions and the icons from here; no reload client is injected
      // into the custom-functions runtime, where it has no page to reload.
      hot: false,
      liveReload: false,
      client: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // dist/ on disk stays what the server serves, for npm run validate and the browser mode.
      devMiddleware: { writeToDisk: true },
      static: false,
    },
    compiler,
  );
  await server.start();
  return { port: server.server.address().port, stop: () => server.stop() };
}
