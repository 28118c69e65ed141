/** The local Discord itself: it must catch what real Discord would reject, or the end-to-end tests prove little. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../helpers/fakeDiscord.js';

let discord: FakeDiscord;

beforeEach(async () => {
  discord = await FakeDiscord.start();
});

afterEach(async () => {
  await discord.close();
});

async function send(method: string, path: string, body?: unknown, auth = true): Promise<Response> {
  return fetch(`${discord.apiBase}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(auth ? { Authorization: `Bot ${discord.token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('the local Discord', () => {
  it('serves what the spec allows and records it without complaint', async () => {
    const res = await send('GET', '/v10/gateway/bot');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { url: string }).url).toBe(discord.gatewayUrl);
    expect(discord.violations).toEqual([]);
    expect(discord.requests.map((r) => [r.method, r.route, r.status])).toEqual([['GET', '/gateway/bot', 200]]);
  });

  it('answers a request that breaks the spec with 400 and records the violation', async () => {
    const res = await send('POST', '/v10/interactions/1/tok/callback', { type: 4, data: { content: 'x'.repeat(2001) } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(50035);
    expect(discord.violations).toHaveLength(1);
    expect(discord.violations[0]).toMatch(/content must NOT have more than 2000 characters/);
  });

  it('records unknown routes, requests without the API version, and a second acknowledgement', async () => {
    expect((await send('GET', '/v10/does/not/exist')).status).toBe(404);
    expect((await send('GET', '/gateway/bot')).status).toBe(404);
    expect((await send('POST', '/v10/interactions/1/tok/callback', { type: 5 })).status).toBe(204);
    expect((await send('POST', '/v10/interactions/1/tok/callback', { type: 5 })).status).toBe(400);
    expect(discord.violations).toEqual([
      "GET /does/not/exist: no such route in Discord's API",
      'GET /api/gateway/bot: not under /api/v10 (the REST client must add the API version)',
      '/interactions/1/tok/callback: the interaction was acknowledged twice',
    ]);
  });

  it('wants the bot token on bot routes', async () => {
    expect((await send('GET', '/v10/gateway/bot', undefined, false)).status).toBe(401);
  });

  it('answers with a chosen fault the given number of times', async () => {
    discord.failNext({ route: '/gateway/bot', status: 429, body: { message: 'You are being rate limited.', retry_after: 0.1, global: false }, headers: { 'Retry-After': '1' }, times: 2 });
    expect((await send('GET', '/v10/gateway/bot')).status).toBe(429);
    const second = await send('GET', '/v10/gateway/bot');
    expect([second.status, second.headers.get('retry-after')]).toEqual([429, '1']);
    expect((await send('GET', '/v10/gateway/bot')).status).toBe(200);
  });
});
