#!/usr/bin/env node
// The cohort checks: two llmprep instances on one PostgreSQL database, reached directly and through HAProxy.
// Prints one line per check and a final "N passed, N failed" line; exits 1 on any failure. Asserts nothing on time.
//
//   node checks.mjs '<json: {one, two, balanced, alice, bob, carol, killPid}>'
import { call, connect, text } from './mcp.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
let passed = 0;
let failed = 0;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok    ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${name}: ${e?.message ?? e}`);
  }
}

const reviews = async client => (await call(client, 'progress_report')).reviews;
const clients = [];
async function open(url, token) {
  const client = await connect(url, token);
  clients.push(client);
  return client;
}

let aliceCard;
let aliceReview;

await check('reviews written through one instance are read and amended through the other', async () => {
  const one = await open(config.one, config.alice);
  const two = await open(config.two, config.alice);
  aliceCard = (await call(one, 'quiz_next')).card.card_id;
  const answered = await call(one, 'quiz_answer', { card_id: aliceCard, answer: 'attention weights' });
  aliceReview = answered.review_id;
  assert(await reviews(two) === 1, 'instance two does not see the review recorded through instance one');
  const rated = await call(two, 'quiz_rate', { card_id: aliceCard, rating: 'again', review_id: aliceReview });
  assert(rated.review_id === aliceReview && rated.rating === 'again', `quiz_rate through instance two: ${JSON.stringify(rated)}`);
  const report = await call(one, 'progress_report');
  assert(report.reviews === 1, `instance one counts ${report.reviews} reviews after the amendment`);
  const mistakes = await one.getPrompt({ name: 'review_mistakes', arguments: {} });
  assert(JSON.stringify(mistakes).includes(aliceCard), 'instance one does not list the mistake amended through instance two');
});

await check('2025-11-25 sessions through the balancer stick to one instance', async () => {
  for (let i = 0; i < 4; i++) {
    const client = await open(config.balanced, config.alice);
    for (let j = 0; j < 3; j++) {
      await call(client, 'search_notes', { query: 'retrieval' });
    }
  }
});

await check('user B sees none of user A\'s data and cannot change it, through the balancer', async () => {
  const bob = await open(config.balanced, config.bob);
  assert(await reviews(bob) === 0, 'bob sees reviews');
  const progress = await bob.readResource({ uri: 'llmprep://progress' });
  assert(progress.contents[0].text.includes('0 reviews'), 'llmprep://progress shows bob reviews');
  const mistakes = await bob.getPrompt({ name: 'review_mistakes', arguments: {} });
  assert(!JSON.stringify(mistakes).includes(aliceCard), 'review_mistakes shows bob alice\'s mistake');
  const rate = await bob.callTool({ name: 'quiz_rate', arguments: { card_id: aliceCard, rating: 'easy', review_id: aliceReview } });
  assert(rate.isError, `bob amended alice's review: ${text(rate)}`);
  const next = await call(bob, 'quiz_next', { topic: aliceCard.split('/')[0] });
  assert(next.card.state === 'new', 'alice\'s card is not new to bob');
  const alice = await open(config.two, config.alice);
  const report = await call(alice, 'progress_report');
  assert(report.reviews === 1, `alice has ${report.reviews} reviews after bob's attempts`);
});

await check('an instance killed -9 during answers loses no acknowledged review', async () => {
  const observer = await open(config.two, config.carol);
  const before = await reviews(observer);
  const acknowledged = new Set();
  let afterKill = 0;
  let attempts = 0;
  let errors = 0;
  let killed = false;
  const workers = Array.from({ length: 6 }, async (_, worker) => {
    let client = null;
    for (let i = 0; i < 60 && acknowledged.size < 40; i++) {
      attempts++;
      try {
        client ??= await open(config.balanced, config.carol);
        const card = (await call(client, 'quiz_next')).card;
        if (!card) break;
        // A distinct answer each time, so no answer is taken for a retry of another.
        const outcome = await call(client, 'quiz_answer', { card_id: card.card_id, answer: `attention ${worker}-${i}` });
        acknowledged.add(outcome.review_id);
        if (killed) afterKill++;
        if (!killed && acknowledged.size >= 12) {
          killed = true;
          process.kill(config.killPid, 'SIGKILL');
        }
      } catch (e) {
        errors++;
        client = null; // its session may have been on the killed instance: start a new one
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    }
  });
  await Promise.all(workers);
  assert(killed, `instance one was not killed (${acknowledged.size} answers acknowledged)`);
  const after = await reviews(observer);
  const recorded = after - before;
  console.log(`      ${acknowledged.size} answers acknowledged (${afterKill} after the kill), ${recorded} reviews recorded, ${errors} calls failed around the kill`);
  assert(afterKill > 0, 'no answer was acknowledged after the kill');
  assert(recorded >= acknowledged.size, `${acknowledged.size} answers were acknowledged but only ${recorded} reviews are recorded`);
  assert(recorded <= acknowledged.size + errors, `${recorded} reviews recorded for ${acknowledged.size} acknowledged answers and ${errors} failed calls`);
});

for (const client of clients) {
  await client.close().catch(() => {});
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
