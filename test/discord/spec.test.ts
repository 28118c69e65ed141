import { describe, expect, it } from 'vitest';
import { DiscordSpec } from '../helpers/discordSpec.js';

const spec = new DiscordSpec();
const json = 'application/json';
const none = new URLSearchParams();

describe("the local Discord's check against Discord's OpenAPI description", () => {
  it('accepts what Discord accepts', () => {
    expect(spec.check('GET', '/gateway/bot', none, undefined, null)).toEqual({ route: '/gateway/bot', problems: [] });
    const edit = { content: 'hi', embeds: [{ title: 't', description: 'd', fields: [{ name: 'n', value: 'v' }] }], allowed_mentions: { parse: [] } };
    expect(spec.check('PATCH', '/webhooks/1/token/messages/@original', none, edit, json).problems).toEqual([]);
    expect(spec.check('POST', '/interactions/1/tok/callback', new URLSearchParams({ with_response: 'false' }), { type: 5, data: { flags: 64 } }, json).problems).toEqual([]);
  });

  it('rejects routes Discord does not have, and methods a route does not allow', () => {
    expect(spec.check('GET', '/nowhere/1', none, undefined, null).problems[0]).toMatch(/no such route/);
    expect(spec.check('DELETE', '/gateway/bot', none, undefined, null).problems[0]).toMatch(/method not allowed/);
  });

  it('rejects bad path and query parameters', () => {
    expect(spec.check('POST', '/interactions/not-a-snowflake/tok/callback', none, { type: 5 }, json).problems[0]).toMatch(/path parameter interaction_id/);
    expect(spec.check('POST', '/interactions/1/tok/callback', new URLSearchParams({ bogus: '1' }), { type: 5 }, json).problems[0]).toMatch(/unknown query parameter bogus/);
  });

  it('rejects bodies over the limits: content, fields, embed total, custom ids, autocomplete choices', () => {
    const patch = (body: unknown) => spec.check('PATCH', '/webhooks/1/token/messages/@original', none, body, json).problems;
    expect(patch({ content: 'x'.repeat(2001) })[0]).toMatch(/content must NOT have more than 2000/);
    expect(patch({ embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] })[0]).toMatch(/value must NOT have more than 1024/);
    expect(patch({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] })[0]).toMatch(/6000/);
    expect(patch({ components: [{ type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: 'c'.repeat(101) }] }] })).not.toEqual([]);
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    expect(spec.check('POST', '/interactions/1/tok/callback', none, { type: 8, data: { choices } }, json).problems).not.toEqual([]);
  });

  it('takes permission bitfields as Discord documents them (strings) as well as the spec types them', () => {
    const command = { name: 'reindex', description: 'd', default_member_permissions: '32', contexts: [0] };
    expect(spec.check('PUT', '/applications/1/guilds/2/commands', none, [command], json).problems).toEqual([]);
    expect(spec.check('PUT', '/applications/1/guilds/2/commands', none, [{ ...command, default_member_permissions: 'lots' }], json).problems).not.toEqual([]);
  });
});
