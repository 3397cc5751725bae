// A local fake of Discord for end-to-end tests: HTTP API v10 and a JSON gateway on 127.0.0.1 only.
// It plays the server side of what the bot uses, keeps the messages, threads and interactions it saw,
// records every request, and answers like Discord does when the bot breaks a rule (late ack, double ack,
// over-long message, unknown route). Faults can be injected per route for the hardening tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ApplicationCommandOptionType,
  ChannelType,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { hasVisibleText, messageLimitProblems } from './limits.js';
import { parseMultipart, type UploadedFile } from './multipart.js';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/abc/callback. */
  path: string;
  query: Record<string, string>;
  body: Json | null;
  status: number;
  response: unknown;
  at: number;
  /** Set for interaction callbacks and webhook calls: which interaction the request belongs to. */
  interactionId?: string;
}

/** A file a user attaches to a slash command option; `url` is where the bot downloads it (a local test server). */
export interface FakeAttachment {
  filename: string;
  size: number;
  url: string;
  contentType?: string;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface FakeMember {
  user: FakeUser;
  roles: string[];
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
}

export interface FakeInteraction {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  createdAt: number;
  /** Callback type the bot chose (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete). */
  ackType: number | null;
  ephemeral: boolean;
  /** The message this interaction's reply lives in (created at ack time for replies and defers). */
  replyMessageId: string | null;
  payload: Json;
  /** When the first successful callback arrived (the acknowledgement). */
  ackedAt: number | null;
  /** When the user first saw an answer: a reply, an update, autocomplete choices, or an edit/follow-up with text. */
  answeredAt: number | null;
  /** Invoked in a DM with the bot rather than in the guild. */
  dm: boolean;
}

export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  /** How many matching requests fail; default 1. */
  times?: number;
}

/** What a Discord 429 carries: see rateLimit(). */
export interface RateLimitFault {
  method?: string;
  path: RegExp;
  /** Seconds to wait, as Discord's body field `retry_after` (a float). */
  retryAfter: number;
  /** The global limit (X-RateLimit-Global) rather than a per-route bucket. */
  global?: boolean;
  times?: number;
}

export interface FakeDiscordOptions {
  token: string;
  appId?: string;
  heartbeatIntervalMs?: number;
  /** Discord drops interactions not acknowledged within 3 s. */
  ackDeadlineMs?: number;
  /** Interaction tokens work for 15 minutes; after that edits and follow-ups get 401 Invalid Webhook Token. */
  tokenLifetimeMs?: number;
  /**
   * Keep at most this many recorded requests, interactions and messages (oldest dropped first), so a
   * long soak measures the bot's memory and not the fake's. Unlimited by default: tests read them all.
   */
  keep?: number;
  /** GET /gateway/bot: the shard count Discord recommends (default 1). */
  recommendedShards?: number;
  /** GET /gateway/bot: session_start_limit.max_concurrency, identifies allowed per 5 s (default 1). */
  maxConcurrency?: number;
}

/** A guild the fake hosts besides the first: its own text channel, the same roles and members. */
export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}

interface GatewaySession {
  id: string;
  intents: number;
  seq: number;
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
  /** [shard_id, num_shards] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
}

const EPOCH = 1420070400000n;
let snowflakeCounter = 0n;
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1n) % 4096n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | snowflakeCounter).toString();
}

/** The shard Discord sends a guild's events to: (guild_id >> 22) % num_shards (the sharding docs' formula). */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A snowflake whose guild would go to shard `shard` of `count` (its timestamp is moved back by < count ms). */
function snowflakeOnShard(shard: number, count: number): string {
  const id = BigInt(snowflake());
  const timestamp = id >> 22n;
  const back = (timestamp - BigInt(shard)) % BigInt(count);
  return (((timestamp - back) << 22n) | (id & 0x3fffffn)).toString();
}

const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** app_permissions in a DM with the bot, as the interactions docs list them. */
const DM_APP_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.UseExternalEmojis;

/** Close codes after which Discord's docs say to reconnect with a new session (no resume). */
const SESSION_ENDING_CLOSE_CODES = new Set([4007, 4009]);

const BASE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.UseApplicationCommands;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}

function notFound(what: string, code: number): HttpError {
  return new HttpError(404, { message: `Unknown ${what}`, code });
}

function missingPermissions(): HttpError {
  return new HttpError(403, { message: 'Missing Permissions', code: 50013 });
}

function makeUser(username: string, bot = false): FakeUser {
  return { id: snowflake(), username, global_name: bot ? null : username, discriminator: bot ? '0001' : '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Json[] = [];
  readonly gatewayQueries: Record<string, string>[] = [];
  readonly registeredCommands = new Map<string, Json[]>();
  readonly messages = new Map<string, Json>();
  readonly channels = new Map<string, Json>();
  readonly interactions = new Map<string, FakeInteraction>();
  readonly roles: FakeRole[] = [];
  readonly members = new Map<string, FakeMember>();
  readonly botUser: FakeUser;
  readonly appId: string;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  /** Members with Manage Server through a role. */
  readonly admin: FakeMember;
  /** A member with no special permission. */
  readonly member: FakeMember;
  readonly moderatorRoleId = snowflake();
  /** Guilds added with addGuild(), by id (the first guild is `guildId`). */
  readonly extraGuilds = new Map<string, FakeGuild>();

  private readonly sessions = new Map<string, GatewaySession>();
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly requestListeners = new Set<(request: RecordedRequest) => void>();
  /** Interactions whose token ages past its lifetime the moment they are acknowledged. */
  private readonly expireOnAck = new Set<string>();
  /** Files uploaded with a message body (multipart), by the body object they came with. */
  private readonly uploads = new WeakMap<Json, UploadedFile[]>();
  private readonly attachmentBytes = new Map<string, Buffer>();
  private requestSeq = 0;
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;

  private constructor(private readonly options: Required<FakeDiscordOptions>) {
    this.appId = options.appId;
    this.botUser = { ...makeUser('whosaid', true), id: options.appId };
    this.roles.push({ id: this.guildId, name: '@everyone', permissions: BASE_PERMISSIONS });
    this.roles.push({ id: this.moderatorRoleId, name: 'Moderators', permissions: BASE_PERMISSIONS | PermissionFlagsBits.ManageGuild });
    this.channels.set(this.channelId, {
      id: this.channelId,
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    });
    this.admin = this.addMember('alice-admin', [this.moderatorRoleId]);
    this.member = this.addMember('bob-member', []);
    this.members.set(this.botUser.id, { user: this.botUser, roles: [] });
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord({
      appId: options.appId ?? snowflake(),
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      ackDeadlineMs: options.ackDeadlineMs ?? 3_000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
      keep: options.keep ?? Number.POSITIVE_INFINITY,
      recommendedShards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
      token: options.token,
    });
    await fake.listen();
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  addMember(username: string, roles: string[]): FakeMember {
    const member = { user: makeUser(username), roles };
    this.members.set(member.user.id, member);
    return member;
  }

  /**
   * A second (third…) guild with one text channel, sharing the first guild's roles and members. With
   * `onShard`, its id is chosen so that Discord's formula puts it on that shard of that many.
   */
  addGuild(name: string, onShard?: { id: number; count: number }): FakeGuild {
    const id = onShard ? snowflakeOnShard(onShard.id, onShard.count) : snowflake();
    const guild: FakeGuild = { id, name, channelId: snowflake() };
    this.extraGuilds.set(id, guild);
    this.channels.set(guild.channelId, {
      ...this.channels.get(this.channelId)!,
      id: guild.channelId,
      guild_id: id,
      name: 'general',
      permission_overwrites: [],
      last_message_id: null,
    });
    for (const session of this.sessions.values()) {
      if (this.owns(session, id)) this.sendDispatch(session, 'GUILD_CREATE', this.guildPayload(id));
    }
    return guild;
  }

  /** Every guild's id, the first one first. */
  get guildIds(): string[] {
    return [this.guildId, ...this.extraGuilds.keys()];
  }

  addRole(name: string, permissions: bigint): FakeRole {
    const role = { id: snowflake(), name, permissions };
    this.roles.push(role);
    return role;
  }

  permissionsOf(member: FakeMember): bigint {
    let permissions = 0n;
    for (const role of this.roles) {
      if (role.id === this.guildId || member.roles.includes(role.id)) permissions |= role.permissions;
    }
    return (permissions & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
  }

  /**
   * A member's permissions in a channel, the way Discord computes them: guild permissions, then the
   * channel's @everyone overwrite, role overwrites, and the member's own overwrite. Threads use their
   * parent's overwrites.
   */
  permissionsIn(member: FakeMember, channelId: string): bigint {
    const base = this.permissionsOf(member);
    if (base === ALL_PERMISSIONS) return base;
    let channel = this.channels.get(channelId);
    if (channel?.type === ChannelType.PublicThread) channel = this.channels.get(String(channel.parent_id));
    const overwrites = (channel?.permission_overwrites as { id: string; type: number; allow: string; deny: string }[] | undefined) ?? [];
    let permissions = base;
    const apply = (overwrite: { allow: string; deny: string } | undefined) => {
      if (!overwrite) return;
      permissions = (permissions & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow);
    };
    apply(overwrites.find((o) => o.type === 0 && o.id === this.guildId));
    let roleAllow = 0n;
    let roleDeny = 0n;
    for (const overwrite of overwrites.filter((o) => o.type === 0 && member.roles.includes(o.id))) {
      roleAllow |= BigInt(overwrite.allow);
      roleDeny |= BigInt(overwrite.deny);
    }
    permissions = (permissions & ~roleDeny) | roleAllow;
    apply(overwrites.find((o) => o.type === 1 && o.id === member.user.id));
    return permissions;
  }

  /** What the bot may do in a channel (the interaction's `app_permissions`). DMs allow what Discord documents for them. */
  botPermissionsIn(channelId: string): bigint {
    if (this.channels.get(channelId)?.type === ChannelType.DM) return DM_APP_PERMISSIONS;
    return this.permissionsIn(this.members.get(this.botUser.id)!, channelId);
  }

  /** A second text channel in the guild (announced to the bot with CHANNEL_CREATE). */
  addTextChannel(name: string): string {
    const id = snowflake();
    const channel: Json = { ...this.channels.get(this.channelId)!, id, name, position: this.channels.size, permission_overwrites: [], last_message_id: null };
    this.channels.set(id, channel);
    this.dispatch('CHANNEL_CREATE', channel, GatewayIntentBits.Guilds);
    return id;
  }

  /** Takes permissions away from the bot in one channel with a member overwrite, as a server admin would (CHANNEL_UPDATE follows). */
  denyBot(channelId: string, permissions: bigint): void {
    const channel = this.channels.get(channelId);
    if (!channel || channel.type !== ChannelType.GuildText) throw new Error(`no text channel ${channelId}`);
    const overwrites = ((channel.permission_overwrites as Json[] | undefined) ?? []).filter((o) => o.id !== this.botUser.id);
    overwrites.push({ id: this.botUser.id, type: 1, allow: '0', deny: permissions.toString() });
    channel.permission_overwrites = overwrites;
    this.dispatch('CHANNEL_UPDATE', channel, GatewayIntentBits.Guilds);
  }

  /** Makes the next `times` requests matching `path` fail with the given status and body. */
  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /**
   * Makes the next `times` matching requests get a 429 the way Discord sends one (rate-limits topic):
   * the JSON body `{message, retry_after, global}` with `retry_after` in (fractional) seconds, the
   * `Retry-After` header in whole seconds (rounded up), the bucket headers, `X-RateLimit-Scope`, and
   * `X-RateLimit-Global` only for the global limit.
   */
  rateLimit(fault: RateLimitFault): void {
    const wholeSeconds = Math.max(1, Math.ceil(fault.retryAfter));
    const headers: Record<string, string> = {
      'retry-after': String(wholeSeconds),
      'x-ratelimit-scope': fault.global ? 'global' : 'user',
    };
    if (fault.global) {
      headers['x-ratelimit-global'] = 'true';
    } else {
      Object.assign(headers, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + fault.retryAfter * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': fault.retryAfter.toFixed(3),
        'x-ratelimit-bucket': randomBytes(16).toString('hex'),
      });
    }
    this.inject({
      ...(fault.method ? { method: fault.method } : {}),
      path: fault.path,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: fault.global ?? false },
      headers,
      times: fault.times ?? 1,
    });
  }

  /**
   * The interaction's token runs out the moment the bot acknowledges it, as if its answer took more
   * than 15 minutes: every later edit or follow-up gets 401 Invalid Webhook Token.
   */
  expireTokenOnAck(interaction: FakeInteraction): void {
    this.expireOnAck.add(interaction.id);
  }

  /** Calls `listener` after every HTTP request the fake answered (for measurements). */
  onRequest(listener: (request: RecordedRequest) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  // ---------------------------------------------------------------- gateway side

  /**
   * Sends an event to every identified session that should see it (buffered for sessions that are
   * disconnected): with the intent, and of the shard owning the event's guild (DMs go to shard 0).
   */
  dispatch(t: string, d: unknown, intent?: number): void {
    const guildId = (d as Json | null)?.guild_id;
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      if (!this.owns(session, typeof guildId === 'string' ? guildId : null)) continue;
      this.sendDispatch(session, t, d);
    }
  }

  /** Whether a session's shard receives a guild's events; `null` is a DM, which Discord sends to shard 0. */
  private owns(session: GatewaySession, guildId: string | null): boolean {
    const [id, count] = session.shard;
    return guildId === null ? id === 0 : shardOfGuild(guildId, count) === id;
  }

  /** The sessions that identified, with the shard each asked for. */
  get shardsIdentified(): [number, number][] {
    return [...this.sessions.values()].map((session) => session.shard);
  }

  /**
   * Closes every gateway connection with a code. 4000 (unknown error) lets the client resume its
   * session; after 4007 (invalid seq) and 4009 (session timed out) Discord has dropped the session, so
   * a resume is answered with Invalid Session and the client must identify again.
   */
  closeGateway(code = 4000): void {
    for (const [id, session] of this.sessions) {
      session.socket?.close(code, 'fake-discord closing');
      session.socket = null;
      if (SESSION_ENDING_CLOSE_CODES.has(code)) this.sessions.delete(id);
    }
  }

  /** True once some session has identified and received READY. */
  get connected(): boolean {
    return [...this.sessions.values()].some((session) => session.socket !== null);
  }

  /** Invokes a registered slash command as `member` in the guild's text channel (or another channel). */
  slashCommand(
    name: string,
    options: Record<string, string | number | boolean | FakeAttachment> = {},
    member = this.member,
    channelId = this.channelId,
  ): FakeInteraction {
    return this.createInteraction(InteractionType.ApplicationCommand, this.commandData(name, options), member, channelId);
  }

  /**
   * A member uses a slash command in their DM with the bot. Discord only offers a command there when its
   * `contexts` include BOT_DM (1); `staleRegistration` sends it anyway, as a client holding an old
   * registration from before contexts could.
   */
  slashCommandInDm(
    name: string,
    options: Record<string, string | number | boolean> = {},
    member = this.member,
    how: { staleRegistration?: boolean } = {},
  ): FakeInteraction {
    const command = this.findCommand(name);
    const contexts = command.contexts as number[] | null | undefined;
    if (!how.staleRegistration && Array.isArray(contexts) && !contexts.includes(1)) {
      throw new Error(`/${name} is registered for contexts ${JSON.stringify(contexts)}: Discord does not offer it in DMs`);
    }
    const dmId = `dm-${member.user.id}`;
    let channelId = [...this.channels.values()].find((c) => c.type === ChannelType.DM && (c.recipients as FakeUser[])[0]?.id === member.user.id)?.id as
      | string
      | undefined;
    if (!channelId) {
      channelId = snowflake();
      this.channels.set(channelId, { id: channelId, type: ChannelType.DM, last_message_id: null, recipients: [member.user], flags: 0, name: dmId });
    }
    return this.createInteraction(InteractionType.ApplicationCommand, this.commandData(name, options), member, channelId);
  }

  private commandData(name: string, options: Record<string, string | number | boolean | FakeAttachment>): Json {
    const command = this.findCommand(name);
    const optionDefs = (command.options as Json[] | undefined) ?? [];
    const attachments: Record<string, Json> = {};
    const apiOptions = Object.entries(options).map(([optionName, value]) => {
      const def = optionDefs.find((o) => o.name === optionName);
      if (!def) throw new Error(`/${name} has no option ${optionName}`);
      if (typeof value === 'object') {
        // An attachment option carries the attachment's id; the attachment itself is in data.resolved.
        if (def.type !== 11) throw new Error(`/${name} option ${optionName} is not an attachment option`);
        const id = snowflake();
        attachments[id] = {
          id,
          filename: value.filename,
          size: value.size,
          url: value.url,
          proxy_url: value.url,
          content_type: value.contentType ?? 'application/octet-stream',
        };
        return { name: optionName, type: def.type, value: id };
      }
      return { name: optionName, type: def.type, value };
    });
    for (const def of optionDefs) {
      if (def.required && !(String(def.name) in options)) throw new Error(`/${name} requires option ${String(def.name)}`);
    }
    return { id: command.id, name, type: 1, options: apiOptions, ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}) };
  }

  /** Sends an autocomplete request for `focused` while the user types `typed` into it. */
  autocomplete(name: string, focused: string, typed: string, others: Record<string, string> = {}, member = this.member): FakeInteraction {
    const command = this.findCommand(name);
    const optionDefs = (command.options as Json[] | undefined) ?? [];
    const def = optionDefs.find((o) => o.name === focused);
    if (!def?.autocomplete) throw new Error(`/${name} option ${focused} is not an autocomplete option`);
    const options = [
      ...Object.entries(others).map(([optionName, value]) => ({ name: optionName, type: ApplicationCommandOptionType.String, value })),
      { name: focused, type: def.type, value: typed, focused: true },
    ];
    return this.createInteraction(InteractionType.ApplicationCommandAutocomplete, { id: command.id, name, type: 1, options }, member, this.channelId);
  }

  /** Clicks the button with `customId` (or the first whose label matches) on a stored message. */
  clickButton(messageId: string, button: { customId?: string; label?: RegExp }, member = this.member): FakeInteraction {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    const buttons = ((message.components as Json[] | undefined) ?? []).flatMap((row) => (row.components as Json[]) ?? []);
    const target = buttons.find((b) => (button.customId ? b.custom_id === button.customId : button.label?.test(String(b.label))));
    if (!target) throw new Error(`message ${messageId} has no such button (has ${buttons.map((b) => String(b.label)).join(', ')})`);
    if (target.disabled) throw new Error(`button ${String(target.label)} is disabled`);
    return this.createInteraction(
      InteractionType.MessageComponent,
      { custom_id: target.custom_id, component_type: 2 },
      member,
      String(message.channel_id),
      message,
    );
  }

  /** A member posts a message; `mentionBot` prefixes the bot mention as the Discord client would. */
  postUserMessage(channelId: string, text: string, member = this.member, options: { mentionBot?: boolean } = {}): Json {
    const mentionBot = options.mentionBot ?? true;
    const content = mentionBot ? `<@${this.botUser.id}> ${text}` : text;
    const message = this.storeMessage(channelId, {
      author: member.user,
      member: { roles: member.roles, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      content,
      mentions: mentionBot ? [this.botUser] : [],
    });
    return message;
  }

  // ---------------------------------------------------------------- waiting helpers for tests

  /** Resolves when `check` returns a value (re-evaluated after every request and gateway event). */
  async waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(probe);
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const probe = () => {
        const value = check();
        if (value) {
          clearTimeout(timer);
          this.waiters.delete(probe);
          resolve(value);
        }
      };
      this.waiters.add(probe);
    });
  }

  /** The visible reply to an interaction once it has text (reply, or a deferral later edited). */
  async replyTo(interaction: FakeInteraction, timeoutMs?: number): Promise<Json> {
    return this.waitFor(
      () => {
        const id = this.interactions.get(interaction.id)?.replyMessageId;
        const message = id ? this.messages.get(id) : undefined;
        return message && hasVisibleText(message) ? message : undefined;
      },
      timeoutMs,
      `a reply to interaction ${interaction.id}`,
    );
  }

  /** Requests that belong to an interaction (callback, edits, follow-ups). */
  requestsFor(interaction: FakeInteraction): RecordedRequest[] {
    return this.requests.filter((r) => r.interactionId === interaction.id);
  }

  /** Messages in a channel, oldest first. */
  messagesIn(channelId: string): Json[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  // ---------------------------------------------------------------- lifecycle

  async stop(): Promise<void> {
    for (const session of this.sessions.values()) session.socket?.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway') {
        socket.destroy();
        return;
      }
      this.gatewayQueries.push(Object.fromEntries(url.searchParams));
      this.wss.handleUpgrade(req, socket, head, (ws) => this.handleSocket(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private handleSocket(ws: WebSocket): void {
    let session: GatewaySession | null = null;
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
    ws.on('message', (raw) => {
      let packet: { op: number; d: Json | number | null };
      try {
        packet = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      const data = (packet.d ?? {}) as Json;
      switch (packet.op) {
        case GatewayOpcodes.Heartbeat:
          ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
          break;
        case GatewayOpcodes.Identify: {
          this.identifies.push(data);
          if (data.token !== this.options.token) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          if (typeof data.intents !== 'number') {
            ws.close(4013, 'Invalid intent(s).');
            return;
          }
          const shard = data.shard ?? [0, 1];
          if (!Array.isArray(shard) || shard.length !== 2 || !shard.every(Number.isInteger) || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
            ws.close(4010, 'Invalid shard.');
            return;
          }
          session = { id: randomBytes(16).toString('hex'), intents: data.intents, seq: 0, events: [], socket: ws, shard: [shard[0], shard[1]] };
          this.sessions.set(session.id, session);
          const owned = this.guildIds.filter((guildId) => this.owns(session!, guildId));
          this.sendDispatch(session, 'READY', {
            v: 10,
            user: this.botUser,
            guilds: owned.map((id) => ({ id, unavailable: true })),
            session_id: session.id,
            resume_gateway_url: this.gatewayUrl,
            shard: session.shard,
            application: { id: this.appId, flags: 0 },
            private_channels: [],
            presences: [],
          });
          for (const guildId of owned) this.sendDispatch(session, 'GUILD_CREATE', this.guildPayload(guildId));
          break;
        }
        case GatewayOpcodes.Resume: {
          const existing = this.sessions.get(String(data.session_id));
          if (!existing || data.token !== this.options.token) {
            ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
            return;
          }
          session = existing;
          session.socket = ws;
          for (const event of session.events.filter((e) => e.s > Number(data.seq))) {
            ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
          }
          this.sendDispatch(session, 'RESUMED', null);
          break;
        }
        default:
          break;
      }
      this.notify();
    });
    ws.on('close', () => {
      if (session && session.socket === ws) session.socket = null;
      this.notify();
    });
  }

  private sendDispatch(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.events.length > 1000) session.events.shift();
    session.socket?.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
  }

  private guildPayload(guildId = this.guildId): Json {
    const channels = [...this.channels.values()].filter((c) => c.guild_id === guildId);
    return {
      id: guildId,
      name: this.extraGuilds.get(guildId)?.name ?? 'Fake Newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.admin.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_progress_bar_enabled: false,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      preferred_locale: 'en-US',
      features: [],
      application_id: null,
      roles: this.roles.map((role, position) => ({
        // Every guild's @everyone role has the guild's id; the fake's guilds share the first one's roles.
        id: role.id === this.guildId ? guildId : role.id,
        name: role.name,
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position,
        permissions: role.permissions.toString(),
        managed: false,
        mentionable: false,
        flags: 0,
      })),
      emojis: [],
      stickers: [],
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: this.members.size,
      voice_states: [],
      members: [this.memberPayload(this.members.get(this.botUser.id)!)],
      channels: channels.filter((c) => c.type !== ChannelType.PublicThread),
      threads: channels.filter((c) => c.type === ChannelType.PublicThread),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  private memberPayload(member: FakeMember): Json {
    return {
      user: member.user,
      roles: member.roles,
      nick: null,
      avatar: null,
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  private findCommand(name: string): Json {
    const all = [...this.registeredCommands.values()].flat();
    const command = all.find((c) => c.name === name);
    if (!command) throw new Error(`/${name} is not registered (registered: ${all.map((c) => String(c.name)).join(', ') || 'none'})`);
    return command;
  }

  private createInteraction(type: InteractionType, data: Json, member: FakeMember, channelId: string, message?: Json): FakeInteraction {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb24.${randomBytes(24).toString('base64url')}`;
    const dm = channel.type === ChannelType.DM;
    const guildId = this.guildOfChannel(channel);
    // In a DM Discord sends `user` instead of `member`, no guild, and context BOT_DM (1).
    const where: Json = dm
      ? { user: member.user, context: 1, authorizing_integration_owners: { '0': '0' } }
      : {
          guild_id: guildId,
          guild: { id: guildId, locale: 'en-US', features: [] },
          member: { ...this.memberPayload(member), permissions: this.permissionsIn(member, channelId).toString() },
          guild_locale: 'en-US',
          authorizing_integration_owners: { '0': guildId },
          context: 0,
        };
    const payload: Json = {
      id,
      application_id: this.appId,
      type,
      data,
      channel_id: channelId,
      channel,
      token,
      version: 1,
      app_permissions: this.botPermissionsIn(channelId).toString(),
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...where,
      ...(message ? { message } : {}),
    };
    const interaction: FakeInteraction = {
      id,
      token,
      type,
      channelId,
      createdAt: Date.now(),
      ackType: null,
      ephemeral: false,
      replyMessageId: null,
      payload,
      ackedAt: null,
      answeredAt: null,
      dm,
    };
    this.interactions.set(id, interaction);
    this.trim(this.interactions);
    this.dispatch('INTERACTION_CREATE', payload);
    return interaction;
  }

  private storeMessage(channelId: string, fields: Json): Json {
    const channel = this.channels.get(channelId);
    if (!channel) throw notFound('Channel', 10003);
    const id = snowflake();
    const message: Json = {
      id,
      channel_id: channelId,
      ...(channel.type === ChannelType.DM ? {} : { guild_id: this.guildOfChannel(channel) }),
      type: 0,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...fields,
    };
    this.messages.set(id, message);
    this.trim(this.messages);
    channel.last_message_id = id;
    if (channel.type === ChannelType.PublicThread) {
      channel.message_count = Number(channel.message_count ?? 0) + 1;
      channel.total_message_sent = Number(channel.total_message_sent ?? 0) + 1;
    }
    // The bot asks for no DirectMessages intent, so it is not told about messages in DMs.
    if ((Number(message.flags) & MessageFlags.Ephemeral) === 0 && channel.type !== ChannelType.DM) this.dispatchMessageCreate(message);
    return message;
  }

  /** The guild a channel (or thread) belongs to. */
  private guildOfChannel(channel: Json): string {
    return typeof channel.guild_id === 'string' ? channel.guild_id : this.guildId;
  }

  /** Without the Message Content intent, Discord blanks content of messages that do not mention the bot. */
  private dispatchMessageCreate(message: Json): void {
    for (const session of this.sessions.values()) {
      if ((session.intents & GatewayIntentBits.GuildMessages) === 0) continue;
      if (!this.owns(session, String(message.guild_id))) continue;
      const author = message.author as FakeUser;
      const mentionsBot = ((message.mentions as FakeUser[]) ?? []).some((u) => u.id === this.botUser.id);
      const visible = (session.intents & GatewayIntentBits.MessageContent) !== 0 || mentionsBot || author.id === this.botUser.id;
      this.sendDispatch(session, 'MESSAGE_CREATE', visible ? message : { ...message, content: '', embeds: [], attachments: [], components: [] });
    }
  }

  private dispatchMessageUpdate(message: Json): void {
    if ((Number(message.flags) & MessageFlags.Ephemeral) === 0 && message.guild_id) this.dispatch('MESSAGE_UPDATE', message, GatewayIntentBits.GuildMessages);
  }

  // ---------------------------------------------------------------- HTTP side

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const raw = rawBytes.toString('utf8');
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const record: RecordedRequest = {
      seq: ++this.requestSeq,
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: null,
      status: 0,
      response: null,
      at: Date.now(),
    };
    this.requests.push(record);
    let status = 200;
    let response: unknown = null;
    let headers: Record<string, string> = {};
    try {
      if (!url.pathname.startsWith('/api/v10/')) throw new HttpError(404, { message: '404: Not Found', code: 0 });
      const contentType = String(req.headers['content-type']);
      if (raw !== '' && contentType.startsWith('multipart/form-data')) {
        // A message with files: the message is the payload_json part, the files are kept beside it.
        const { payload, files } = parseMultipart(rawBytes, contentType);
        record.body = (payload ?? {}) as Json;
        this.uploads.set(record.body, files);
        const data = record.body.data;
        if (data && typeof data === 'object') this.uploads.set(data as Json, files);
      } else if (raw !== '') {
        if (!contentType.includes('application/json')) {
          throw new HttpError(400, { message: 'fake-discord only understands JSON and multipart bodies', code: 50109 });
        }
        record.body = JSON.parse(raw) as Json;
      }
      record.interactionId = this.interactionOf(path)?.id;
      const fault = this.takeFault(method, path);
      if (fault) {
        headers = fault.headers ?? {};
        throw new HttpError(fault.status, fault.body ?? { message: 'Injected fault', code: 0 });
      }
      const isWebhook = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
      if (!isWebhook && req.headers.authorization !== `Bot ${this.options.token}`) {
        throw new HttpError(401, { message: '401: Unauthorized', code: 0 });
      }
      const result = this.route(method, path, record);
      status = result.status;
      response = result.body;
    } catch (error) {
      if (error instanceof HttpError) {
        status = error.status;
        response = error.body;
      } else {
        status = 500;
        response = { message: `fake-discord crashed: ${(error as Error).message}`, code: 0 };
      }
    }
    record.status = status;
    record.response = response;
    if (status === 204) {
      res.writeHead(204, headers).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(response));
    }
    this.noteAnswered(record);
    if (this.requests.length > this.options.keep) this.requests.splice(0, this.requests.length - this.options.keep);
    for (const listener of this.requestListeners) listener(record);
    this.notify();
  }

  /** The interaction a callback or webhook path belongs to, found by id or token. */
  private interactionOf(path: string): FakeInteraction | undefined {
    const callback = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (callback) {
      const interaction = this.interactions.get(callback[1]!);
      return interaction?.token === callback[2] ? interaction : undefined;
    }
    const webhook = path.match(/^\/webhooks\/\d+\/([^/]+)/);
    if (!webhook) return undefined;
    for (const interaction of this.interactions.values()) if (interaction.token === webhook[1]) return interaction;
    return undefined;
  }

  /** Stamps when an interaction was acknowledged and when its user first saw an answer. */
  private noteAnswered(record: RecordedRequest): void {
    if (record.status >= 300 || !record.interactionId) return;
    const interaction = this.interactions.get(record.interactionId);
    if (!interaction) return;
    const now = Date.now();
    if (record.path.endsWith('/callback')) {
      interaction.ackedAt ??= now;
      const type = Number(record.body?.type);
      const visible =
        type === InteractionResponseType.ChannelMessageWithSource ||
        type === InteractionResponseType.UpdateMessage ||
        type === InteractionResponseType.ApplicationCommandAutocompleteResult;
      if (visible) interaction.answeredAt ??= now;
      return;
    }
    if ((record.method === 'PATCH' || record.method === 'POST') && record.body && hasVisibleText(record.body)) interaction.answeredAt ??= now;
  }

  /** Drops the oldest entries of a map beyond the `keep` option. */
  private trim(map: Map<string, unknown>): void {
    if (map.size <= this.options.keep) return;
    for (const key of map.keys()) {
      map.delete(key);
      if (map.size <= this.options.keep) break;
    }
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => (f.method === undefined || f.method === method) && f.path.test(path) && (f.times ?? 1) > 0);
    if (fault) fault.times = (fault.times ?? 1) - 1;
    return fault;
  }

  private route(method: string, path: string, record: RecordedRequest): { status: number; body: unknown } {
    const body = record.body ?? {};
    const ok = (value: unknown) => ({ status: 200, body: value });

    if (method === 'GET' && path === '/gateway/bot') {
      return ok({
        url: this.gatewayUrl,
        shards: this.options.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.options.maxConcurrency },
      });
    }
    if (method === 'GET' && path === '/gateway') return ok({ url: this.gatewayUrl });
    if (method === 'GET' && path === '/users/@me') return ok(this.botUser);
    if (method === 'GET' && path === '/applications/@me') {
      return ok({ id: this.appId, name: 'whosaid', description: '', bot_public: true, bot_require_code_grant: false, flags: 0, bot: this.botUser });
    }
    const commandsPath = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (commandsPath) {
      if (commandsPath[1] !== this.appId) throw notFound('Application', 10002);
      if (commandsPath[2] !== undefined && !this.guildIds.includes(commandsPath[2])) throw notFound('Guild', 10004);
      const scope = commandsPath[2] ?? 'global';
      if (method === 'GET') return ok(this.registeredCommands.get(scope) ?? []);
      if (method === 'PUT') {
        if (!Array.isArray(record.body)) throw new HttpError(400, { message: 'Invalid Form Body', code: 50035 });
        const commands = (record.body as Json[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: this.appId,
          version: snowflake(),
          ...(commandsPath[2] ? { guild_id: commandsPath[2] } : {}),
        }));
        this.registeredCommands.set(scope, commands);
        return ok(commands);
      }
    }
    const callbackPath = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (method === 'POST' && callbackPath) {
      return this.interactionCallback(callbackPath[1]!, callbackPath[2]!, body, record);
    }
    const webhookPath = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/);
    if (webhookPath) {
      return this.webhook(method, webhookPath[1]!, webhookPath[2]!, webhookPath[3], body, record);
    }
    const channelPath = path.match(/^\/channels\/(\d+)$/);
    if (channelPath && method === 'GET') {
      const channel = this.channels.get(channelPath[1]!);
      if (!channel) throw notFound('Channel', 10003);
      return ok(channel);
    }
    const channelMessagesPath = path.match(/^\/channels\/(\d+)\/messages$/);
    if (channelMessagesPath && method === 'POST') {
      this.checkMessage(body, true);
      const channel = this.channels.get(channelMessagesPath[1]!);
      if (!channel) throw notFound('Channel', 10003);
      const allowed = this.botPermissionsIn(channelMessagesPath[1]!);
      const send = channel.type === ChannelType.PublicThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
      const needsEmbedLinks = Array.isArray(body.embeds) && body.embeds.length > 0;
      if ((allowed & send) === 0n || (needsEmbedLinks && (allowed & PermissionFlagsBits.EmbedLinks) === 0n)) throw missingPermissions();
      const message = this.storeMessage(channelMessagesPath[1]!, { ...this.messageFields(body, undefined, channelMessagesPath[1]!), author: this.botUser });
      return ok(message);
    }
    const messagePath = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/);
    if (messagePath) {
      const message = this.messages.get(messagePath[2]!);
      if (!message || message.channel_id !== messagePath[1]) throw notFound('Message', 10008);
      if (method === 'GET') return ok(message);
      if (method === 'PATCH') {
        this.checkMessage(body, false);
        Object.assign(message, this.messageFields(body), { edited_timestamp: new Date().toISOString() });
        this.dispatchMessageUpdate(message);
        return ok(message);
      }
    }
    const typingPath = path.match(/^\/channels\/(\d+)\/typing$/);
    if (typingPath && method === 'POST') {
      if (!this.channels.has(typingPath[1]!)) throw notFound('Channel', 10003);
      return { status: 204, body: null };
    }
    const threadPath = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (threadPath && method === 'POST') {
      return ok(this.createThread(threadPath[1]!, threadPath[2]!, body));
    }
    throw new HttpError(404, { message: '404: Not Found', code: 0 });
  }

  /**
   * The stored form of a message body. `interactionChannel` marks an interaction response: when the app
   * may not embed links there, its embeds are not shown (the request succeeds; the user sees no embed).
   */
  private messageFields(body: Json, interactionChannel?: string, channelId = interactionChannel): Json {
    const fields: Json = {};
    for (const key of ['content', 'embeds', 'components', 'flags', 'allowed_mentions', 'message_reference'] as const) {
      if (key in body) fields[key] = body[key] ?? (key === 'content' ? '' : key === 'flags' ? 0 : []);
    }
    const files = this.uploads.get(body) ?? [];
    if (files.length > 0 && channelId !== undefined && (this.botPermissionsIn(channelId) & PermissionFlagsBits.AttachFiles) === 0n) throw missingPermissions();
    if ('attachments' in body || files.length > 0) fields.attachments = this.storeAttachments(body, files);
    // Discord points an embed's attachment://name at the uploaded file's url.
    if (Array.isArray(fields.embeds) && Array.isArray(fields.attachments)) {
      const byName = new Map((fields.attachments as Json[]).map((a) => [String(a.filename), String(a.url)]));
      fields.embeds = (fields.embeds as Json[]).map((embed) => {
        const image = embed.image as Json | undefined;
        const ref = typeof image?.url === 'string' ? image.url.match(/^attachment:\/\/(.+)$/) : null;
        return ref && byName.has(ref[1]!) ? { ...embed, image: { ...image, url: byName.get(ref[1]!) } } : embed;
      });
    }
    if (interactionChannel !== undefined && 'embeds' in fields && (this.botPermissionsIn(interactionChannel) & PermissionFlagsBits.EmbedLinks) === 0n) {
      fields.embeds = [];
    }
    // Discord keeps the stored message free of request-only fields but the tests want to see them.
    return fields;
  }

  /** Attachment objects for uploaded files (`attachments[].id` is the index of `files[n]`); the bytes stay in the fake. */
  private storeAttachments(body: Json, files: UploadedFile[]): Json[] {
    const meta: Json[] = (body.attachments as Json[] | undefined) ?? files.map((_, i) => ({ id: i }));
    return meta.map((entry) => {
      const file = files.find((f) => f.field === `files[${String(entry.id)}]`);
      if (!file) throw new HttpError(400, { message: 'Invalid Form Body', code: 50035, errors: [`attachment ${String(entry.id)} has no file`] });
      const id = snowflake();
      const url = `https://cdn.fake-discord.invalid/attachments/${id}/${file.filename}`;
      this.attachmentBytes.set(url, file.data);
      const png = file.data.subarray(12, 16).toString('latin1') === 'IHDR' ? { width: file.data.readUInt32BE(16), height: file.data.readUInt32BE(20) } : {};
      return {
        id,
        filename: String(entry.filename ?? file.filename),
        description: entry.description,
        size: file.data.length,
        content_type: file.contentType,
        url,
        proxy_url: url,
        ...png,
      };
    });
  }

  /** The bytes of an attachment the bot uploaded, by its url. */
  attachment(url: string): Buffer | undefined {
    return this.attachmentBytes.get(url);
  }

  private checkMessage(body: Json, creating: boolean): void {
    const problems = messageLimitProblems(body);
    if (problems.length > 0) throw new HttpError(400, { message: 'Invalid Form Body', code: 50035, errors: problems });
    if (creating && !hasVisibleText(body) && !Array.isArray(body.components)) {
      throw new HttpError(400, { message: 'Cannot send an empty message', code: 50006 });
    }
  }

  private interactionCallback(id: string, token: string, body: Json, record: RecordedRequest): { status: number; body: unknown } {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) throw notFound('interaction', 10062);
    record.interactionId = id;
    if (interaction.ackType !== null) throw new HttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    if (Date.now() - interaction.createdAt > this.options.ackDeadlineMs) throw notFound('interaction', 10062);
    const type = Number(body.type);
    const data = (body.data ?? {}) as Json;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        if (interaction.type === InteractionType.ApplicationCommandAutocomplete)
          throw new HttpError(400, { message: 'Invalid interaction response type', code: 50035 });
        if (type === InteractionResponseType.ChannelMessageWithSource) this.checkMessage(data, true);
        interaction.ephemeral = (Number(data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        const message = this.storeMessage(interaction.channelId, {
          ...(type === InteractionResponseType.ChannelMessageWithSource
            ? this.messageFields(data, interaction.channelId)
            : { flags: Number(data.flags ?? 0) | MessageFlags.Loading }),
          author: this.botUser,
          webhook_id: this.appId,
          application_id: this.appId,
          type: interaction.type === InteractionType.ApplicationCommand ? 20 : 19,
          interaction_metadata: {
            id,
            type: interaction.type,
            user: (interaction.payload.member as Json | undefined)?.user ?? interaction.payload.user,
            authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
          },
        });
        interaction.replyMessageId = String(message.id);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (interaction.type !== InteractionType.MessageComponent) throw new HttpError(400, { message: 'Invalid interaction response type', code: 50035 });
        const target = this.messages.get(String((interaction.payload.message as Json).id));
        if (!target) throw notFound('Message', 10008);
        if (type === InteractionResponseType.UpdateMessage) {
          this.checkMessage(data, false);
          Object.assign(target, this.messageFields(data, interaction.channelId), { edited_timestamp: new Date().toISOString() });
          this.dispatchMessageUpdate(target);
        }
        interaction.replyMessageId = String(target.id);
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (interaction.type !== InteractionType.ApplicationCommandAutocomplete)
          throw new HttpError(400, { message: 'Invalid interaction response type', code: 50035 });
        const choices = (data.choices as Json[] | undefined) ?? [];
        if (choices.length > 25 || choices.some((c) => String(c.name).length > 100 || String(c.value).length > 100 || String(c.name).length < 1)) {
          throw new HttpError(400, { message: 'Invalid Form Body', code: 50035 });
        }
        break;
      }
      default:
        throw new HttpError(400, { message: `fake-discord does not support callback type ${type}`, code: 50035 });
    }
    interaction.ackType = type;
    if (this.expireOnAck.delete(id)) interaction.createdAt -= this.options.tokenLifetimeMs;
    if (record.query.with_response === 'true') {
      const message = interaction.replyMessageId ? this.messages.get(interaction.replyMessageId) : undefined;
      return {
        status: 200,
        body: {
          interaction: {
            id,
            type: interaction.type,
            activity_instance_id: null,
            response_message_id: message?.id ?? null,
            response_message_loading: false,
            response_message_ephemeral: interaction.ephemeral,
          },
          resource: { type, ...(message ? { message } : {}) },
        },
      };
    }
    return { status: 204, body: null };
  }

  private webhook(
    method: string,
    appId: string,
    token: string,
    messageRef: string | undefined,
    body: Json,
    record: RecordedRequest,
  ): { status: number; body: unknown } {
    const interaction = this.interactionOf(record.path);
    if (appId !== this.appId || !interaction || interaction.token !== token) throw notFound('Webhook', 10015);
    record.interactionId = interaction.id;
    if (interaction.ackType === null) throw notFound('Webhook', 10015);
    if (Date.now() - interaction.createdAt > this.options.tokenLifetimeMs) {
      throw new HttpError(401, { message: 'Invalid Webhook Token', code: 50027 });
    }
    if (messageRef === undefined) {
      if (method !== 'POST') throw new HttpError(405, { message: '405: Method Not Allowed', code: 0 });
      this.checkMessage(body, true);
      const message = this.storeMessage(interaction.channelId, {
        ...this.messageFields(body, interaction.channelId),
        author: this.botUser,
        webhook_id: this.appId,
        application_id: this.appId,
      });
      return { status: 200, body: message };
    }
    const messageId = messageRef === '@original' ? interaction.replyMessageId : messageRef;
    const message = messageId ? this.messages.get(messageId) : undefined;
    if (!message) throw notFound('Message', 10008);
    if (method === 'GET') return { status: 200, body: message };
    if (method === 'DELETE') {
      this.messages.delete(String(message.id));
      return { status: 204, body: null };
    }
    if (method === 'PATCH') {
      this.checkMessage(body, false);
      Object.assign(message, this.messageFields(body, interaction.channelId), {
        flags: Number(message.flags ?? 0) & ~MessageFlags.Loading,
        edited_timestamp: new Date().toISOString(),
      });
      if (!hasVisibleText(message) && ((message.components as unknown[]) ?? []).length === 0) {
        throw new HttpError(400, { message: 'Cannot send an empty message', code: 50006 });
      }
      this.dispatchMessageUpdate(message);
      return { status: 200, body: message };
    }
    throw new HttpError(405, { message: '405: Method Not Allowed', code: 0 });
  }

  private createThread(channelId: string, messageId: string, body: Json): Json {
    const parent = this.channels.get(channelId);
    const message = this.messages.get(messageId);
    if (!parent || parent.type !== ChannelType.GuildText) throw notFound('Channel', 10003);
    if (!message || message.channel_id !== channelId) throw notFound('Message', 10008);
    if ((this.botPermissionsIn(channelId) & PermissionFlagsBits.CreatePublicThreads) === 0n) throw missingPermissions();
    if ((Number(message.flags) & MessageFlags.Ephemeral) !== 0)
      throw new HttpError(400, { message: 'Cannot start a thread on an ephemeral message', code: 50035 });
    if (this.channels.has(messageId)) throw new HttpError(400, { message: 'A thread has already been created for this message', code: 160004 });
    const name = String(body.name ?? '');
    if (name.length < 1 || name.length > 100) throw new HttpError(400, { message: 'Invalid Form Body (name)', code: 50035 });
    const now = new Date().toISOString();
    const thread: Json = {
      id: messageId,
      type: ChannelType.PublicThread,
      guild_id: this.guildOfChannel(parent),
      parent_id: channelId,
      owner_id: this.botUser.id,
      name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      rate_limit_per_user: 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: Number(body.auto_archive_duration ?? 1440),
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
      },
    };
    this.channels.set(messageId, thread);
    message.thread = thread;
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, GatewayIntentBits.Guilds);
    return thread;
  }
}
