// Worker thread entry: its own connection to the workspace, the same dispatcher as the main
// process, one job at a time; progress goes back as messages.
import { parentPort, workerData } from 'node:worker_threads';
import { setProgressReporter } from '../services/progress';
import { openWorkspace } from '../workspace';

const { dbPath } = workerData as { dbPath: string };
// The main process has checked the file when it opened it.
const workspace = openWorkspace({ dbPath, check: false });
let currentJob = 0;
setProgressReporter((progress) => parentPort!.postMessage({ id: currentJob, progress }));

parentPort!.on('message', (message: { id: number; name: string; input: unknown; actorId: string | null }) => {
  currentJob = message.id;
  workspace.services.session.actAs(message.actorId);
  void workspace.dispatch(message.name, message.input).then((result) => parentPort!.postMessage({ id: message.id, result }));
});
parentPort!.postMessage({ ready: true });
