// The sharded bot's engine process runs plain JavaScript compiled once at start, not TypeScript
// through tsx: a process that registers tsx gets a loader hooks thread and an esbuild service, ~50 MB
// (docs/scaling.md, "Many Discord servers: sharding"). Each entry is bundled with what it imports from
// src/; packages stay imports of the project's own node_modules.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop, type Plugin } from 'esbuild';

/**
 * Where the bundle lives is not where its sources do: `new URL('./x', import.meta.url)` in a source
 * file (the chart and engine worker entries, the learned weights, fonts, commands) must still mean that
 * file's folder, and a package must resolve from the project, whatever folder the bundle is written to.
 */
const keepSourcePlaces: Plugin = {
  name: 'keep-source-places',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      return { path: import.meta.resolve(args.path), external: true };
    });
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * Bundles each TypeScript entry (an absolute path) into `outDir` as `<name>.mjs`, emptied first, and
 * returns the written files by name. What an entry imports only dynamically goes to a chunk of its own,
 * loaded when first asked for, as from source. Called before any thread or process runs from `outDir`.
 */
export async function compileEntries<Name extends string>(entries: Record<Name, string>, outDir: string): Promise<Record<Name, string>> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: entries,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [keepSourcePlaces],
    logLevel: 'silent',
  });
  // esbuild's service process would otherwise stay for the manager's lifetime (~30 MB), unused.
  await stop();
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(outDir, `${name}.mjs`)])) as Record<Name, string>;
}

/** The project's src/ folder, for naming entries. */
export const SRC_DIR = fileURLToPath(new URL('..', import.meta.url));
