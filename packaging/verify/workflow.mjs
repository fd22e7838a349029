// Checks the release workflow against the project it releases: it parses as YAML, builds a native
// archive for every platform the tool package promises, wires its jobs to each other correctly, pins
// every action to a version, and calls only scripts that exist.
//
//   node workflow.mjs <repo root>
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const root = process.argv[2] ?? ".";
const workflow = parse(readFileSync(path.join(root, ".github/workflows/release.yml"), "utf8"));
const csproj = readFileSync(path.join(root, "src/LlmPrep.Server/LlmPrep.Server.csproj"), "utf8");
const problems = [];

const promised = csproj.match(/<ToolPackageRuntimeIdentifiers>([^<]+)</)[1].split(";").filter((r) => r !== "any").sort();
const built = (workflow.jobs?.native?.strategy?.matrix?.include ?? []).map((m) => m.rid).sort();
if (promised.join() !== built.join()) problems.push(`native matrix builds [${built}] but the tool package promises [${promised}]`);

if (!workflow.on?.push?.tags?.length) problems.push("the workflow does not run on version tags");

for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
  for (const need of [job.needs ?? []].flat()) {
    if (!workflow.jobs[need]) problems.push(`job ${name} needs unknown job ${need}`);
  }
  for (const step of job.steps ?? []) {
    if (step.uses && !/@v\d+/.test(step.uses)) problems.push(`job ${name}: action ${step.uses} is not pinned to a version`);
    for (const script of String(step.run ?? "").match(/packaging\/[\w./-]+\.(sh|mjs)/g) ?? []) {
      if (!existsSync(path.join(root, script))) problems.push(`job ${name} calls ${script}, which does not exist`);
    }
  }
}
const published = workflow.jobs?.publish?.needs ?? [];
for (const job of ["native", "packages", "bundle", "container"]) {
  if (!published.includes(job)) problems.push(`the publish job does not wait for ${job}`);
}

if (problems.length > 0) {
  console.error(`release.yml:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`release.yml: valid (${built.length} native platforms, ${Object.keys(workflow.jobs).length} jobs)`);
