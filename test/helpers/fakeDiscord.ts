/**
 * A local stand-in for Discord's servers, on 127.0.0.1, that the unmodified discord.js client logs into.
 *
 * - HTTP: `/api/v10/...` routes the bot uses (gateway discovery, command registration, interaction callbacks,
 *   webhook edits and follow-ups, channel messages). Every request is recorded and checked against Discord's
 *   OpenAPI description (route, method, parameters, body schema, documented limits); a mismatch is answered
 *   like Discord would (400) and kept in `violations`, which the tests assert to be empty.
 * - Gateway: a JSON WebSocket speaking HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats and ACKs, and dispatching
 *   what the tests inject: slash commands, autocomplete, button presses, messages.
 * - Faults: `failNext` answers matching requests with a chosen status (429 with retry_after, 500, ...).
 */
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { DiscordSpec, type SpecCheck } from './discordSpec.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;
/** A snowflake: milliseconds since Discord's epoch, shifted, plus a counter. */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter).toString();
}

/** Permission bits used in tests (Discord's values). */
export const Perm = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseApplicationCommands: 1n << 31n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
} as const;

const MEMBER_PERMISSIONS =
  Perm.ViewChannel | Perm.SendMessages | Perm.EmbedLinks | Perm.ReadMessageHistory | Perm.UseApplicationCommands | Perm.MentionEveryone;

export interface FakeUser {
  id: string;
  username: string;
  permissions: bigint;
  roles: string[];
}

export interface RecordedRequest {
  seq: number;
  /** When the request arrived (Date.now()). */
  at: number;
  method: string;
  /** Path after `/api/v10`, percent-decoded per segment. */
  path: string;
  /** The spec's path template it matched, or null. */
  route: string | null;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as the bot sent it
  problems: string[];
  status: number;
}

export interface Fault {
  method?: string;
  /** Spec path template, e.g. `/webhooks/{webhook_id}/{webhook_token}/messages/@original`. */
  route: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get this answer (default 1). */
  times?: number;
}

export interface Hold {
  /** Resolves with the held request once it has arrived (its response is not sent yet). */
  arrived: Promise<RecordedRequest>;
  /** Sends the response. */
  release(): void;
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  components: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  flags: number;
  interactionToken: string | null;
  /** A member's message (posted with `postMessage`); the bot's own otherwise. */
  author?: { id: string; username: string };
}

export interface FakeAttachment {
  filename: string;
  content: string | Buffer;
  /** Default text/plain; charset=utf-8. */
  contentType?: string;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  guildId?: string;
  token?: string;
  heartbeatIntervalMs?: number;
  /** What GET /gateway/bot recommends. */
  shards?: number;
  /** Whether the application has the privileged Message Content intent turned on (default true). */
  messageContentIntent?: boolean;
}

interface Session {
  socket: WebSocket;
  seq: number;
  shard: [number, number];
  identify: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  sessionId?: string;
}

let shared: DiscordSpec | undefined;
function spec(): DiscordSpec {
  shared ??= new DiscordSpec();
  return shared;
}

export class FakeDiscord extends EventEmitter {
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId = snowflake();
  /** A second text channel, and one for the moderators' log. */
  readonly otherChannelId = snowflake();
  readonly logChannelId = snowflake();
  readonly roleId = snowflake();
  /** Threads the bot started: thread id (= the starter message's id) -> its channel object. */
  readonly threads = new Map<string, any>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly token: string;
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly identifies: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** RESUMEs accepted (a session picked up again after its connection dropped). */
  resumes = 0;
  readonly messages = new Map<string, StoredMessage>();
  /** Registered commands: key `global` or the guild id. */
  readonly commands = new Map<string, any[]>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  heartbeats = 0;
  /** Heartbeats left unacknowledged (a connection gone quiet): the client drops it and resumes on a new one. */
  unacknowledged = 0;
  readonly users: { moderator: FakeUser; member: FakeUser; other: FakeUser };
  readonly botUser: { id: string; username: string; bot: true; discriminator: string; avatar: null; global_name: null };

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  private readonly faults: Fault[] = [];
  private readonly holds: { method: string; route: string; applied: boolean; arrive: (r: RecordedRequest) => void; released: Promise<void> }[] = [];
  private readonly originals = new Map<string, string>();
  /** The channel each interaction (by token) came from: its replies are posted there. */
  private readonly tokenChannels = new Map<string, string>();
  /** When each injected interaction was dispatched: Discord drops interactions not acknowledged within 3 s. */
  private readonly dispatchedAt = new Map<string, number>();
  private readonly heartbeatIntervalMs: number;
  private readonly recommendedShards: number;
  private readonly messageContentIntent: boolean;
  private port = 0;
  private seq = 0;

  private constructor(options: FakeDiscordOptions) {
    super();
    this.applicationId = options.applicationId ?? snowflake();
    this.guildId = options.guildId ?? snowflake();
    this.token = options.token ?? 'fake-bot-token';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1_000;
    this.recommendedShards = options.shards ?? 1;
    this.messageContentIntent = options.messageContentIntent ?? true;
    this.botUser = { id: this.applicationId, username: 'Declaration Bot', bot: true, discriminator: '0', avatar: null, global_name: null };
    this.users = {
      moderator: { id: snowflake(), username: 'moderator', permissions: MEMBER_PERMISSIONS | Perm.ManageGuild, roles: [this.roleId] },
      member: { id: snowflake(), username: 'member', permissions: MEMBER_PERMISSIONS, roles: [] },
      other: { id: snowflake(), username: 'other', permissions: MEMBER_PERMISSIONS, roles: [] },
    };
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onGateway(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    spec();
    const discord = new FakeDiscord(options);
    discord.server.listen(0, '127.0.0.1');
    await once(discord.server, 'listening');
    discord.port = (discord.server.address() as AddressInfo).port;
    return discord;
  }

  /** What the bot's `DISCORD_API_BASE` should be. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Answer the next matching request(s) with an error instead. */
  failNext(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /**
   * Holds back the response to the next matching request until `release()`: the bot's request stays in flight.
   * With `applied`, Discord has already done what it asks (members see the edited message, and may press its
   * buttons) and only the response to the bot is late.
   */
  hold(method: string, route: string, { applied = false } = {}): Hold {
    let arrive!: (r: RecordedRequest) => void;
    let release!: () => void;
    const arrived = new Promise<RecordedRequest>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, route, applied, arrive, released });
    return { arrived, release };
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves with the first request (already recorded or still to come, from `fromSeq` on) that matches. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, { fromSeq = 0, timeoutMs = 15_000 } = {}): Promise<RecordedRequest> {
    const found = this.requests.find((r) => r.seq >= fromSeq && predicate(r));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onRequest = (r: RecordedRequest): void => {
        if (r.seq >= fromSeq && predicate(r)) {
          clearTimeout(timer);
          this.off('request', onRequest);
          resolve(r);
        }
      };
      const timer = setTimeout(() => {
        this.off('request', onRequest);
        const seen = this.requests.map((r) => `${r.method} ${r.path} -> ${r.status}`).join('\n  ');
        reject(new Error(`No matching request arrived. Requests so far:\n  ${seen}`));
      }, timeoutMs);
      this.on('request', onRequest);
    });
  }

  /** Resolves once a shard has identified (and been sent READY and GUILD_CREATE), `count` times in all. */
  async waitForIdentify(count = 1): Promise<void> {
    while (this.identifies.length < count) await once(this, 'identify');
  }

  async waitForHeartbeat(): Promise<void> {
    const seen = this.heartbeats;
    while (this.heartbeats === seen) await once(this, 'heartbeat');
  }

  /** Resolves when every gateway connection has been closed; returns the close codes. */
  async waitForGatewayClosed(): Promise<number[]> {
    const codes: number[] = [];
    await Promise.all(
      [...this.sessions].map(async (s) => {
        if (s.socket.readyState === s.socket.CLOSED) return;
        const [code] = (await once(s.socket, 'close')) as [number];
        codes.push(code);
      }),
    );
    return codes;
  }

  // ---------------------------------------------------------------- injecting

  private memberFor(user: FakeUser) {
    return {
      user: { id: user.id, username: user.username, discriminator: '0', avatar: null, global_name: user.username, public_flags: 0 },
      roles: user.roles,
      permissions: user.permissions.toString(),
      joined_at: '2026-01-01T00:00:00.000Z',
      premium_since: null,
      nick: null,
      avatar: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      communication_disabled_until: null,
    };
  }

  /** The channel object an interaction or message in `channelId` carries (a guild text channel, or a thread the bot started). */
  private channelObject(channelId: string, user: FakeUser) {
    const thread = this.threads.get(channelId);
    if (thread) return { ...thread, permissions: user.permissions.toString() };
    const name = channelId === this.channelId ? 'general' : channelId === this.otherChannelId ? 'other' : 'mod-log';
    return { id: channelId, type: 0, guild_id: this.guildId, name, position: 0, permissions: user.permissions.toString(), flags: 0 };
  }

  private baseInteraction(user: FakeUser, type: number, channelId: string = this.channelId) {
    const id = snowflake();
    const token = `itok-${id}-${Math.random().toString(36).slice(2)}`;
    return {
      id,
      token,
      type,
      version: 1,
      application_id: this.applicationId,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: this.channelObject(channelId, user),
      member: this.memberFor(user),
      app_permissions: (MEMBER_PERMISSIONS | Perm.EmbedLinks).toString(),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
  }

  private commandId(name: string): string {
    const registered = [...this.commands.values()].flat().find((c: { name: string }) => c.name === name) as { id: string } | undefined;
    return registered?.id ?? snowflake();
  }

  private optionType(name: string, option: string, subcommand?: string): number {
    type Opt = { name: string; type: number; options?: Opt[] };
    const registered = [...this.commands.values()].flat().find((c: { name: string }) => c.name === name) as { options?: Opt[] } | undefined;
    const options = subcommand ? registered?.options?.find((o) => o.name === subcommand && o.type === 1)?.options : registered?.options;
    const type = options?.find((o) => o.name === option)?.type;
    return type ?? 3;
  }

  /** Files attached to slash commands, served at `/attachments/<id>/<filename>` like Discord's CDN. */
  private readonly attachmentFiles = new Map<string, { filename: string; content: Buffer; contentType: string }>();

  /**
   * A slash command invocation, as Discord sends it to the bot. `extra.subcommand` nests the options under a
   * subcommand; channel options (type 7) carry the channel id, resolved as Discord does; `extra.attachments`
   * uploads files for attachment options (resolved as Discord does, with a CDN url); `extra.channelId` is where
   * the command is used.
   */
  command(
    name: string,
    options: Record<string, string | boolean | number> = {},
    user: FakeUser = this.users.member,
    extra: { subcommand?: string; channelId?: string; attachments?: Record<string, FakeAttachment> } = {},
  ): InteractionHandle {
    const base = this.baseInteraction(user, 2, extra.channelId);
    const channels: Record<string, unknown> = {};
    const attachments: Record<string, unknown> = {};
    const attachmentOptions = Object.entries(extra.attachments ?? {}).map(([k, file]) => {
      const id = snowflake();
      const content = Buffer.from(file.content);
      const contentType = file.contentType ?? 'text/plain; charset=utf-8';
      this.attachmentFiles.set(id, { filename: file.filename, content, contentType });
      const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(file.filename)}`;
      attachments[id] = { id, filename: file.filename, size: content.length, url, proxy_url: url, content_type: contentType };
      return { name: k, type: 11, value: id };
    });
    const flat = [
      ...Object.entries(options).map(([k, value]) => {
        const type = typeof value === 'boolean' ? 5 : this.optionType(name, k, extra.subcommand);
        if (type === 7) channels[String(value)] = { ...this.channelObject(String(value), user) };
        return { name: k, type, value };
      }),
      ...attachmentOptions,
    ];
    const resolved = { ...(Object.keys(channels).length > 0 ? { channels } : {}), ...(attachmentOptions.length > 0 ? { attachments } : {}) };
    const payload = {
      ...base,
      data: {
        id: this.commandId(name),
        name,
        type: 1,
        guild_id: this.guildId,
        options: extra.subcommand ? [{ name: extra.subcommand, type: 1, options: flat }] : flat,
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      },
    };
    return this.dispatchInteraction(payload);
  }

  /** Autocomplete while the user types `value` into `option` (of `subcommand`, when given). */
  autocomplete(name: string, option: string, value: string, user: FakeUser = this.users.member, subcommand?: string): InteractionHandle {
    const base = this.baseInteraction(user, 4);
    const focused = [{ name: option, type: 3, value, focused: true }];
    const payload = {
      ...base,
      data: { id: this.commandId(name), name, type: 1, guild_id: this.guildId, options: subcommand ? [{ name: subcommand, type: 1, options: focused }] : focused },
    };
    return this.dispatchInteraction(payload);
  }

  /**
   * The submission of a modal the bot showed from a button on `message`: `values` by text input custom_id, sent in
   * label components as Discord does.
   */
  submitModal(message: StoredMessage, customId: string, values: Record<string, string>, user: FakeUser = this.users.member): InteractionHandle {
    const base = this.baseInteraction(user, 5, message.channel_id);
    let id = 1;
    const payload = {
      ...base,
      message: this.messageObject(message),
      data: {
        custom_id: customId,
        components: Object.entries(values).map(([k, value]) => ({ type: 18, id: id++, component: { type: 4, id: id++, custom_id: k, value } })),
      },
    };
    // A modal shown from a message component updates that message (callback type 7).
    this.originals.set(payload.token, message.id);
    return this.dispatchInteraction(payload);
  }

  /** A press of the button `customId` on a message the bot sent. */
  pressButton(message: StoredMessage, customId: string, user: FakeUser = this.users.member): InteractionHandle {
    const base = this.baseInteraction(user, 3, message.channel_id);
    const payload = {
      ...base,
      message: this.messageObject(message),
      data: { custom_id: customId, component_type: 2 },
    };
    // Until the bot replies with a new message, the interaction's "original" is the message the button is on.
    this.originals.set(payload.token, message.id);
    return this.dispatchInteraction(payload);
  }

  /** A message posted in the guild's channel by `user`. */
  postMessage(content: string, user: FakeUser = this.users.member, { mentionsBot = false, channelId = this.channelId }: { mentionsBot?: boolean; channelId?: string } = {}): string {
    const id = snowflake();
    const member = this.memberFor(user);
    const { user: author, ...memberWithoutUser } = member;
    // Kept like Discord keeps it, so the bot can read a thread's history back.
    this.messages.set(id, { id, channel_id: channelId, content, embeds: [], components: [], flags: 0, interactionToken: null, author });
    this.dispatch('MESSAGE_CREATE', {
      id,
      type: 0,
      channel_id: channelId,
      guild_id: this.guildId,
      author,
      member: memberWithoutUser,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: content.includes('@everyone'),
      mentions: mentionsBot ? [{ ...this.botUser, member: { roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } }] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      flags: 0,
      components: [],
    });
    return id;
  }

  /** When an injected interaction was dispatched to the bot (Date.now()), for acknowledgement latency. */
  dispatchedTime(interactionId: string): number | undefined {
    return this.dispatchedAt.get(interactionId);
  }

  private dispatchInteraction(payload: { id: string; token: string; channel_id?: string }): InteractionHandle {
    this.dispatchedAt.set(payload.id, Date.now());
    if (payload.channel_id) this.tokenChannels.set(payload.token, payload.channel_id);
    this.dispatch('INTERACTION_CREATE', payload);
    return new InteractionHandle(this, payload.id, payload.token);
  }

  /** Sends a dispatch to the shard serving the guild. */
  dispatch(event: string, data: unknown): void {
    const sessions = [...this.sessions].filter((s) => s.identify && s.socket.readyState === s.socket.OPEN && guildShard(this.guildId, s.shard[1]) === s.shard[0]);
    if (sessions.length === 0) throw new Error(`No identified gateway session serves guild ${this.guildId}`);
    for (const s of sessions) this.send(s, { op: 0, t: event, s: ++s.seq, d: data });
  }

  /** The message a bot's interaction reply currently shows. */
  original(token: string): StoredMessage | undefined {
    const id = this.originals.get(token);
    return id === undefined ? undefined : this.messages.get(id);
  }

  // ---------------------------------------------------------------- gateway

  private send(session: Session, payload: unknown): void {
    session.socket.send(JSON.stringify(payload));
  }

  private onGateway(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, shard: [0, 1], identify: null };
    this.sessions.add(session);
    socket.on('close', () => this.emit('gatewayClose', session));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (payload.op === 1) {
        this.heartbeats++;
        if (this.unacknowledged > 0) this.unacknowledged--;
        else this.send(session, { op: 11 });
        this.emit('heartbeat');
      } else if (payload.op === 2) {
        this.onIdentify(session, payload.d);
      } else if (payload.op === 6) {
        this.onResume(session, payload.d);
      }
    });
    this.send(session, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  /**
   * RESUME (op 6) after a dropped connection (discord.js resumes when a heartbeat goes unacknowledged, e.g. on a
   * busy machine): the session's shard and sequence carry on on the new socket and RESUMED is sent; events missed
   * meanwhile are not replayed; an unknown session is told to identify again (INVALID_SESSION, not resumable).
   */
  private onResume(session: Session, resume: { token: string; session_id: string; seq: number }): void {
    const old = [...this.sessions].find((s) => s !== session && s.sessionId === resume.session_id);
    if (resume.token !== this.token || !old) {
      this.send(session, { op: 9, d: false }); // INVALID_SESSION: identify again
      return;
    }
    this.sessions.delete(old);
    Object.assign(session, { identify: old.identify, shard: old.shard, seq: old.seq, sessionId: old.sessionId });
    this.resumes++;
    this.send(session, { op: 0, t: 'RESUMED', s: ++session.seq, d: {} });
    this.emit('resume');
  }

  /** Closes every gateway connection with `code` (a fatal one such as 4004, or one the client resumes after). */
  closeGateway(code: number, reason = ''): void {
    for (const s of this.sessions) if (s.socket.readyState === s.socket.OPEN) s.socket.close(code, reason);
  }

  /** Drops every gateway connection without a close frame (a network failure: the client sees 1006). */
  dropGateway(): void {
    for (const s of this.sessions) s.socket.terminate();
  }

  private onIdentify(session: Session, identify: { token: string; intents: number; shard?: [number, number] }): void {
    if (identify.token !== this.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    if (!this.messageContentIntent && (identify.intents & (1 << 15)) !== 0) {
      session.socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    session.identify = identify;
    session.shard = identify.shard ?? [0, 1];
    session.sessionId = `session-${snowflake()}`;
    this.identifies.push(identify);
    const served = guildShard(this.guildId, session.shard[1]) === session.shard[0];
    this.send(session, {
      op: 0,
      t: 'READY',
      s: ++session.seq,
      d: {
        v: 10,
        user: { ...this.botUser, flags: 0, verified: true, mfa_enabled: false },
        guilds: served ? [{ id: this.guildId, unavailable: true }] : [],
        session_id: session.sessionId,
        resume_gateway_url: this.gatewayUrl,
        shard: session.shard,
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        presences: [],
        relationships: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
      },
    });
    if (served) this.send(session, { op: 0, t: 'GUILD_CREATE', s: ++session.seq, d: this.guildObject() });
    this.emit('identify', identify);
  }

  private guildObject() {
    return {
      id: this.guildId,
      name: 'Test Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.users.moderator.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      preferred_locale: 'en-US',
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        { id: this.guildId, name: '@everyone', permissions: MEMBER_PERMISSIONS.toString(), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0, icon: null, unicode_emoji: null },
        { id: this.roleId, name: 'Moderators', permissions: (MEMBER_PERMISSIONS | Perm.ManageGuild).toString(), position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0, icon: null, unicode_emoji: null },
      ],
      channels: [
        { id: this.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, rate_limit_per_user: 0, flags: 0 },
        { id: this.otherChannelId, type: 0, name: 'other', position: 1, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, rate_limit_per_user: 0, flags: 0 },
        { id: this.logChannelId, type: 0, name: 'mod-log', position: 2, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, rate_limit_per_user: 0, flags: 0 },
      ],
      // Active threads, as Discord lists them to a (re)connecting bot.
      threads: [...this.threads.values()],
      members: [{ ...this.memberFor({ id: this.botUser.id, username: this.botUser.username, permissions: MEMBER_PERMISSIONS, roles: [] }), user: { ...this.botUser } }],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      member_count: 4,
      large: false,
      unavailable: false,
      joined_at: '2026-01-01T00:00:00.000Z',
      max_members: 500000,
      vanity_url_code: null,
      premium_progress_bar_enabled: false,
      application_id: null,
      max_video_channel_users: 25,
    };
  }

  // ---------------------------------------------------------------- HTTP

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const prefix = '/api/v10';
    const record: RecordedRequest = {
      seq: this.seq++,
      at: Date.now(),
      method,
      path: url.pathname,
      route: null,
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      problems: [],
      status: 0,
    };
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      this.requests.push(record);
      if (body === undefined) {
        res.writeHead(status, headers).end();
      } else {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
      }
      this.emit('request', record);
    };

    if (url.pathname.startsWith('/attachments/')) {
      // Discord's CDN, not its API: served without recording or checking.
      const file = this.attachmentFiles.get(url.pathname.split('/')[2] ?? '');
      if (file) res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.content.length) }).end(file.content);
      else res.writeHead(404).end();
      return;
    }
    if (!url.pathname.startsWith(`${prefix}/`)) {
      record.problems.push(`${method} ${url.pathname}: not under ${prefix} (the REST client must add the API version)`);
      this.violations.push(...record.problems);
      reply(404, { message: '404: Not Found', code: 0 });
      return;
    }
    record.path = url.pathname
      .slice(prefix.length)
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
    const contentType = req.headers['content-type'] ?? null;
    if (raw.length > 0) {
      if (contentType?.startsWith('application/json')) {
        try {
          record.body = JSON.parse(raw);
        } catch {
          record.problems.push(`${method} ${record.path}: body is not JSON`);
        }
      } else {
        record.problems.push(`${method} ${record.path}: unexpected content type ${contentType ?? '(none)'}; the bot should send JSON, no files`);
      }
    }
    const check: SpecCheck = spec().check(method, record.path, url.searchParams, record.body, contentType);
    record.route = check.route;
    record.problems.push(...check.problems);
    if (record.problems.length > 0) {
      this.violations.push(...record.problems);
      reply(check.route ? 400 : 404, { message: check.route ? 'Invalid Form Body' : '404: Not Found', code: check.route ? 50035 : 0, errors: record.problems });
      return;
    }

    const isInteractionRoute = record.route?.startsWith('/interactions/') || record.route?.startsWith('/webhooks/');
    if (!isInteractionRoute && req.headers.authorization !== `Bot ${this.token}`) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }

    const faultIndex = this.faults.findIndex((f) => f.route === record.route && (f.method === undefined || f.method === method));
    const fault = this.faults[faultIndex];
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(faultIndex, 1);
      reply(fault.status, fault.body ?? { message: `Fault ${fault.status}`, code: 0 }, fault.headers ?? {});
      return;
    }

    const holdIndex = this.holds.findIndex((h) => h.method === method && h.route === record.route);
    const held = this.holds[holdIndex];
    if (held && held.applied) {
      this.holds.splice(holdIndex, 1);
      const [status, body] = this.route(method, record);
      held.arrive(record);
      await held.released;
      reply(status, body);
      return;
    }
    if (held) {
      this.holds.splice(holdIndex, 1);
      held.arrive(record);
      await held.released;
    }
    const [status, body] = this.route(method, record);
    reply(status, body);
  }

  private route(method: string, r: RecordedRequest): [number, unknown] {
    const s = r.path.split('/');
    switch (`${method} ${r.route}`) {
      case 'GET /gateway/bot':
        return [200, { url: this.gatewayUrl, shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }];
      case 'GET /gateway':
        return [200, { url: this.gatewayUrl }];
      case 'GET /users/@me':
        return [200, { ...this.botUser, flags: 0 }];
      case 'PUT /applications/{application_id}/commands':
      case 'PUT /applications/{application_id}/guilds/{guild_id}/commands': {
        const guild = s[4] ?? null;
        const stored = (r.body as { name: string }[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: s[2],
          version: snowflake(),
          ...(guild ? { guild_id: guild } : {}),
        }));
        this.commands.set(guild ?? 'global', stored);
        return [200, stored];
      }
      case 'GET /applications/{application_id}/commands':
        return [200, this.commands.get('global') ?? []];
      case 'GET /applications/{application_id}/guilds/{guild_id}/commands':
        return [200, this.commands.get(s[4]!) ?? []];
      case 'POST /interactions/{interaction_id}/{interaction_token}/callback':
        return this.onCallback(s[2]!, s[3]!, r);
      case 'GET /webhooks/{webhook_id}/{webhook_token}/messages/@original':
      case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original': {
        const message = this.original(s[3]!);
        if (!message) return [404, { message: 'Unknown Message', code: 10008 }];
        if (method === 'PATCH') this.applyEdit(message, r.body);
        return [200, this.messageObject(message)];
      }
      case 'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original': {
        const message = this.original(s[3]!);
        if (!message) return [404, { message: 'Unknown Message', code: 10008 }];
        this.messages.delete(message.id);
        this.originals.delete(s[3]!);
        return [204, undefined];
      }
      case 'POST /webhooks/{webhook_id}/{webhook_token}': {
        const message = this.storeMessage(r.body, s[3]!);
        return [200, this.messageObject(message)];
      }
      case 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}': {
        const message = this.messages.get(s[5]!);
        if (!message) return [404, { message: 'Unknown Message', code: 10008 }];
        this.applyEdit(message, r.body);
        return [200, this.messageObject(message)];
      }
      case 'POST /channels/{channel_id}/messages': {
        const message = this.storeMessage(r.body, null, s[2]!);
        if (this.threads.has(s[2]!)) this.threads.get(s[2]!).message_count++;
        return [200, this.messageObject(message)];
      }
      case 'GET /channels/{channel_id}/messages/{message_id}': {
        const message = this.messages.get(s[4]!);
        return message && message.channel_id === s[2] ? [200, this.messageObject(message)] : [404, { message: 'Unknown Message', code: 10008 }];
      }
      case 'GET /channels/{channel_id}/messages': {
        const before = r.query.get('before');
        const limit = Number(r.query.get('limit') ?? 50);
        const list = [...this.messages.values()]
          .filter((m) => m.channel_id === s[2] && (before === null || BigInt(m.id) < BigInt(before)))
          .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
          .slice(0, limit);
        return [200, list.map((m) => this.messageObject(m))];
      }
      case 'POST /channels/{channel_id}/messages/{message_id}/threads': {
        const starter = this.messages.get(s[4]!);
        if (!starter) return [404, { message: 'Unknown Message', code: 10008 }];
        if (this.threads.has(starter.id)) return [400, { message: 'A thread has already been created for this message', code: 160004 }];
        const body = r.body as { name: string; auto_archive_duration?: number };
        const thread = {
          id: starter.id,
          type: 11,
          guild_id: this.guildId,
          parent_id: s[2],
          name: body.name,
          owner_id: this.botUser.id,
          last_message_id: null,
          rate_limit_per_user: 0,
          flags: 0,
          message_count: 0,
          member_count: 1,
          total_message_sent: 0,
          thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false, create_timestamp: new Date().toISOString() },
        };
        this.threads.set(thread.id, thread);
        starter.flags |= 1 << 5; // HAS_THREAD
        this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
        return [201, thread];
      }
      case 'POST /channels/{channel_id}/typing':
        return [204, undefined];
      case 'PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me':
        // Reactions are not stored: tests read the recorded request.
        return [204, undefined];
      default:
        return [404, { message: '404: Not Found (the local Discord does not serve this route)', code: 0 }];
    }
  }

  private onCallback(interactionId: string, token: string, r: RecordedRequest): [number, unknown] {
    const { type, data } = r.body as { type: number; data?: Record<string, unknown> };
    const dispatched = this.dispatchedAt.get(interactionId);
    if (dispatched !== undefined && Date.now() - dispatched > 3000) {
      this.violations.push(`${r.path}: acknowledged ${Date.now() - dispatched} ms after the interaction; Discord allows 3 s`);
      return [404, { message: 'Unknown interaction', code: 10062 }];
    }
    if (this.requests.some((x) => x.route === r.route && x.path === r.path && x.status === 204)) {
      this.violations.push(`${r.path}: the interaction was acknowledged twice`);
      return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    }
    if (type === 9) {
      // MODAL: shown to the user; nothing is posted.
      this.emit('modal', { interactionId, data });
    } else if (type === 4 || type === 5) {
      const message = this.storeMessage({ ...data, flags: Number(data?.flags ?? 0) | (type === 5 ? 128 : 0) }, token);
      this.originals.set(token, message.id);
    } else if (type === 7) {
      // UPDATE_MESSAGE: the message the button sat on changes.
      const message = this.original(token);
      if (message && data) this.applyEdit(message, data);
    }
    return [204, undefined];
  }

  private storeMessage(body: any, token: string | null, channelId?: string): StoredMessage { // eslint-disable-line @typescript-eslint/no-explicit-any
    const message: StoredMessage = {
      id: snowflake(),
      channel_id: channelId ?? (token !== null ? this.tokenChannels.get(token) : undefined) ?? this.channelId,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      flags: Number(body?.flags ?? 0),
      interactionToken: token,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private applyEdit(message: StoredMessage, body: any): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (body.content !== undefined) message.content = body.content ?? '';
    if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
    if (body.components !== undefined) message.components = body.components ?? [];
    message.flags &= ~128; // no longer "thinking"
  }

  messageObject(message: StoredMessage) {
    return {
      id: message.id,
      type: message.interactionToken ? 20 : 0,
      channel_id: message.channel_id,
      guild_id: this.guildId,
      author: message.author ? { discriminator: '0', avatar: null, global_name: message.author.username, public_flags: 0, ...message.author } : { ...this.botUser, public_flags: 0 },
      content: message.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: message.embeds.map((e: object) => ({ type: 'rich', ...e })),
      components: message.components,
      pinned: false,
      flags: message.flags,
      application_id: this.applicationId,
      webhook_id: message.interactionToken ? this.applicationId : undefined,
    };
  }
}

/** Which shard serves a guild: (guild_id >> 22) % shard_count. */
export function guildShard(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Requests made for one injected interaction. */
export class InteractionHandle {
  constructor(
    private readonly discord: FakeDiscord,
    readonly id: string,
    readonly token: string,
  ) {}

  /** Every request the bot made with this interaction's id or token. */
  requests(): RecordedRequest[] {
    return this.discord.requests.filter((r) => this.mine(r));
  }

  private mine(r: RecordedRequest): boolean {
    return r.path.includes(`/${this.token}`) || r.path.startsWith(`/interactions/${this.id}/`);
  }

  /** The interaction callback (the acknowledgement). */
  callback(): Promise<RecordedRequest> {
    return this.discord.waitForRequest((r) => this.mine(r) && r.route === '/interactions/{interaction_id}/{interaction_token}/callback' && r.status < 300);
  }

  /** The first successful edit of the original reply that satisfies `predicate`. */
  edit(predicate: (body: any) => boolean = () => true, { timeoutMs = 15_000 } = {}): Promise<RecordedRequest> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.discord.waitForRequest(
      (r) => this.mine(r) && r.method === 'PATCH' && r.route === '/webhooks/{webhook_id}/{webhook_token}/messages/@original' && r.status === 200 && predicate(r.body),
      { timeoutMs },
    );
  }

  /** The first follow-up message. */
  followUp(): Promise<RecordedRequest> {
    return this.discord.waitForRequest((r) => this.mine(r) && r.method === 'POST' && r.route === '/webhooks/{webhook_id}/{webhook_token}' && r.status === 200);
  }

  /** The message that the reply currently shows. */
  original(): StoredMessage | undefined {
    return this.discord.original(this.token);
  }
}
