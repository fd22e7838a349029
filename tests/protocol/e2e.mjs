#!/usr/bin/env node
// Drives the built llmprep binary with the official TypeScript MCP client (@modelcontextprotocol/sdk 1.32.2, which
// speaks protocol 2025-11-25), over stdio and over Streamable HTTP: every tool, prompt, resource, completion and
// subscription. Prints one line per check and a final "N passed, N failed" line; exits 1 on any failure.
//
//   node e2e.mjs <path to the llmprep binary> <fixture corpus dir>
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ResourceListChangedNotificationSchema, ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const [binary, fixtures] = process.argv.slice(2);
if (!binary || !fixtures) {
  console.error('usage: node e2e.mjs <llmprep binary> <fixture corpus dir>');
  process.exit(2);
}

const TOOLS = ['list_topics', 'progress_report', 'quiz_answer', 'quiz_next', 'quiz_rate', 'quiz_reveal', 'read_note', 'search_notes'];
const PROMPTS = {
  behavioral_story: { theme: 'a production incident' },
  elevator_pitch: { background: 'backend engineer moving into LLM work' },
  explain_concept: { concept: 'kv cache' },
  mock_interview: { topic: 'retrieval' },
  project_deep_dive: { project: 'a support chatbot with retrieval' },
  quiz_me: { topic: 'rag' },
  review_mistakes: {},
  study_plan: { days: '2' },
  system_design: { scenario: 'a RAG assistant for a bank' },
};
const READS = ['llmprep://notes/03-rag-and-embeddings/vector-databases', 'llmprep://outline', 'llmprep://study-plan', 'llmprep://glossary', 'llmprep://progress'];
const WAIT_MS = 30000;

let passed = 0;
let failed = 0;
const temp = [];

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

function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
}

function waitFor(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS); }),
  ]);
}

const sorted = (names) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const isSvgIcon = (icons) => Array.isArray(icons) && icons.length === 1 && icons[0].mimeType === 'image/svg+xml'
  && icons[0].src.startsWith('data:image/svg+xml;base64,')
  && Buffer.from(icons[0].src.split(',')[1], 'base64').toString('utf8').startsWith('<svg xmlns="http://www.w3.org/2000/svg"');

function newClient() {
  return new Client({ name: 'llmprep-protocol-tests', version: '1.0.0' }, { capabilities: {} });
}

// Remembers the version the handshake settled on (the SDK hands it to the transport).
function recordVersion(transport, into) {
  const original = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version) => {
    into.version = version;
    original?.(version);
  };
  return transport;
}

async function listAll(list, key) {
  const items = [];
  let cursor;
  do {
    const page = await list(cursor ? { cursor } : undefined);
    items.push(...page[key]);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

// Everything the surface offers, through one connected client on the bundled corpus.
async function surface(client, negotiated, label) {
  await check(`${label}: negotiates 2025-11-25 and names the server`, async () => {
    assert(negotiated.version === '2025-11-25', `negotiated ${negotiated.version}`);
    const info = client.getServerVersion();
    assert(info?.name === 'llmprep', `server name ${info?.name}`);
    assert(isSvgIcon(info?.icons), 'server info has no SVG icon');
    assert((client.getInstructions() ?? '').includes('search_notes'), 'instructions do not mention search_notes');
    const caps = client.getServerCapabilities();
    assert(caps?.resources?.subscribe === true && caps?.resources?.listChanged === true, 'resources capability lacks subscribe/listChanged');
    assert(caps?.completions && caps?.prompts && caps?.tools, 'completions, prompts or tools capability missing');
  });

  await check(`${label}: tools/list is sorted, with icons, output schemas and no 2026-07-28 fields`, async () => {
    const result = await client.listTools();
    const names = result.tools.map((t) => t.name);
    assert(JSON.stringify(names) === JSON.stringify(sorted(names)), `not sorted: ${names}`);
    for (const name of TOOLS) assert(names.includes(name), `missing tool ${name}`);
    for (const tool of result.tools) {
      assert(isSvgIcon(tool.icons), `${tool.name} has no SVG icon`);
      assert(tool.outputSchema?.type === 'object', `${tool.name} has no object output schema`);
    }
    assert(!('ttlMs' in result) && !('cacheScope' in result) && !('resultType' in result), 'a 2025-11-25 result carries 2026-07-28 fields');
  });

  let card;
  await check(`${label}: every tool answers (structured content validated by the SDK against its output schema)`, async () => {
    const call = async (name, args) => {
      const result = await client.callTool({ name, arguments: args });
      assert(!result.isError, `${name} failed: ${JSON.stringify(result.content)}`);
      assert(result.structuredContent, `${name} has no structured content`);
      return result.structuredContent;
    };
    const hits = (await call('search_notes', { query: 'HNSW' })).hits;
    assert(hits.length > 0, 'search_notes found nothing for HNSW');
    assert(JSON.stringify(await call('read_note', { uri: hits[0].uri })).includes('HNSW'), 'read_note lacks HNSW');
    assert((await call('list_topics', {})).total_notes > 20, 'list_topics lists too few notes');
    card = (await call('quiz_next', { topic: 'vector databases' })).card.card_id;
    const answer = await call('quiz_answer', { card_id: card, answer: 'I am not sure.' });
    assert(answer.grader === 'key_points', `graded by ${answer.grader}`);
    assert((await call('quiz_rate', { card_id: card, rating: 'good' })).rating === 'good', 'quiz_rate did not amend');
    assert((await call('quiz_reveal', { card_id: card })).counted_as_failed === false, 'reveal after answering counted as failed');
    assert((await call('progress_report', {})).reviews === 1, 'progress_report does not count one review');
    const bad = await client.callTool({ name: 'quiz_answer', arguments: { card_id: 'no-such/card', answer: 'x' } });
    assert(bad.isError === true, 'an unknown card is not an error');
  });

  await check(`${label}: prompts/list is sorted with icons and every prompt answers`, async () => {
    const prompts = await listAll((p) => client.listPrompts(p), 'prompts');
    const names = prompts.map((p) => p.name);
    assert(JSON.stringify(names) === JSON.stringify(sorted(Object.keys(PROMPTS))), `prompts ${names}`);
    for (const prompt of prompts) assert(isSvgIcon(prompt.icons), `${prompt.name} has no SVG icon`);
    for (const [name, args] of Object.entries(PROMPTS)) {
      const result = await client.getPrompt({ name, arguments: args });
      assert(result.messages.length > 0, `${name} has no messages`);
    }
  });

  await check(`${label}: resources list (paged), templates and reads`, async () => {
    const resources = await listAll((p) => client.listResources(p), 'resources');
    assert(resources.length > 20, `only ${resources.length} resources`);
    assert(resources.every((r) => isSvgIcon(r.icons)), 'a resource has no SVG icon');
    const templates = await listAll((p) => client.listResourceTemplates(p), 'resourceTemplates');
    assert(templates.some((t) => t.uriTemplate === 'llmprep://notes/{+path}'), 'no note template');
    for (const uri of READS) {
      const read = await client.readResource({ uri });
      assert(read.contents[0]?.text?.length > 0, `${uri} is empty`);
      assert(!('ttlMs' in read), `${uri} carries ttlMs on 2025-11-25`);
    }
  });

  await check(`${label}: completions for prompt arguments and the note template`, async () => {
    const topic = await client.complete({ ref: { type: 'ref/prompt', name: 'quiz_me' }, argument: { name: 'topic', value: 'retr' } });
    assert(topic.completion.values.includes('retrieval'), `quiz_me topic: ${topic.completion.values}`);
    const notes = await client.complete({ ref: { type: 'ref/resource', uri: 'llmprep://notes/{+path}' }, argument: { name: 'path', value: '03-rag-and-embeddings/vector' } });
    assert(notes.completion.values.includes('03-rag-and-embeddings/vector-databases'), `note path: ${notes.completion.values}`);
  });

  await check(`${label}: a subscription to llmprep://progress hears about a new review`, async () => {
    const updated = new Promise((resolve) => client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      if (n.params.uri === 'llmprep://progress') resolve(n.params.uri);
    }));
    await client.subscribeResource({ uri: 'llmprep://progress' });
    await client.callTool({ name: 'quiz_answer', arguments: { card_id: card, answer: 'HNSW is a layered graph.' } });
    await waitFor(updated, 'notifications/resources/updated');
    await client.unsubscribeResource({ uri: 'llmprep://progress' });
    await client.ping();
  });
}

// The watcher: an edited note reaches its subscribers, a new note changes the list.
async function watcher(client, corpus, label) {
  await check(`${label}: editing a subscribed note sends resources/updated; adding one sends list_changed`, async () => {
    const uri = 'llmprep://notes/03-rag-and-embeddings/vector-databases';
    const updated = new Promise((resolve) => client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      if (n.params.uri === uri) resolve();
    }));
    const listChanged = new Promise((resolve) => client.setNotificationHandler(ResourceListChangedNotificationSchema, () => resolve()));
    await listAll((p) => client.listResources(p), 'resources');
    await client.subscribeResource({ uri });
    const file = path.join(corpus, '03-rag-and-embeddings', 'vector-databases.md');
    appendFileSync(file, '\nIVF-PQ trades recall for memory.\n');
    await waitFor(updated, 'notifications/resources/updated');
    const text = (await client.readResource({ uri })).contents[0].text;
    assert(text.includes('IVF-PQ trades recall'), 'the read does not show the edit');
    writeFileSync(path.join(corpus, '03-rag-and-embeddings', 'pgvector.md'), readFileSync(file, 'utf8').replace('id: vector-databases', 'id: pgvector'));
    await waitFor(listChanged, 'notifications/resources/list_changed');
    const resources = await listAll((p) => client.listResources(p), 'resources');
    assert(resources.some((r) => r.uri === 'llmprep://notes/03-rag-and-embeddings/pgvector'), 'the new note is not listed');
  });
}

function copyFixtures() {
  const corpus = tempDir('llmprep-e2e-corpus-');
  cpSync(fixtures, corpus, { recursive: true });
  return corpus;
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function stdio() {
  const negotiated = {};
  const transport = recordVersion(new StdioClientTransport({ command: binary, args: ['serve', '--data-dir', tempDir('llmprep-e2e-data-')], stderr: 'ignore' }), negotiated);
  const client = newClient();
  await client.connect(transport);
  await surface(client, negotiated, 'stdio');
  await client.close();

  const corpus = copyFixtures();
  const watched = newClient();
  await watched.connect(new StdioClientTransport({ command: binary, args: ['serve', '--no-bundled', '--corpus', corpus, '--data-dir', tempDir('llmprep-e2e-data-')], stderr: 'ignore' }));
  await watcher(watched, corpus, 'stdio');
  await watched.close();
}

// Runs body against `llmprep serve --http` with the given corpus arguments.
async function withHttpServer(corpusArgs, body) {
  const port = await freePort();
  const server = spawn(binary, ['serve', '--http', '--urls', `http://127.0.0.1:${port}`, ...corpusArgs, '--data-dir', tempDir('llmprep-e2e-data-')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  try {
    const url = new URL(`http://127.0.0.1:${port}/mcp`);
    for (let i = 0; i < 300; i++) {
      try {
        await fetch(url);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    await body(url);
  } catch (e) {
    failed++;
    console.log(`FAIL  http: ${e?.message ?? e}\n${log}`);
  } finally {
    server.kill();
  }
}

async function http() {
  await withHttpServer([], async (url) => {
    const negotiated = {};
    const client = newClient();
    const transport = recordVersion(new StreamableHTTPClientTransport(url), negotiated);
    await client.connect(transport);
    await check('http: a 2025-11-25 client gets a session', async () => assert(transport.sessionId, 'no Mcp-Session-Id'));
    await surface(client, negotiated, 'http');
    await client.close();
  });

  const corpus = copyFixtures();
  await withHttpServer(['--no-bundled', '--corpus', corpus], async (url) => {
    const client = newClient();
    await client.connect(new StreamableHTTPClientTransport(url));
    await watcher(client, corpus, 'http');
    await client.close();
  });
}

try {
  await stdio();
} catch (e) {
  failed++;
  console.log(`FAIL  stdio: ${e?.message ?? e}`);
}

await http();
for (const dir of temp) rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
