#!/usr/bin/env node
// A bounded load run on loopback: N users at once, each with its own bearer token (and, in 2025-11-25, its own MCP
// session), each making M calls that cycle search_notes, quiz_next and quiz_answer. Prints what the users do, the
// throughput, p50/p95/p99 latency per tool and overall, the errors, and the generator's own CPU per call; exits 1 if
// any call failed.
//
//   node load.mjs --url http://127.0.0.1:PORT/mcp --tokens FILE [--users N] [--calls M] [--think-ms T] [--warmup W]
//                 [--client lean|sdk] [--revision 2025-11-25|2026-07-28]
// FILE holds one token per line (from 'llmprep token add'); --users defaults to the number of lines.
//  --think-ms T  paced users: each waits T ms ± 50 % (uniform) after every answer before its next call, as a person
//                reading the result does; users also start spread over the first T ms. 0 (the default) is a closed loop
//                with no pause: the saturation run.
//  --warmup W    W untimed calls per user first (all users, then the timed calls start together).
//  --client      lean (default): node:http with one kept-alive connection per user (lean.mjs); sdk: the official
//                TypeScript SDK client (more CPU per call in the generator, which shares the machine).
//  --revision    2025-11-25 (default; a session per user, as today's clients) or 2026-07-28 (stateless); lean only.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LeanClient, REVISIONS } from './lean.mjs';
import { call, connect, requireLoopback } from './mcp.mjs';

const USAGE = 'usage: node load.mjs --url http://127.0.0.1:PORT/mcp --tokens FILE [--users N] [--calls M] [--think-ms T] [--warmup W] ' +
  '[--client lean|sdk] [--revision 2025-11-25|2026-07-28]';
const options = { calls: '20', 'think-ms': '0', warmup: '0', client: 'lean', revision: '2025-11-25' };
for (let i = 2; i < process.argv.length; i += 2) {
  options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
if (!options.url || !options.tokens) {
  console.error(USAGE);
  process.exit(2);
}
requireLoopback(options.url);
const tokens = readFileSync(options.tokens, 'utf8').split('\n').map(t => t.trim()).filter(Boolean);
const users = Math.min(Number(options.users ?? tokens.length), tokens.length, 500);
const calls = Math.min(Number(options.calls), 1000);
const thinkMs = Math.min(Number(options['think-ms']), 60_000);
const warmup = Math.min(Number(options.warmup), 100);
if (!(users > 0 && calls > 0 && thinkMs >= 0 && warmup >= 0)) {
  console.error('need at least one user (a token in the file), one call, and no negative think time or warm-up');
  process.exit(2);
}
if (!['lean', 'sdk'].includes(options.client) || !REVISIONS.includes(options.revision) ||
  (options.client === 'sdk' && options.revision !== '2025-11-25')) {
  console.error(`${USAGE}\n(the sdk client speaks 2025-11-25 only)`);
  process.exit(2);
}

const QUERIES = ['retrieval', 'kv cache', 'attention', 'lora', 'embeddings', 'hybrid search', 'evaluation', 'agents'];
const latencies = { search_notes: [], quiz_next: [], quiz_answer: [] };
const errors = [];

/** One user's connection, whichever client: callTool returns the structured content and throws on an error result. */
async function open(index) {
  if (options.client === 'sdk') {
    const client = await connect(options.url, tokens[index], `llmprep-load-${index}`);
    return { callTool: (name, args) => call(client, name, args), close: () => client.close() };
  }
  const client = new LeanClient(options.url, tokens[index], { revision: options.revision, name: `llmprep-load-${index}` });
  await client.connect();
  return {
    async callTool(name, args) {
      const result = await client.callTool(name, args);
      if (result?.isError) throw new Error(`${name}: ${(result.content ?? []).map(c => c.text ?? '').join('\n')}`);
      return result?.structuredContent;
    },
    close: () => client.close(),
  };
}

async function timed(record, kind, body) {
  const start = process.hrtime.bigint();
  try {
    return await body();
  } catch (e) {
    errors.push(`${kind}: ${e?.message ?? e}`);
    return undefined;
  } finally {
    if (record) latencies[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

const think = () => (thinkMs > 0 ? sleep(thinkMs * (0.5 + Math.random())) : undefined);

let warmedUp;
const allWarm = new Promise(resolve => { warmedUp = resolve; });
let warming = users;
let started;

async function user(index) {
  let client;
  try {
    client = await open(index);
  } catch (e) {
    errors.push(`connect: ${e?.message ?? e}`);
  }
  let card = null;
  const run = async (i, record) => {
    const step = i % 3;
    if (step === 0) {
      await timed(record, 'search_notes', () => client.callTool('search_notes', { query: QUERIES[(index + i) % QUERIES.length] }));
    } else if (step === 1) {
      card = (await timed(record, 'quiz_next', () => client.callTool('quiz_next', {})))?.card ?? null;
    } else if (card) {
      await timed(record, 'quiz_answer', () => client.callTool('quiz_answer', { card_id: card.card_id, answer: `attention weights ${index}-${i}` }));
    }
  };
  if (client) {
    for (let i = 0; i < warmup; i++) await run(i, false);
  }
  if (--warming === 0) {
    started = process.hrtime.bigint();
    warmedUp();
  }
  await allWarm;
  if (!client) return;
  if (thinkMs > 0) await sleep(Math.random() * thinkMs);
  for (let i = 0; i < calls; i++) {
    await run(warmup + i, true);
    if (i < calls - 1) await think();
  }
  await client.close().catch(() => {});
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const cpuBefore = process.cpuUsage();
await Promise.all(Array.from({ length: users }, (_, i) => user(i)));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);

const all = Object.values(latencies).flat();
const total = all.length;
const client = options.client === 'sdk' ? 'the TypeScript SDK client' : 'the lean client';
const pacing = thinkMs > 0
  ? `paced: each user pauses ${thinkMs} ms ± 50 % between calls`
  : 'closed loop: each user calls again the moment an answer arrives (saturation)';
console.log(`load: ${users} users x ${calls} calls against ${options.url} (${client}, ${options.revision}${warmup > 0 ? `, ${warmup} warm-up calls each` : ''})`);
console.log(`users: ${pacing}; ${(total / seconds / users).toFixed(2)} calls per user per second`);
console.log(`throughput: ${(total / seconds).toFixed(1)} calls/s (${total} calls in ${seconds.toFixed(1)} s)`);
for (const [kind, values] of [...Object.entries(latencies), ['all', all]]) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`${kind.padEnd(13)} n=${String(sorted.length).padEnd(6)} p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${percentile(sorted, 95).toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms`);
}
console.log(`errors: ${errors.length}`);
for (const error of errors.slice(0, 5)) {
  console.log(`  ${error}`);
}
console.log(`generator CPU: ${((cpu.user + cpu.system) / 1000 / Math.max(1, total + warmup * users)).toFixed(2)} ms per call`);
process.exit(errors.length === 0 ? 0 : 1);
