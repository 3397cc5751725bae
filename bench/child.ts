// Runs one bench/run-size.ts task in a child process with a deadline and collects its events.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { QueryClass } from './queries.js';
import { EVENT_PREFIX, type BenchEvent, type SizeTask } from './protocol.js';

export interface Phase {
  ms: number;
  detail?: Record<string, number | string>;
}

export interface EventLoopStats {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

export interface ChildResult {
  phases: Record<string, Phase>;
  memory: { heapUsed: number; rss: number } | null;
  samples: Partial<Record<QueryClass, number[]>>;
  /** Result counts per class (excerpts for ours, hits for bare), for the record. */
  results: Partial<Record<QueryClass, number[]>>;
  /** The slowest question of each class: where a p99 comes from. */
  slowest: Partial<Record<QueryClass, { question: string; ms: number; results: number }>>;
  eventLoop: Record<string, EventLoopStats>;
  latencyDuring: Record<string, number[]>;
  /** A query still running when the deadline killed the task: its time so far is a lower bound. */
  cutOff: { cls: QueryClass; question: string; atLeastMs: number } | null;
  killed: boolean;
  error: string | null;
  wallMs: number;
}

const RUNNER = fileURLToPath(new URL('./run-size.ts', import.meta.url));

export function runTask(task: SizeTask, deadlineMs: number, heapMb = 12_288): Promise<ChildResult> {
  const result: ChildResult = {
    phases: {},
    memory: null,
    samples: {},
    results: {},
    slowest: {},
    eventLoop: {},
    latencyDuring: {},
    cutOff: null,
    killed: false,
    error: null,
    wallMs: 0,
  };
  const started = Date.now();
  let inFlight: { cls: QueryClass; question: string; at: number } | null = null;
  const child = spawn(process.execPath, ['--expose-gc', `--max-old-space-size=${heapMb}`, '--import', 'tsx', RUNNER, JSON.stringify(task)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let buffered = '';
  const onEvent = (event: BenchEvent): void => {
    switch (event.type) {
      case 'phase':
        result.phases[event.name] = { ms: event.ms, ...(event.detail ? { detail: event.detail } : {}) };
        break;
      case 'memory':
        result.memory = { heapUsed: event.heapUsed, rss: event.rss };
        break;
      case 'query-start':
        inFlight = { cls: event.cls, question: event.question, at: event.at };
        break;
      case 'sample': {
        const samples = result.samples[event.cls] ?? [];
        const counts = result.results[event.cls] ?? [];
        samples.push(event.ms);
        counts.push(event.results);
        result.samples[event.cls] = samples;
        result.results[event.cls] = counts;
        if (event.ms > (result.slowest[event.cls]?.ms ?? -1)) result.slowest[event.cls] = { question: event.question, ms: event.ms, results: event.results };
        inFlight = null;
        break;
      }
      case 'eventloop':
        result.eventLoop[event.name] = { p50: event.p50, p99: event.p99, max: event.max, samples: event.samples };
        break;
      case 'latency-during':
        result.latencyDuring[event.name] = event.samples;
        break;
      case 'error':
        result.error = event.message;
        break;
      case 'done':
        break;
    }
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith(EVENT_PREFIX)) onEvent(JSON.parse(line.slice(EVENT_PREFIX.length)) as BenchEvent);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      result.killed = true;
      const running = inFlight as { cls: QueryClass; question: string; at: number } | null;
      if (running) result.cutOff = { cls: running.cls, question: running.question, atLeastMs: Date.now() - running.at };
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      result.wallMs = Date.now() - started;
      if (!result.killed && code !== 0 && !result.error) result.error = `exit code ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`;
      resolve(result);
    });
  });
}
