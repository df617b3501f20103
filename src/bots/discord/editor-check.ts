import type { APIInteractionGuildMember, GuildMember } from 'discord.js';

/** A member as interactions carry it: a cached GuildMember, or the raw API member with role ids. */
export type MemberLike = Pick<GuildMember, 'roles'> | Pick<APIInteractionGuildMember, 'roles'> | null | undefined;

/** The role ids a member holds, whichever shape the interaction gave. */
export function memberRoleIds(member: MemberLike): string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}

/**
 * Whether someone may write on Discord: they hold a role listed in EDITORS_DISCORD (ids of roles, or of single
 * users for a server without an editors role). In DMs there is no member, so only a listed user id counts.
 */
export function isDiscordEditor(editors: readonly string[], userId: string, member: MemberLike): boolean {
  if (editors.includes(userId)) return true;
  return memberRoleIds(member).some((role) => editors.includes(role));
}
