// Connects the official MCP TypeScript SDK client to an installed LlmPrep over stdio and checks that it
// serves the bundled corpus: initialize, tools/list, search_notes, resources/read, then a clean exit.
//
//   node client.mjs [--label NAME] [--cwd DIR] [--env KEY=VALUE]... -- <command> [args...]
//
// Prints one line per check and exits 1 on the first failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export async function checkServer({ label, command, args, env = {}, cwd }) {
  const transport = new StdioClientTransport({
    command,
    args,
    cwd,
    env: { ...process.env, ...env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk) => (stderr += chunk));
  const client = new Client({ name: "llmprep-install-check", version: "1.0.0" });
  const fail = (what) => {
    throw new Error(`${label}: ${what}\n--- server stderr ---\n${stderr.slice(-4000)}`);
  };

  try {
    await client.connect(transport, { timeout: 120_000 });
    const info = client.getServerVersion();
    if (info?.name !== "llmprep") fail(`server calls itself ${JSON.stringify(info)}`);
    console.log(`${label}: initialized ${info.name} ${info.version}`);

    const tools = await client.listTools();
    const names = tools.tools.map((t) => t.name);
    for (const expected of ["search_notes", "read_note", "quiz_next", "quiz_answer"]) {
      if (!names.includes(expected)) fail(`tools/list lacks ${expected}: ${names.join(", ")}`);
    }
    const prompts = (await client.listPrompts()).prompts.map((p) => p.name);
    console.log(`${label}: ${names.length} tools, ${prompts.length} prompts`);

    const search = await client.callTool({ name: "search_notes", arguments: { query: "reciprocal rank fusion", limit: 3 } }, undefined, { timeout: 120_000 });
    if (search.isError) fail(`search_notes failed: ${JSON.stringify(search.content)}`);
    const hits = search.structuredContent?.hits ?? [];
    if (hits.length === 0) fail(`search_notes found nothing: ${JSON.stringify(search).slice(0, 500)}`);
    const top = hits[0];
    console.log(`${label}: search_notes → ${hits.length} hits, first ${top.uri}`);

    const uri = String(top.uri).split("#")[0];
    const read = await client.readResource({ uri });
    const text = read.contents?.[0]?.text ?? "";
    if (!text.includes("## Quiz")) fail(`resources/read ${uri} did not return a corpus note`);
    console.log(`${label}: resources/read ${uri} → ${text.length} characters`);
    return { tools: names, prompts };
  } finally {
    await client.close();
  }
}

function parseArgs(argv) {
  const options = { label: "server", env: {} };
  let i = 0;
  for (; i < argv.length && argv[i] !== "--"; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === "--label") options.label = value;
    else if (flag === "--cwd") options.cwd = value;
    else if (flag === "--env") {
      const eq = value.indexOf("=");
      options.env[value.slice(0, eq)] = value.slice(eq + 1);
    } else throw new Error(`unknown option ${flag}`);
  }
  const command = argv.slice(i + 1);
  if (command.length === 0) throw new Error("usage: node client.mjs [--label NAME] [--env K=V]... -- <command> [args...]");
  return { ...options, command: command[0], args: command.slice(1) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await checkServer(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(error.message ?? error);
    process.exit(1);
  }
}
