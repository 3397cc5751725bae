// Worker entry: registers the TypeScript loader (workers do not inherit tsx's hooks), then runs the build worker.
import { register } from 'tsx/esm/api';

register();
await import('./build-worker.ts');
