#!/usr/bin/env node
// A bounded load run on loopback: N users at once, each with its own bearer token and MCP session (the official
// TypeScript SDK, 2025-11-25), each making M calls that cycle search_notes, quiz_next and quiz_answer. Prints the
// throughput, p50/p95/p99 latency per tool and overall, and the errors; exits 1 if any call failed.
//
//   node load.mjs --url http://127.0.0.1:PORT/mcp --tokens FILE [--users N] [--calls M]
// FILE holds one token per line (from 'llmprep token add'); --users defaults to the number of lines.
import { readFileSync } from 'node:fs';
import { call, connect, requireLoopback } from './mcp.mjs';

const options = { calls: '20' };
for (let i = 2; i < process.argv.length; i += 2) {
  options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
if (!options.url || !options.tokens) {
  console.error('usage: node load.mjs --url http://127.0.0.1:PORT/mcp --tokens FILE [--users N] [--calls M]');
  process.exit(2);
}
requireLoopback(options.url);
const tokens = readFileSync(options.tokens, 'utf8').split('\n').map(t => t.trim()).filter(Boolean);
const users = Math.min(Number(options.users ?? tokens.length), tokens.length, 500);
const calls = Math.min(Number(options.calls), 1000);
if (!(users > 0 && calls > 0)) {
  console.error('need at least one user (a token in the file) and one call');
  process.exit(2);
}

const QUERIES = ['retrieval', 'kv cache', 'attention', 'lora', 'embeddings', 'hybrid search', 'evaluation', 'agents'];
const latencies = { search_notes: [], quiz_next: [], quiz_answer: [] };
const errors = [];

async function timed(kind, body) {
  const start = process.hrtime.bigint();
  try {
    return await body();
  } catch (e) {
    errors.push(`${kind}: ${e?.message ?? e}`);
    return undefined;
  } finally {
    latencies[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}

async function user(index) {
  let client;
  try {
    client = await connect(options.url, tokens[index], `llmprep-load-${index}`);
  } catch (e) {
    errors.push(`connect: ${e?.message ?? e}`);
    return;
  }
  let card = null;
  for (let i = 0; i < calls; i++) {
    const step = i % 3;
    if (step === 0) {
      await timed('search_notes', () => call(client, 'search_notes', { query: QUERIES[(index + i) % QUERIES.length] }));
    } else if (step === 1) {
      card = (await timed('quiz_next', () => call(client, 'quiz_next')))?.card ?? null;
    } else if (card) {
      await timed('quiz_answer', () => call(client, 'quiz_answer', { card_id: card.card_id, answer: `attention weights ${index}-${i}` }));
    }
  }
  await client.close().catch(() => {});
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: users }, (_, i) => user(i)));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const all = Object.values(latencies).flat();
const total = all.length;
console.log(`load: ${users} users x ${calls} calls against ${options.url}`);
console.log(`throughput: ${(total / seconds).toFixed(1)} calls/s (${total} calls in ${seconds.toFixed(1)} s)`);
for (const [kind, values] of [...Object.entries(latencies), ['all', all]]) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`${kind.padEnd(13)} n=${String(sorted.length).padEnd(6)} p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${percentile(sorted, 95).toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms`);
}
console.log(`errors: ${errors.length}`);
for (const error of errors.slice(0, 5)) {
  console.log(`  ${error}`);
}
process.exit(errors.length === 0 ? 0 : 1);
