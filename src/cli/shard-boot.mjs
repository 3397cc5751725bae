// Shard entry: the shard manager (src/cli/shard.ts) runs each shard as a worker thread of its own
// process. Workers do not inherit tsx's hooks, so register them, then run the bot.
import { register } from 'tsx/esm/api';

register();
await import('./start.ts');
