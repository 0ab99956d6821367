# shellcheck shell=bash
# Shared by the package scripts (sourced after lib.sh): the Dev Hub, and reading sfdx-project.json.

DEV_HUB="${SF_DEV_HUB:-}"

# sf with --target-dev-hub when one is given (else the CLI's default Dev Hub).
hub() {
  if [[ -n "$DEV_HUB" ]]; then
    npx --no -- sf "$@" --target-dev-hub "$DEV_HUB"
  else
    npx --no -- sf "$@"
  fi
}

# The 0Ho id sfdx-project.json holds for a package name, or nothing.
package_alias() {
  node -e 'const p = require(process.argv[1]); process.stdout.write((p.packageAliases || {})[process.argv[2]] || "");' \
    "$ROOT/sfdx-project.json" "$1"
}

# The package directory of a package name.
package_path() {
  node -e '
    const p = require(process.argv[1]);
    const dir = p.packageDirectories.find((d) => d.package === process.argv[2]);
    if (!dir) process.exit(1);
    process.stdout.write(dir.path);' "$ROOT/sfdx-project.json" "$1" || die "no package directory for $1 in sfdx-project.json"
}

# A dotted field of the JSON on stdin (result.SubscriberPackageVersionId).
json_field() {
  node -e '
    let text = "";
    process.stdin.on("data", (c) => (text += c));
    process.stdin.on("end", () => {
      let v = JSON.parse(text);
      for (const k of process.argv[1].split(".")) v = v == null ? undefined : v[k];
      process.stdout.write(v == null ? "" : String(v));
    });' "$1"
}
