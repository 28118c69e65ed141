/**
 * Gateway close codes after which Discord will not take the bot back without a change on our side (a new token,
 * other intents, sharding): the bot stops with this message and a non-zero exit instead of idling offline.
 */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [4004, 'Discord rejected DISCORD_TOKEN (gateway close code 4004, authentication failed). Copy the token again from the developer portal (Bot page, Reset Token), then restart.'],
  [4010, 'Discord refused the shard the bot asked for (gateway close code 4010, invalid shard). Check SHARDS (a number of shards, or auto), then restart.'],
  [4011, 'Discord requires this bot to use sharding (gateway close code 4011, sharding required). Set SHARDS=auto, then restart.'],
  [4012, 'Discord refused the gateway API version (gateway close code 4012, invalid API version). Update discord.js, then restart.'],
  [4013, 'Discord refused the gateway intents the bot asked for (gateway close code 4013, invalid intents). Update the bot, then restart.'],
  [
    4014,
    'Discord refused the Message Content intent (gateway close code 4014, disallowed intents). Turn on "Message Content Intent" on the Bot page of the developer portal, or set ANSWER_ON_MENTION=false, then restart.',
  ],
]);

/** The exit code of a bot (or shard) process stopped by a fatal close code: the ShardingManager does not respawn it. */
export const FATAL_GATEWAY_EXIT_CODE = 78;

export function fatalCloseMessage(code: number): string | null {
  return FATAL_CLOSE_CODES.get(code) ?? null;
}
