// Web Worker entry: parses one upload off the UI thread and posts progress and the result.
import { runCsvJob, type CsvJobMessage, type CsvJobRequest } from './job.ts';

// The renderer's TypeScript lib is DOM, not WebWorker: this is the slice of the worker scope used.
interface WorkerScope {
  postMessage(message: CsvJobMessage, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CsvJobRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void runCsvJob(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
});
