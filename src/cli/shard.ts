// npm run start:sharded: one engine process (src/answer/engine-process.ts) holding the one index, and
// a discord.js ShardingManager over src/cli/start.ts, one process per shard, each with its own client
// and no index: shards ask the engine through this manager over IPC. SHARDS=auto (default) takes
// Discord's recommended count, SHARDS=<n> that many. The manager owns DATA_DIR/whosaid.pid: `npm run
// reload` signals it and it reloads the one engine; SIGTERM/SIGINT stop every shard (answers in flight
// finish), then the engine, and exit 0. A dead engine process is started again; meanwhile shards answer
// "try again in a moment". Shards and the engine process run start.ts and engine-process.ts compiled to
// JavaScript at start (DATA_DIR/compiled), not through the TypeScript loader; charts are drawn by one
// chart worker here for every shard.
import { readdir, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { REST, Routes, ShardingManager, type APIGatewayBotInfo, type Shard } from 'discord.js';
import { workerRenderer } from '../charts/renderer.js';
import { loadConfigOrExit } from '../config.js';
import { EngineUnavailableError, SharedEngine, type EngineCall, type EngineEvent } from '../answer/shared-engine.js';
import { COMMANDS_DIR } from '../discord/commands.js';
import { COMMANDS_DIR_FLAG, isFromShard, type FromShard, type ToShard } from '../discord/sharding.js';
import { createLogger } from '../log.js';
import type { ReloadReport } from '../types.js';
import { compileEntries, SRC_DIR } from './compile-entries.js';

/** Discord allows `max_concurrency` identifies per 5 s; discord.js's own default gap is 5.5 s. */
const IDENTIFY_WINDOW_MS = 5_500;
/** A shard connects and logs in; the index is the engine's, built before any shard starts. */
const SHARD_READY_TIMEOUT_MS = 5 * 60_000;
/** Young-generation semi-space of each shard isolate, in MB (V8's default grows to 16). */
const SHARD_SEMI_SPACE_MB = 2;
/** Shards stop in at most 5 s (start.ts's hard stop); past this they are terminated. */
const SHARD_STOP_TIMEOUT_MS = 8_000;

// Read before anything else touches the environment: each shard gets SHARDS=<its id> from the manager.
const shardsSetting = (process.env.SHARDS ?? '').trim() || 'auto';
const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel, secrets: [config.token] }).child({ manager: true });

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

if (shardsSetting !== 'auto' && !/^[1-9]\d{0,4}$/.test(shardsSetting)) {
  fail('Configuration error: SHARDS must be auto or a whole number of shards (1 or more). See .env.example.');
}

// ShardingManager's own 'auto' asks discord.com whatever the REST base, so ask here through the
// configured one (DISCORD_API_URL), which also learns how many shards may identify at once.
const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
const gateway = (await rest.get(Routes.gatewayBot()).catch((error: unknown) => {
  log.error({ err: error }, 'could not ask Discord for the gateway');
  fail(`Could not connect to Discord: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
})) as APIGatewayBotInfo;
const totalShards = shardsSetting === 'auto' ? gateway.shards : Number(shardsSetting);
const maxConcurrency = Math.max(1, gateway.session_start_limit.max_concurrency);

const ready = new Map<number, Extract<FromShard, { whosaid: 'ready' }>>();
let running = false;
let stopping = false;
const pidFile = path.join(config.dataDir, 'whosaid.pid');
const reportFile = path.join(config.dataDir, 'last-reload.json');

const engineLog = log.child({ engine: true });
function logEngineEvent(event: EngineEvent): void {
  switch (event.type) {
    case 'starting':
      engineLog.info({ pid: event.pid, attempt: event.attempt }, 'engine process starting');
      break;
    case 'ready':
      engineLog.info(
        { pid: event.pid, source: event.source, reason: event.reason, ms: Math.round(event.ms), articles: event.stats.articles },
        event.source === 'snapshot' ? 'index restored from the saved copy' : 'index built',
      );
      break;
    case 'died':
      engineLog.error(
        { pid: event.pid, code: event.code, signal: event.signal },
        'engine process died; starting it again (shards answer "try again in a moment" meanwhile)',
      );
      break;
    case 'failed':
      engineLog.error({ error: event.error }, 'engine process could not be started again');
      break;
    case 'gave-up':
      engineLog.error({ deaths: event.deaths }, `engine process died ${event.deaths} times in 10 minutes; stopping the bot`);
      break;
    case 'problem':
      engineLog.warn(event.message);
      break;
  }
}

// Compiled once, before any of them starts (an engine process started again reuses its file), with
// the command modules a shard loads, which share the shard's modules.
const compiledDir = path.join(config.dataDir, 'compiled');
const commandFiles = (await readdir(COMMANDS_DIR)).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
const compiled = await compileEntries(
  {
    shard: path.join(SRC_DIR, 'cli', 'start.ts'),
    engine: path.join(SRC_DIR, 'answer', 'engine-process.ts'),
    ...Object.fromEntries(commandFiles.map((file) => [`commands/${path.basename(file, '.ts')}`, path.join(COMMANDS_DIR, file)])),
  },
  compiledDir,
).catch((error: unknown) => {
  log.error({ err: error }, 'could not compile the shard and engine entries');
  fail(`Could not compile the shards: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
});

// The one index, built or restored (DATA_DIR/index, which only the engine process writes) before any
// shard starts, so every shard answers from its first command.
const engine = new SharedEngine({
  corpusDir: config.corpusDir,
  snapshotDir: path.join(config.dataDir, 'index'),
  entry: compiled.engine,
  execArgv: process.execArgv,
  onEvent: logEngineEvent,
  onGiveUp: () => {
    process.stderr.write('The engine process keeps dying (more than 3 times in 10 minutes); see the log.\n');
    void stopAll('the engine process keeps dying', 1);
  },
});
await engine.start().catch((error: unknown) => {
  log.error({ err: error }, 'the engine could not start');
  fail(`The engine could not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
});

// One chart worker for every shard, started now so the first /timeline does not wait for it.
const charts = workerRenderer();
charts.warm();

// Shards are worker threads of this process: each holds a discord.js client and no index, no chart
// worker and no TypeScript loader.
// A shard's live heap is ~25 MB, but under answer traffic V8 grows each isolate's young generation to
// ~48 MB; 2 MB semi-spaces keep it small (~100 MB less for four shards, measured) at the price of more,
// short scavenges. Set before the workers exist, so it applies to their isolates only; the engine process
// keeps the defaults.
setFlagsFromString(`--max-semi-space-size=${SHARD_SEMI_SPACE_MB}`);
const manager = new ShardingManager(compiled.shard, {
  token: config.token,
  shardArgs: [COMMANDS_DIR_FLAG, path.join(compiledDir, 'commands')],
  totalShards,
  mode: 'worker',
  // Deaths are handled below: a shard that exits 1 cannot start (token, configuration) and must not loop.
  respawn: false,
});

/** Answers a shard's engine call; while the engine process restarts, at once with `unavailable`. */
function relay(shard: Shard, message: Extract<FromShard, { whosaid: 'engine' }>): void {
  const reply = (answer: Omit<Extract<ToShard, { whosaid: 'engine-reply' }>, 'whosaid' | 'id'>): void => {
    shard.send({ whosaid: 'engine-reply', id: message.id, ...answer } satisfies ToShard).catch(() => undefined);
  };
  engine.callJson({ method: message.method, args: message.args } as EngineCall).then(
    (json) => reply({ json }),
    (error: unknown) =>
      reply(error instanceof EngineUnavailableError ? { unavailable: error.message } : { error: error instanceof Error ? error.message : String(error) }),
  );
}

/** Draws a shard's chart in the one chart worker (its time limit applies there). */
function drawChart(shard: Shard, message: Extract<FromShard, { whosaid: 'chart' }>): void {
  charts.render(message.spec).then(
    (png) => shard.send({ whosaid: 'chart-reply', id: message.id, png } satisfies ToShard).catch(() => undefined),
    (error: unknown) =>
      shard
        .send({ whosaid: 'chart-reply', id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies ToShard)
        .catch(() => undefined),
  );
}

manager.on('shardCreate', (shard) => {
  log.info({ shard: shard.id, of: totalShards }, 'shard starting');
  shard.on('message', (message: unknown) => {
    if (!isFromShard(message)) return;
    if (message.whosaid === 'engine') {
      relay(shard, message);
    } else if (message.whosaid === 'chart') {
      drawChart(shard, message);
    } else if (message.whosaid === 'ready') {
      ready.set(shard.id, message);
    } else if (message.whosaid === 'reload-request') {
      void reloadAll(message.by).then((report) =>
        shard.send({ whosaid: 'fleet-reloaded', requestId: message.requestId, report } satisfies ToShard).catch(() => undefined),
      );
    }
  });
  shard.on('error', (error) => log.error({ err: error, shard: shard.id }, 'shard error'));
  // discord.js reports a death without the exit code, and before its own bookkeeping is done: take the
  // code from the worker, and decide once discord.js has let go of the dead worker.
  let exitCode: number | null = null;
  shard.on('spawn', (worker: Worker | ChildProcess) => void worker.once('exit', (code: number | null) => (exitCode = code)));
  shard.on('death', () => setImmediate(() => onDeath(shard, exitCode)));
});

function onDeath(shard: Shard, code: number | null): void {
  if (stopping) return;
  if (!running) {
    log.error({ shard: shard.id, code }, 'shard exited while starting: stopping every shard');
    void stopAll(`shard ${shard.id} exited while starting`, 1);
    return;
  }
  if (code === 1) {
    log.error({ shard: shard.id, code }, 'shard exited 1 (it cannot start or lost the gateway for good): stopping every shard');
    void stopAll(`shard ${shard.id} exited 1`, 1);
    return;
  }
  log.error({ shard: shard.id, code }, 'shard died; starting it again');
  shard.spawn(SHARD_READY_TIMEOUT_MS).catch((error: unknown) => log.error({ err: error, shard: shard.id }, 'shard could not be started again'));
}

/** One reload of the one engine serves every shard; a second request meanwhile gets the running one's outcome. */
let reloading: Promise<ReloadReport> | null = null;
async function reloadAll(by: string): Promise<ReloadReport> {
  if (reloading) {
    const busy = await reloading;
    return { ...busy, ok: false, error: 'A reload is already running; this is its outcome.' };
  }
  reloading = (async () => {
    log.info({ requestedBy: by }, 'reload started');
    const report = await engine.reload();
    log.info(
      {
        requestedBy: by,
        ok: report.ok,
        mode: report.mode,
        articles: report.articles,
        statements: report.statements,
        ms: Math.round(report.ms),
        ...(report.error ? { error: report.error } : {}),
      },
      report.ok ? 'reload finished' : 'reload failed; previous index still serving',
    );
    return report;
  })();
  try {
    return await reloading;
  } finally {
    reloading = null;
  }
}

async function stopAll(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ reason }, 'stopping every shard');
  const exits = [...manager.shards.values()].map((shard) => {
    const worker = shard.worker;
    if (!worker) return Promise.resolve(0);
    return new Promise<number | null>((resolve) => {
      const killer = setTimeout(() => void worker.terminate(), SHARD_STOP_TIMEOUT_MS);
      worker.once('exit', (exitCode) => {
        clearTimeout(killer);
        resolve(exitCode);
      });
      // A worker gets no signals: it stops on this message (answers in flight finish, state saved).
      worker.postMessage({ whosaid: 'stop', reason } satisfies ToShard);
    });
  });
  const codes = await Promise.all(exits);
  // Last: shards finishing their answers still ask them.
  await Promise.all([engine.stop(), charts.close().catch(() => undefined)]);
  await rm(pidFile, { force: true });
  const clean = codes.every((c) => c === 0);
  log.info({ codes }, clean ? 'all shards stopped' : 'some shards did not stop cleanly');
  process.exit(code !== 0 || clean ? code : 1);
}
process.on('SIGTERM', () => void stopAll('SIGTERM', 0));
process.on('SIGINT', () => void stopAll('SIGINT', 0));
// Until every shard is up, a SIGHUP has nothing complete to reload; Node's default would kill the manager.
process.on('SIGHUP', () => {
  if (!running) {
    log.warn('SIGHUP ignored: shards are still starting');
    return;
  }
  void reloadAll('SIGHUP')
    .then(async (report) => {
      await writeFile(`${reportFile}.tmp`, `${JSON.stringify({ at: new Date().toISOString(), ...report })}\n`);
      await rename(`${reportFile}.tmp`, reportFile);
    })
    .catch((error: unknown) => log.error({ err: error }, 'reload by SIGHUP failed'));
});

try {
  // One at a time, each after the previous is ready: the gap keeps identifies within Discord's
  // max_concurrency per 5 s.
  await manager.spawn({ amount: totalShards, delay: Math.ceil(IDENTIFY_WINDOW_MS / maxConcurrency), timeout: SHARD_READY_TIMEOUT_MS });
} catch (error) {
  if (!stopping) {
    log.error({ err: error }, 'a shard could not start');
    process.stderr.write(`A shard could not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
    await stopAll('a shard could not start', 1);
  }
}
// A shard is ready for discord.js when its gateway is; its 'ready' message (with the server count) follows.
while (!stopping && ready.size < totalShards) await new Promise((resolve) => setTimeout(resolve, 20));
if (!stopping) {
  running = true;
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(pidFile, `${process.pid}\n`);
  const servers = [...ready.values()].reduce((sum, r) => sum + r.servers, 0);
  log.info(
    { shards: totalShards, servers },
    `whosaid ready: ${totalShards} ${totalShards === 1 ? 'shard' : 'shards'}, ${servers} ${servers === 1 ? 'server' : 'servers'}`,
  );
}
