// Worker entry: registers the TypeScript loader (workers started by vitest or plain node do not
// inherit tsx's hooks), then runs the engine worker.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
