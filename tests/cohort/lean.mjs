// A lean MCP client for the load script: the same JSON-RPC over Streamable HTTP as the official SDK, on node:http with
// one kept-alive connection per user, and nothing else (no schema validation, no listening stream). Load tools do this
// so that the generator, not the server, is never the bottleneck; the correctness checks keep the official client.
//
// Two protocol revisions:
//  - 2025-11-25: initialize → Mcp-Session-Id, notifications/initialized, then every call carries the session, as the
//    SDK does; close() ends the session with DELETE.
//  - 2026-07-28: no handshake and no session; every request carries its revision and client capabilities in _meta,
//    and its method and name in the Mcp-Method / Mcp-Name headers.
import http from 'node:http';
import { requireLoopback } from './mcp.mjs';

export const REVISIONS = ['2025-11-25', '2026-07-28'];

export class LeanClient {
  #url;
  #token;
  #revision;
  #name;
  #agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  #session = null;
  #nextId = 1;

  constructor(url, token, { revision = '2025-11-25', name = 'llmprep-load' } = {}) {
    requireLoopback(url);
    if (!REVISIONS.includes(revision)) {
      throw new Error(`unknown protocol revision ${revision}: use one of ${REVISIONS.join(', ')}`);
    }
    this.#url = new URL(url);
    this.#token = token;
    this.#revision = revision;
    this.#name = name;
  }

  async connect() {
    if (this.#revision !== '2025-11-25') return;
    const { headers } = await this.#send('POST', {
      jsonrpc: '2.0', id: this.#nextId++, method: 'initialize',
      params: { protocolVersion: this.#revision, capabilities: {}, clientInfo: { name: this.#name, version: '1.0.0' } },
    });
    this.#session = headers['mcp-session-id'] ?? null;
    if (!this.#session) throw new Error('initialize: the server opened no session (no Mcp-Session-Id)');
    await this.#send('POST', { jsonrpc: '2.0', method: 'notifications/initialized' });
  }

  /** Calls a tool and returns its result (content, structuredContent, isError). */
  async callTool(name, args = {}) {
    const params = { name, arguments: args };
    if (this.#revision === '2026-07-28') {
      params._meta = {
        'io.modelcontextprotocol/protocolVersion': this.#revision,
        'io.modelcontextprotocol/clientCapabilities': {},
        'io.modelcontextprotocol/clientInfo': { name: this.#name, version: '1.0.0' },
      };
    }
    const { message } = await this.#send('POST', { jsonrpc: '2.0', id: this.#nextId++, method: 'tools/call', params }, name);
    return message.result;
  }

  async close() {
    try {
      if (this.#session) await this.#send('DELETE');
    } finally {
      this.#session = null;
      this.#agent.destroy();
    }
  }

  #send(method, body, toolName) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {
      Authorization: `Bearer ${this.#token}`,
      Accept: 'application/json, text/event-stream',
      'MCP-Protocol-Version': this.#revision,
    };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    if (this.#session) headers['Mcp-Session-Id'] = this.#session;
    if (this.#revision === '2026-07-28' && body?.method) {
      headers['Mcp-Method'] = body.method;
      if (toolName) headers['Mcp-Name'] = toolName;
    }
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: this.#url.hostname, port: this.#url.port, path: this.#url.pathname, method, headers, agent: this.#agent,
      }, response => {
        const chunks = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode;
          if (status === 202 || (method === 'DELETE' && status < 300)) {
            resolve({ headers: response.headers, message: null });
            return;
          }
          if (status !== 200) {
            reject(new Error(`HTTP ${status}: ${text.slice(0, 200)}`));
            return;
          }
          try {
            const message = reply(text, response.headers['content-type'] ?? '', body.id);
            if (message.error) {
              reject(new Error(`JSON-RPC error ${message.error.code}: ${message.error.message}`));
              return;
            }
            resolve({ headers: response.headers, message });
          } catch (e) {
            reject(e);
          }
        });
      });
      request.on('error', reject);
      request.end(payload);
    });
  }
}

/** The JSON-RPC response with the request's id, from a JSON body or from the events of an SSE body. */
function reply(text, contentType, id) {
  if (contentType.startsWith('application/json')) return JSON.parse(text);
  for (const event of text.split(/\r?\n\r?\n/)) {
    const data = event.split(/\r?\n/).filter(line => line.startsWith('data:')).map(line => line.slice(5).trimStart()).join('\n');
    if (!data) continue;
    const message = JSON.parse(data);
    if (message.id === id && ('result' in message || 'error' in message)) return message;
  }
  throw new Error(`no response to request ${id} in the event stream`);
}
