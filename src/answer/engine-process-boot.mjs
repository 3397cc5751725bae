// Entry of the shared engine process: registers the TypeScript loader (a process forked by vitest or
// plain node has no tsx hooks), then runs the engine process.
import { register } from 'tsx/esm/api';

register();
await import('./engine-process.ts');
