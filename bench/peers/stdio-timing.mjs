// Times MCP servers over stdio, two at a time and interleaved (A B A B …) so that machine drift cancels.
//   node stdio-timing.mjs start  RUNS  SPEC_A SPEC_B   spawn → initialize answered, one fresh process per run
//   node stdio-timing.mjs search RUNS  SPEC_A SPEC_B   one process each; RUNS tools/call round trips after a warm-up
// A SPEC is JSON: {"name":"…","command":"…","args":[…],"env":{…},"tool":"…","arguments":[{…},…]}
// (tool and arguments only for search; the arguments are cycled). Prints one line per tool: "<name> median <ms> p95 <ms>".
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const [mode, runsText, ...specs] = process.argv.slice(2);
const runs = Number(runsText);
if (!["start", "search"].includes(mode) || !(runs > 0) || specs.length !== 2) {
    console.error("usage: node stdio-timing.mjs start|search RUNS SPEC_A SPEC_B");
    process.exit(2);
}
const [a, b] = specs.map((s) => JSON.parse(s));

const initialize = {
    jsonrpc: "2.0", id: 1, method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "stdio-timing", version: "1" } },
};

/** A spawned server with a line reader that resolves request ids. */
function launch(spec) {
    const child = spawn(spec.command, spec.args ?? [], { env: { ...process.env, ...(spec.env ?? {}) }, stdio: ["pipe", "pipe", "ignore"] });
    const waiting = new Map();
    createInterface({ input: child.stdout }).on("line", (line) => {
        let message;
        try { message = JSON.parse(line); } catch { return; }
        if (message.id !== undefined && waiting.has(message.id)) {
            const resolve = waiting.get(message.id);
            waiting.delete(message.id);
            resolve(message);
        }
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.on("error", (error) => { console.error(`${spec.name}: ${error.message}`); process.exit(1); });
    return {
        request(message) {
            return new Promise((resolve) => {
                waiting.set(message.id, resolve);
                child.stdin.write(JSON.stringify(message) + "\n");
            });
        },
        notify(message) { child.stdin.write(JSON.stringify(message) + "\n"); },
        async close() { child.stdin.end(); const timer = setTimeout(() => child.kill(), 5000); await exited; clearTimeout(timer); },
    };
}

async function startOnce(spec) {
    const began = process.hrtime.bigint();
    const server = launch(spec);
    const answer = await server.request(initialize);
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    if (!answer.result) throw new Error(`${spec.name}: initialize failed: ${JSON.stringify(answer)}`);
    await server.close();
    return ms;
}

async function openForSearch(spec) {
    const server = launch(spec);
    await server.request(initialize);
    server.notify({ jsonrpc: "2.0", method: "notifications/initialized" });
    return server;
}

let nextId = 100;
async function searchOnce(server, spec, index) {
    const args = spec.arguments[index % spec.arguments.length];
    const began = process.hrtime.bigint();
    const answer = await server.request({ jsonrpc: "2.0", id: nextId++, method: "tools/call", params: { name: spec.tool, arguments: args } });
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    if (!answer.result || answer.result.isError) throw new Error(`${spec.name}: search failed: ${JSON.stringify(answer).slice(0, 400)}`);
    return ms;
}

const quantile = (samples, q) => [...samples].sort((x, y) => x - y)[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const times = { a: [], b: [] };

if (mode === "start") {
    for (let run = 0; run < runs; run++) {
        times.a.push(await startOnce(a));
        times.b.push(await startOnce(b));
    }
} else {
    const servers = { a: await openForSearch(a), b: await openForSearch(b) };
    // The first call waits for each server's corpus or index to open; it is not a round trip.
    for (let i = 0; i < 5; i++) {
        await searchOnce(servers.a, a, i);
        await searchOnce(servers.b, b, i);
    }
    for (let run = 0; run < runs; run++) {
        times.a.push(await searchOnce(servers.a, a, run));
        times.b.push(await searchOnce(servers.b, b, run));
    }
    await servers.a.close();
    await servers.b.close();
}

for (const [key, spec] of [["a", a], ["b", b]]) {
    console.log(`${spec.name} median ${quantile(times[key], 0.5).toFixed(2)} p95 ${quantile(times[key], 0.95).toFixed(2)} min ${quantile(times[key], 0).toFixed(2)}`);
}
