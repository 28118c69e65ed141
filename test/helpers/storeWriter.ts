/**
 * A separate process writing to one store, as a shard would: `tsx storeWriter.ts <db> <tag> <count>`. Each
 * iteration records an answer, votes on it and on the other writer's answers, and changes a shared setting.
 */
import { SqliteStore } from '../../src/store/sqlite.js';

const [file, tag, countText] = process.argv.slice(2);
const count = Number(countText);
const store = new SqliteStore(file!, 'shared-test-secret-of-at-least-32-chars');
for (let i = 0; i < count; i++) {
  const id = `${tag}-${i}`;
  await store.recordAnswer({ id, guildId: 'g', channelId: 'c', member: store.memberHash(`${tag}-user`), askedAt: Date.now(), kind: 'passages', outcome: i % 5 === 0 ? 'refused' : 'answered', reason: null, question: `question ${i}`, outlets: ['LBC'] });
  await store.vote(id, store.memberHash(`${tag}-voter`), 1, null);
  // The same member (one person seen by both shards) changes their vote on one shared answer again and again.
  await store.recordAnswer({ id: 'shared', guildId: 'g', channelId: 'c', member: store.memberHash('asker'), askedAt: Date.now(), kind: 'passages', outcome: 'answered', reason: null, question: 'q', outlets: [] });
  await store.vote('shared', store.memberHash('same-person'), i % 2 === 0 ? 1 : -1, 'q');
  await store.updateSettings('g', { cooldownSeconds: i });
}
await store.close();
process.stdout.write(`${tag} done\n`);
