// The engine and the chart renderer as a shard of `npm run start:sharded` sees them: every call goes
// over the shard's channel to the manager, which relays it to the one engine process all shards share
// (src/answer/shared-engine.ts) or draws it in its one chart worker. A shard holds no index and no
// chart worker of its own.
import type { TopLevelSpec } from 'vega-lite';
import type { EngineRequest } from '../answer/worker-protocol.js';
import type { ChartRenderer } from '../charts/renderer.js';
import type { AnswerResult, ArticleSummary, Comparison, CorpusStats, Coverage, EngineApi, PersonChoice, ReloadReport, Timeline } from '../types.js';
import { UserError } from './errors.js';
import { isToShard, type FromShard, type ManagerChannel } from './sharding.js';

/** What the user reads while the shared engine is being started again (it died, or the manager is stopping). */
export const ENGINE_RESTARTING = 'whosaid is reloading: try again in a moment.';

type Method = EngineRequest['method'];
type ArgsOf<M extends Method> = Extract<EngineRequest, { method: M }>['args'];

/**
 * An EngineApi whose calls the manager answers. While the engine process is restarting, calls fail at
 * once with a UserError saying to try again in a moment (shown as is, privately). `reload` asks the
 * manager, which reloads the one engine once for every shard.
 */
export function engineOverIpc(channel: ManagerChannel): EngineApi {
  const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const reloads = new Map<number, (report: ReloadReport) => void>();
  let nextId = 1;
  let disconnected = false;

  channel.onMessage((message) => {
    if (!isToShard(message) || message.whosaid === 'stop' || message.whosaid === 'chart-reply') return;
    if (message.whosaid === 'fleet-reloaded') {
      reloads.get(message.requestId)?.(message.report);
      reloads.delete(message.requestId);
      return;
    }
    const call = calls.get(message.id);
    if (!call) return;
    calls.delete(message.id);
    if (message.unavailable !== undefined) call.reject(new UserError(ENGINE_RESTARTING));
    else if (message.error !== undefined) call.reject(new Error(message.error));
    else call.resolve(JSON.parse(message.json ?? 'null'));
  });
  channel.onDisconnect(() => {
    disconnected = true;
    for (const call of calls.values()) call.reject(new UserError(ENGINE_RESTARTING));
    calls.clear();
  });

  function call<M extends Method>(method: M, ...args: ArgsOf<M>): Promise<unknown> {
    if (disconnected) return Promise.reject(new UserError(ENGINE_RESTARTING));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      calls.set(id, { resolve, reject });
      channel.send({ whosaid: 'engine', id, method, args } as FromShard);
    });
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
    reload: () =>
      new Promise<ReloadReport>((resolve) => {
        const requestId = nextId++;
        reloads.set(requestId, resolve);
        channel.send({ whosaid: 'reload-request', requestId, by: '/reload' });
      }),
    // The engine belongs to the manager: a stopping shard leaves it running for the others.
    close: async () => undefined,
  };
}

/**
 * A ChartRenderer whose charts the manager draws, in one chart worker (and one cache) for every shard
 * instead of one per shard (vega and resvg, ~50 MB each). The manager applies the drawing time limit.
 */
export function chartsOverIpc(channel: ManagerChannel): ChartRenderer {
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let disconnected = false;
  channel.onMessage((message) => {
    if (!isToShard(message) || message.whosaid !== 'chart-reply') return;
    const chart = pending.get(message.id);
    if (!chart) return;
    pending.delete(message.id);
    if (message.png) chart.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
    else chart.reject(new Error(message.error ?? 'the chart worker gave no picture'));
  });
  channel.onDisconnect(() => {
    disconnected = true;
    for (const chart of pending.values()) chart.reject(new Error('the shard manager is gone'));
    pending.clear();
  });
  return {
    render: (spec: TopLevelSpec) => {
      if (disconnected) return Promise.reject(new Error('the shard manager is gone'));
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        channel.send({ whosaid: 'chart', id, spec });
      });
    },
    // The manager starts its worker before any shard.
    warm: () => undefined,
    close: async () => undefined,
  };
}
