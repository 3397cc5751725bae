// Reloading the corpus: who may ask, one reload at a time, and a log line naming who asked.
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../log.js';
import type { EngineApi, ReloadReport } from '../types.js';

export class ReloadBusyError extends Error {
  constructor(
    readonly by: string,
    readonly sinceMs: number,
  ) {
    super(`a reload requested by ${by} is already running`);
    this.name = 'ReloadBusyError';
  }
}

/**
 * Serialises reloads from Discord and from signals: a second one while one runs is refused.
 * `reload` is what a reload does: this process's engine by default; a shard asks its manager instead,
 * so that every shard reloads, not only the one whose guild ran /reload.
 */
export class ReloadGate {
  private current: { by: string; since: number } | null = null;
  private readonly listeners: ((report: ReloadReport) => void)[] = [];

  constructor(
    engine: EngineApi,
    private readonly log: Logger,
    private readonly reload: (changed?: string[]) => Promise<ReloadReport> = (changed) => engine.reload(changed),
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Called after every successful reload (the news channel announces the articles it added). */
  onReloaded(listener: (report: ReloadReport) => void): void {
    this.listeners.push(listener);
  }

  /** Like run, but waits its turn behind a reload already running (the watcher, feeds, /add). */
  async runWhenFree(requestedBy: string, who: Record<string, unknown> = {}, changed?: string[]): Promise<ReloadReport> {
    for (;;) {
      try {
        return await this.run(requestedBy, who, changed);
      } catch (error) {
        if (!(error instanceof ReloadBusyError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** `changed`: the files the folder watcher saw change, so the engine need not look at the others. */
  async run(requestedBy: string, who: Record<string, unknown> = {}, changed?: string[]): Promise<ReloadReport> {
    if (this.current) throw new ReloadBusyError(this.current.by, Date.now() - this.current.since);
    this.current = { by: requestedBy, since: Date.now() };
    this.log.info({ requestedBy, ...who }, 'reload started');
    try {
      const report = await this.reload(changed);
      this.log.info(
        {
          requestedBy,
          ok: report.ok,
          added: report.added.length,
          changed: report.changed.length,
          removed: report.removed.length,
          articles: report.articles,
          statements: report.statements,
          people: report.people,
          problems: report.problems.length,
          ms: report.ms,
          ...(report.error ? { error: report.error } : {}),
        },
        report.ok ? 'reload finished' : 'reload failed; previous index still serving',
      );
      if (report.ok) for (const listener of this.listeners) listener(report);
      return report;
    } finally {
      this.current = null;
    }
  }
}

/**
 * Checked at run time whatever the server's command permissions say: Manage Server, Administrator
 * (which implies it), or one of the configured admin roles.
 */
export function mayReload(interaction: ChatInputCommandInteraction, adminRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true)) return true;
  const roles = interaction.member.roles;
  const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return roleIds.some((id) => adminRoleIds.includes(id));
}
