// The engine as the shards of `npm run start:sharded` see it: every call goes straight to the one
// engine process all shards share (src/answer/shared-engine.ts), from the manager's process where the
// shards run. A shard holds no index of its own.
import { EngineUnavailableError, type EngineArgs, type EngineMethod, type SharedEngine } from '../answer/shared-engine.js';
import type { AnswerResult, ArticleSummary, Comparison, CorpusStats, Coverage, EngineApi, PersonChoice, ReloadReport, Timeline } from '../types.js';
import { UserError } from './errors.js';

/** What the user reads while the shared engine is being started again (it died, or the bot is stopping). */
export const ENGINE_RESTARTING = 'whosaid is reloading: try again in a moment.';

/**
 * An EngineApi over the shared engine process. While it is restarting, calls fail at once with a
 * UserError saying to try again in a moment (shown as is, privately). `reload` is the manager's: it
 * reloads the one engine once for every shard. Closing it leaves the engine to the manager.
 */
export function engineOfShared(shared: SharedEngine, reload: () => Promise<ReloadReport>): EngineApi {
  async function call<M extends EngineMethod>(method: M, ...args: EngineArgs<M>): Promise<unknown> {
    try {
      return await shared.call({ method, args } as Parameters<SharedEngine['call']>[0]);
    } catch (error) {
      throw error instanceof EngineUnavailableError ? new UserError(ENGINE_RESTARTING) : error;
    }
  }
  return {
    ask: async (question) => (await call('ask', question)) as AnswerResult,
    suggestPeople: async (typed, limit) => (await call('suggestPeople', typed, limit)) as PersonChoice[],
    outlets: async () => (await call('outlets')) as string[],
    stats: async () => (await call('stats')) as CorpusStats,
    compare: async (person, topic, span) => (await call('compare', person, topic, span ?? null)) as Comparison,
    timeline: async (question) => (await call('timeline', question)) as Timeline,
    coverage: async () => (await call('coverage')) as Coverage,
    articleSummary: async (file) => (await call('articleSummary', file)) as ArticleSummary | null,
    reload,
    close: async () => undefined,
  };
}
