/**
 * The package as a team gets it (`npm run test:package`, a CI step of its own in .ci/run: the
 * install alone takes about a minute). `npm pack` of packages/switchyard, installed with npm into
 * an SFDX project the Salesforce CLI makes here (with a class, a component and a trigger of the
 * team's own); then `switchyard init`, `build`, `validate` succeed, a second init changes nothing,
 * and every file the project had before init is byte-identical afterwards, except the three init
 * adds to, which keep every key and line they had. The same on an empty folder.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { buildPackage } from "../build";

const REPO = path.resolve(__dirname, "..", "..", "..");
const SF = path.join(REPO, "node_modules/.bin/sf");
const MERGED = ["sfdx-project.json", "package.json", ".forceignore"];

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 << 20
  });
}

interface Envelope {
  status: number;
  result: Record<string, unknown>;
  warnings: string[];
}

/** Runs the installed `switchyard` with --json; returns the parsed envelope whatever the exit code. */
function switchyard(cwd: string, ...args: string[]): Envelope {
  const bin = path.join(cwd, "node_modules/.bin/switchyard");
  let stdout: string;
  try {
    stdout = run(bin, [...args, "--json"], cwd);
  } catch (error) {
    stdout = String((error as { stdout?: string }).stdout ?? "");
  }
  const envelope = JSON.parse(stdout) as Envelope;
  assert.deepEqual(
    Object.keys(envelope).sort(),
    ["result", "status", "warnings"],
    `switchyard ${args.join(" ")}: shape`
  );
  assert.equal(typeof envelope.status, "number");
  assert.ok(Array.isArray(envelope.warnings));
  return envelope;
}

function hashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === ".git") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out.set(
          path.relative(root, full),
          createHash("sha256").update(fs.readFileSync(full)).digest("hex")
        );
    }
  };
  walk(root);
  return out;
}

/** Every key of `before` is in `after` with the same value (arrays: `after` starts with `before`'s items). */
function assertSuperset(before: unknown, after: unknown, where: string): void {
  if (Array.isArray(before)) {
    assert.ok(Array.isArray(after), where);
    before.forEach((item, i) =>
      assertSuperset(item, (after as unknown[])[i], `${where}[${i}]`)
    );
  } else if (before && typeof before === "object") {
    for (const [key, value] of Object.entries(before))
      assertSuperset(
        value,
        (after as Record<string, unknown>)[key],
        `${where}.${key}`
      );
  } else assert.equal(after, before, where);
}

test(
  "npm pack, installed into a project sf made: init, build, validate; the team files stay as they were",
  { timeout: 1_200_000 },
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-package-"));
    try {
      buildPackage();
      const packed = JSON.parse(
        run(
          "npm",
          ["pack", "--json", "--pack-destination", tmp],
          path.join(REPO, "packages/switchyard")
        )
      );
      const tarball = path.join(tmp, packed[0].filename as string);

      run(
        SF,
        ["project", "generate", "--name", "team", "--output-dir", tmp],
        tmp
      );
      const team = path.join(tmp, "team");
      const main = "force-app/main/default";
      run(
        SF,
        [
          "apex",
          "generate",
          "class",
          "--name",
          "TeamService",
          "--output-dir",
          `${main}/classes`
        ],
        team
      );
      run(
        SF,
        [
          "lightning",
          "generate",
          "component",
          "--type",
          "lwc",
          "--name",
          "teamCard",
          "--output-dir",
          `${main}/lwc`
        ],
        team
      );
      run(
        SF,
        [
          "apex",
          "generate",
          "trigger",
          "--name",
          "AccountTrigger",
          "--sobject",
          "Account",
          "--output-dir",
          `${main}/triggers`
        ],
        team
      );
      // Only the package (the team's own devDependencies are theirs to install); from the local cache where it can.
      run(
        "npm",
        [
          "install",
          "--omit=dev",
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
          tarball
        ],
        team
      );

      const before = hashes(team);
      const merged = Object.fromEntries(
        MERGED.map((f) => [f, fs.readFileSync(path.join(team, f), "utf8")])
      );

      const init = switchyard(team, "init");
      assert.equal(init.status, 0, JSON.stringify(init));
      // init added an undici override (the validator on Node 20): npm applies it on the next install,
      // which rewrites npm's own package-lock.json.
      run(
        "npm",
        [
          "install",
          "--omit=dev",
          "--prefer-offline",
          "--no-audit",
          "--no-fund"
        ],
        team
      );
      const build = switchyard(team, "build");
      assert.equal(build.status, 0, JSON.stringify(build));
      assert.ok(
        Number(build.result.written) > 0,
        "the first build writes the generated package"
      );
      const validate = switchyard(team, "validate");
      assert.equal(validate.status, 0, JSON.stringify(validate, null, 2));
      assert.equal(validate.result.failed, 0);
      assert.ok(
        Number(validate.result.passed) >= 7,
        JSON.stringify(validate.result)
      );

      const again = switchyard(team, "init");
      assert.equal(again.status, 0);
      const changes = again.result.changes as {
        action: string;
        path: string;
      }[];
      assert.deepEqual(
        changes.filter((c) => c.action !== "unchanged"),
        [],
        "a second init changes nothing"
      );
      assert.equal(switchyard(team, "build", "--check").status, 0);
      assert.equal(
        switchyard(team, "doctor").result.checks instanceof Array,
        true
      );

      const after = hashes(team);
      for (const [file, hash] of before) {
        if (MERGED.includes(file) || file === "package-lock.json") continue;
        assert.equal(after.get(file), hash, `${file} changed`);
      }
      for (const file of ["sfdx-project.json", "package.json"]) {
        const now = JSON.parse(fs.readFileSync(path.join(team, file), "utf8"));
        assertSuperset(JSON.parse(merged[file]), now, file);
      }
      const sfdx = JSON.parse(
        fs.readFileSync(path.join(team, "sfdx-project.json"), "utf8")
      );
      assert.deepEqual(
        sfdx.packageDirectories
          .filter((d: { default?: boolean }) => d.default)
          .map((d: { path: string }) => d.path),
        ["force-app"]
      );
      assert.ok(
        fs
          .readFileSync(path.join(team, ".forceignore"), "utf8")
          .startsWith(merged[".forceignore"])
      );

      // An empty folder becomes a new SFDX project with Switchyard in it.
      const fresh = path.join(tmp, "fresh");
      fs.mkdirSync(fresh);
      assert.equal(switchyard(team, "init", fresh).status, 0);
      assert.ok(fs.existsSync(path.join(fresh, "sfdx-project.json")));
      assert.equal(switchyard(team, "build", "--project", fresh).status, 0);
      const freshValidate = switchyard(
        team,
        "validate",
        "--project",
        fresh,
        "--only",
        "xml,apex-parser,apex-ls,pmd,sdr"
      );
      assert.equal(
        freshValidate.status,
        0,
        JSON.stringify(freshValidate, null, 2)
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
);
