// Shared by the cohort checks and the load script: an MCP client (the official TypeScript SDK, protocol 2025-11-25)
// over Streamable HTTP with a bearer token, and a call that throws on an error result.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export function requireLoopback(url) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
    throw new Error(`refusing ${url}: these scripts talk to loopback addresses only`);
  }
}

export async function connect(url, token, name = 'llmprep-cohort') {
  requireLoopback(url);
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  }));
  return client;
}

export function text(result) {
  return (result.content ?? []).filter(c => c.type === 'text').map(c => c.text).join('\n');
}

/** Calls a tool and returns its structured content; an isError result throws with its message. */
export async function call(client, name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    const error = new Error(`${name}: ${text(result)}`);
    error.toolError = true;
    throw error;
  }
  return result.structuredContent;
}
