// Installs an LlmPrep .mcpb the way Claude Desktop does and checks the server it starts:
// unpack the bundle, resolve the manifest's command and args for this platform with the user's
// settings (the mcpb library's own getMcpConfigForManifest), launch it, and talk to it over stdio.
//
//   node bundle.mjs <bundle.mcpb> <data folder> [notes folder]
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getMcpConfigForManifest, unpackExtension } from "@anthropic-ai/mcpb";
import { checkServer } from "./client.mjs";

const [bundle, dataFolder, notesFolder = ""] = process.argv.slice(2);
if (!bundle || !dataFolder) {
  console.error("usage: node bundle.mjs <bundle.mcpb> <data folder> [notes folder]");
  process.exit(2);
}

try {
  const extensionPath = mkdtempSync(path.join(tmpdir(), "llmprep-mcpb-"));
  if (!(await unpackExtension({ mcpbPath: bundle, outputDir: extensionPath, silent: true }))) {
    throw new Error(`could not unpack ${bundle}`);
  }
  const manifest = JSON.parse(readFileSync(path.join(extensionPath, "manifest.json"), "utf8"));
  const config = await getMcpConfigForManifest({
    manifest,
    extensionPath,
    systemDirs: { HOME: process.env.HOME ?? tmpdir() },
    userConfig: { data_folder: dataFolder, notes_folder: notesFolder },
    pathSeparator: path.sep,
  });
  if (!config) throw new Error("the manifest gives no MCP configuration for this platform");
  if (config.args.some((a) => a.includes("${"))) throw new Error(`unresolved variables in args: ${config.args.join(" ")}`);
  console.log(`bundle: ${config.command} ${config.args.join(" ")}`);

  const served = await checkServer({ label: "bundle", command: config.command, args: config.args, env: config.env ?? {} });

  // What the install dialog shows must be what the server serves.
  const same = (a, b) => [...a].sort().join(",") === [...b].sort().join(",");
  if (!same(manifest.tools.map((t) => t.name), served.tools)) {
    throw new Error(`manifest tools ${manifest.tools.map((t) => t.name)} differ from served tools ${served.tools}`);
  }
  if (!same(manifest.prompts.map((p) => p.name), served.prompts)) {
    throw new Error(`manifest prompts ${manifest.prompts.map((p) => p.name)} differ from served prompts ${served.prompts}`);
  }
  console.log(`bundle: manifest lists the ${served.tools.length} tools and ${served.prompts.length} prompts the server serves`);
} catch (error) {
  console.error(error.message ?? error);
  process.exit(1);
}
