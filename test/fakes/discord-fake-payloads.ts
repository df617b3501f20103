/**
 * The fake Discord's world and the gateway payloads it sends: one server with a text channel and a thread, a DM
 * channel, a plain member and a steward (Manage Channels through a role), and the bot itself.
 * Shapes follow discord-api-types v10; only fields discord.js reads are filled.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, ChannelType, ComponentType, InteractionType, PermissionFlagsBits } from 'discord.js';

/** Fixed ids of everything in the fake world. */
export const FAKE_IDS = {
  application: '900000000000000001',
  bot: '900000000000000001',
  guild: '900000000000000010',
  owner: '900000000000000011',
  stewardRole: '900000000000000012',
  botRole: '900000000000000013',
  channel: '900000000000000020',
  thread: '900000000000000021',
  dmChannel: '900000000000000030',
  member: '900000000000000040',
  steward: '900000000000000041',
  otherBot: '900000000000000042',
  command: '900000000000000050',
} as const;

/** The fake users that can act. */
export type FakeActor = 'member' | 'steward' | 'otherBot';

const BASE_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory;
const STEWARD_PERMISSIONS = BASE_PERMISSIONS | PermissionFlagsBits.ManageChannels;

let counter = 0n;
/** A fresh snowflake-shaped id, increasing. */
export function nextSnowflake(): string {
  counter += 1n;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) | (counter & 0x3fffffn));
}

export function userObject(actor: FakeActor | 'bot') {
  const id = actor === 'bot' ? FAKE_IDS.bot : FAKE_IDS[actor];
  const username = { bot: 'strikewire', member: 'rank_and_file', steward: 'shop_steward', otherBot: 'echo_bot' }[actor];
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot: actor === 'bot' || actor === 'otherBot' };
}

function memberObject(actor: FakeActor | 'bot') {
  const roles = actor === 'steward' ? [FAKE_IDS.stewardRole] : actor === 'bot' ? [FAKE_IDS.botRole] : [];
  return { roles, joined_at: '2023-05-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false, communication_disabled_until: null };
}

export function readyPayload(resumeUrl: string) {
  return {
    v: 10,
    user: { ...userObject('bot'), verified: true, flags: 0, mfa_enabled: false },
    guilds: [{ id: FAKE_IDS.guild, unavailable: true }],
    session_id: `session-${nextSnowflake()}`,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: FAKE_IDS.application, flags: 0 },
  };
}

export function guildCreatePayload() {
  const role = (id: string, name: string, permissions: bigint, position: number) => ({
    id, name, permissions: String(permissions), position, color: 0, hoist: false, managed: id === FAKE_IDS.botRole, mentionable: false, flags: 0, icon: null, unicode_emoji: null,
    ...(id === FAKE_IDS.botRole ? { tags: { bot_id: FAKE_IDS.bot } } : {}),
  });
  return {
    id: FAKE_IDS.guild, name: 'Picket Line', icon: null, splash: null, discovery_splash: null, owner_id: FAKE_IDS.owner,
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
    roles: [
      role(FAKE_IDS.guild, '@everyone', BASE_PERMISSIONS, 0),
      role(FAKE_IDS.stewardRole, 'Steward', STEWARD_PERMISSIONS, 1),
      role(FAKE_IDS.botRole, 'Strikewire', BASE_PERMISSIONS | PermissionFlagsBits.EmbedLinks, 2),
    ],
    emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null, system_channel_id: null, system_channel_flags: 0,
    rules_channel_id: null, public_updates_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0,
    preferred_locale: 'en-US', nsfw_level: 0, premium_progress_bar_enabled: false, joined_at: '2023-05-01T00:00:00.000Z',
    large: false, unavailable: false, member_count: 4, voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [],
    members: [{ ...memberObject('bot'), user: userObject('bot') }],
    channels: [{ id: FAKE_IDS.channel, type: ChannelType.GuildText, guild_id: FAKE_IDS.guild, name: 'strike-news', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 }],
    threads: [{
      id: FAKE_IDS.thread, type: ChannelType.PublicThread, guild_id: FAKE_IDS.guild, parent_id: FAKE_IDS.channel, name: 'negotiations', owner_id: FAKE_IDS.member,
      last_message_id: null, rate_limit_per_user: 0, message_count: 0, member_count: 2, total_message_sent: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2023-08-04T00:00:00.000Z', locked: false },
    }],
  };
}

/** Where an interaction or message happens. */
export interface FakePlace {
  /** A DM with the bot instead of the server's channel. */
  dm?: boolean;
  /** The thread instead of the channel (server only). */
  thread?: boolean;
  actor?: FakeActor;
}

function placeFields(place: FakePlace, forInteraction: boolean) {
  const actor = place.actor ?? 'member';
  if (place.dm) {
    return { channel_id: FAKE_IDS.dmChannel, ...(forInteraction ? { channel: { id: FAKE_IDS.dmChannel, type: ChannelType.DM }, user: userObject(actor), context: 1 } : {}) };
  }
  const channelId = place.thread ? FAKE_IDS.thread : FAKE_IDS.channel;
  const perms = String(actor === 'steward' ? STEWARD_PERMISSIONS : BASE_PERMISSIONS);
  return {
    guild_id: FAKE_IDS.guild,
    channel_id: channelId,
    ...(forInteraction
      ? { channel: { id: channelId, type: place.thread ? ChannelType.PublicThread : ChannelType.GuildText, guild_id: FAKE_IDS.guild }, member: { ...memberObject(actor), user: userObject(actor), permissions: perms }, guild_locale: 'en-US', context: 0 }
      : { member: memberObject(actor) }),
  };
}

function interactionBase(type: InteractionType, place: FakePlace) {
  const id = nextSnowflake();
  return {
    id, application_id: FAKE_IDS.application, type, token: `itoken-${id}`, version: 1, locale: 'en-US',
    app_permissions: String(BASE_PERMISSIONS | PermissionFlagsBits.EmbedLinks), entitlements: [],
    authorizing_integration_owners: place.dm ? { '1': FAKE_IDS.member } : { '0': FAKE_IDS.guild }, attachment_size_limit: 8_388_608,
    ...placeFields(place, true),
  };
}

/** INTERACTION_CREATE for /strike <subcommand> with string options. */
export function slashInteraction(subcommand: string, options: Record<string, string> = {}, place: FakePlace = {}) {
  return {
    ...interactionBase(InteractionType.ApplicationCommand, place),
    data: {
      id: FAKE_IDS.command, name: 'strike', type: ApplicationCommandType.ChatInput,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: Object.entries(options).map(([name, value]) => ({ type: ApplicationCommandOptionType.String, name, value })) }],
    },
  };
}

/** Discord's option type for a typed value: strings, integers and booleans. */
function typedOption(name: string, value: string | number | boolean) {
  const type = typeof value === 'number' ? ApplicationCommandOptionType.Integer : typeof value === 'boolean' ? ApplicationCommandOptionType.Boolean : ApplicationCommandOptionType.String;
  return { type, name, value };
}

/** INTERACTION_CREATE for /<command> <subcommand> with typed options (/strike-digest, /strike-editor). */
export function commandInteraction(command: string, subcommand: string, options: Record<string, string | number | boolean> = {}, place: FakePlace = {}) {
  return {
    ...interactionBase(InteractionType.ApplicationCommand, place),
    data: {
      id: FAKE_IDS.command, name: command, type: ApplicationCommandType.ChatInput,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: Object.entries(options).map(([name, value]) => typedOption(name, value)) }],
    },
  };
}

/** INTERACTION_CREATE for /strike <group> <subcommand> with string options (the digest group). */
export function slashGroupInteraction(group: string, subcommand: string, options: Record<string, string> = {}, place: FakePlace = {}) {
  const inner = { type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: Object.entries(options).map(([name, value]) => ({ type: ApplicationCommandOptionType.String, name, value })) };
  return {
    ...interactionBase(InteractionType.ApplicationCommand, place),
    data: { id: FAKE_IDS.command, name: 'strike', type: ApplicationCommandType.ChatInput, options: [{ type: ApplicationCommandOptionType.SubcommandGroup, name: group, options: [inner] }] },
  };
}

/** INTERACTION_CREATE for autocomplete of one option while the user types. */
export function autocompleteInteraction(subcommand: string, option: string, typed: string, place: FakePlace = {}, command = 'strike') {
  return {
    ...interactionBase(InteractionType.ApplicationCommandAutocomplete, place),
    data: {
      id: FAKE_IDS.command, name: command, type: ApplicationCommandType.ChatInput,
      options: [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: [{ type: ApplicationCommandOptionType.String, name: option, value: typed, focused: true }] }],
    },
  };
}

/** INTERACTION_CREATE for a button press on an (ephemeral by default) bot message. */
export function buttonInteraction(customId: string, place: FakePlace = {}, messageFlags = 64) {
  const base = interactionBase(InteractionType.MessageComponent, place);
  return {
    ...base,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message: fakeMessage({ channelId: base.channel_id, author: userObject('bot'), content: '', flags: messageFlags }),
  };
}

/** MESSAGE_CREATE from a user, in the channel, the thread or a DM; mentions listed become `mentions`. */
export function messageCreate(content: string, place: FakePlace & { mentionsBot?: boolean; mentionsBotRole?: boolean } = {}) {
  const actor = place.actor ?? 'member';
  const fields = placeFields(place, false);
  return {
    ...fakeMessage({ channelId: fields.channel_id, author: userObject(actor), content, flags: 0 }),
    ...fields,
    channel_type: place.dm ? ChannelType.DM : place.thread ? ChannelType.PublicThread : ChannelType.GuildText,
    mention_everyone: /@(everyone|here)/.test(content),
    mentions: place.mentionsBot ? [{ ...userObject('bot'), ...(place.dm ? {} : { member: memberObject('bot') }) }] : [],
    mention_roles: place.mentionsBotRole ? [FAKE_IDS.botRole] : [],
  };
}

/** A message object as REST returns it. */
export function fakeMessage(m: { channelId: string; author: ReturnType<typeof userObject>; content: string; flags: number; embeds?: unknown[]; components?: unknown[]; id?: string; reference?: unknown; webhookId?: string }) {
  return {
    id: m.id ?? nextSnowflake(), channel_id: m.channelId, author: m.author, content: m.content, timestamp: new Date().toISOString(), edited_timestamp: null,
    tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: m.embeds ?? [], components: m.components ?? [],
    pinned: false, type: m.reference ? 19 : 0, flags: m.flags,
    ...(m.reference ? { message_reference: m.reference } : {}),
    ...(m.webhookId ? { webhook_id: m.webhookId, application_id: FAKE_IDS.application } : {}),
  };
}
