// `npm run harness [-- --data DIR] [-- --port N]`: the app's UI in an ordinary browser, on the real
// backend with a temporary vault (or DIR). Test and development use only.
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string' } },
  allowPositionals: false,
});

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}".`);
  process.exit(2);
}

const harness = await startHarness({ ...(values.data ? { dataDir: values.data } : {}), port, log: (line) => console.error(line) });
console.log(`Mentor Desk harness is running.
  Open:      ${harness.url}
  Vault in:  ${harness.dataDir}${values.data ? '' : ' (temporary: removed when you stop the harness)'}
Press Ctrl-C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  harness.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
