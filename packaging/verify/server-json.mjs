// Validates a server.json (as embedded in the NuGet package at .mcp/server.json) against the MCP
// registry's format, and checks that it names the package and version it ships in.
//
//   node server-json.mjs <server.json> [<expected package id> <expected version>]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const [file, packageId, version] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, "server-json.schema.json"), "utf8"));
const server = JSON.parse(readFileSync(file, "utf8"));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const problems = validate(server) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
if (packageId) {
  const nuget = server.packages?.find((p) => p.registryType === "nuget");
  if (nuget?.identifier !== packageId) problems.push(`packages[nuget].identifier is ${nuget?.identifier}, the package is ${packageId}`);
  if (nuget?.version !== version) problems.push(`packages[nuget].version is ${nuget?.version}, the package is ${version}`);
  if (server.version !== version) problems.push(`version is ${server.version}, the package is ${version}`);
}

if (problems.length > 0) {
  console.error(`${file}: not a valid server.json\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`server.json: valid (${server.name} ${server.version}, ${server.packages.length} package)`);
