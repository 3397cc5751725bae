// Worker entry: registers the TypeScript loader (workers do not inherit tsx's hooks), then runs the chart worker.
import { register } from 'tsx/esm/api';

register();
await import('./chart-worker.ts');
