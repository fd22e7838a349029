// The memory a stdio server holds while it serves a study session: it loads the vault, answers 60 searches (the 20
// queries of `llmprep bench`, three times), 10 quiz cards with answers to grade, and reports its resident memory
// (VmRSS, and VmHWM for the peak) after each part, and how long the graded answers took (the first builds the grader).
// Linux only (it reads /proc). THINK_MS (default 0) waits that long between showing each card and answering it, as a
// person would; the grader is built while they think.
//   [THINK_MS=5000] node bench/serving-memory.mjs LLMPREP_BIN VAULT DATA_DIR
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { readFileSync } from "node:fs";

const [bin, vault, data] = process.argv.slice(2);
if (!bin || !vault || !data) {
    console.error("usage: node bench/serving-memory.mjs LLMPREP_BIN VAULT DATA_DIR");
    process.exit(2);
}

const server = spawn(bin, ["serve", "--no-bundled", "--corpus", vault, "--data-dir", data], { stdio: ["pipe", "pipe", "ignore"] });
const waiting = new Map();
let nextId = 1;
createInterface({ input: server.stdout }).on("line", (line) => {
    const message = JSON.parse(line);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
});
const request = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    server.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
});
const call = async (name, args) => {
    const answer = await request("tools/call", { name, arguments: args });
    if (answer.error || answer.result?.isError) {
        throw new Error(`${name} failed: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    return answer.result;
};
const report = (after) => {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const mb = (field) => (Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))[1]) / 1024).toFixed(0);
    console.log(`${after.padEnd(22)} resident ${mb("VmRSS")} MB, peak ${mb("VmHWM")} MB`);
};

await request("initialize", { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "serving-memory", version: "1" } });
server.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");

await call("list_topics", { max_tokens: 200 });
report("loaded");

const queries = ["reciprocal rank fusion", "kv cache memory", "lora rank alpha", "hnsw", "\"chain of thought\"", "prompt injection defence",
    "speculative decoding", "bm25 k1", "ragas faithfulness", "embed*", "agent -memory", "positional encoding rope", "quantization int4 gguf",
    "llm as a judge bias", "continuous batching", "what is the model context protocol", "dpo loss", "semantic cache threshold",
    "cross-encoder reranking latency", "asyncio gather semaphore"];
for (let round = 0; round < 3; round++) {
    for (const query of queries) {
        await call("search_notes", { query });
    }
}
report("60 searches");

const think = Number(process.env.THINK_MS ?? 0);
const answered = [];
for (let i = 0; i < 10; i++) {
    const next = await call("quiz_next", {});
    const card = next.structuredContent?.card?.card_id;
    if (!card) {
        throw new Error(`quiz_next gave no card: ${JSON.stringify(next).slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, think));
    const start = performance.now();
    await call("quiz_answer", { card_id: card, answer: "It keeps the keys and values of earlier tokens so attention does not compute them again." });
    answered.push(performance.now() - start);
}
report("10 graded answers");
const later = answered.slice(1).sort((a, b) => a - b);
const thought = think > 0 ? `, each ${think} ms after its card` : "";
console.log(`graded answers         first ${answered[0].toFixed(0)} ms (the first to need the grader), then median ${later[Math.floor(later.length / 2)].toFixed(1)} ms${thought}`);

server.stdin.end();
