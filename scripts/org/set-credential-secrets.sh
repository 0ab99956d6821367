#!/usr/bin/env bash
# Sets the secrets of each External Credential's named principal in the org. Secrets are never
# metadata: deploy creates the credentials empty, and this script (or Setup) fills them in.
#
# What each generated External Credential needs:
#   OAuth client credentials   clientId, clientSecret
#   API key in a header        the parameter its header formula reads ({!$Credential.<EC>.ApiKey})
#   OAuth JWT bearer           nothing here: create or import the signing certificate it names in
#                              Setup > Certificate and Key Management
#   no authentication          nothing
#
# Values come from environment variables named <EXTERNAL_CREDENTIAL>_<PARAMETER>, such as
# ERP_API_AUTH_CLIENT_ID, ERP_API_AUTH_CLIENT_SECRET or CREDIT_API_AUTH_API_KEY, or are asked for
# when run in a terminal (typing is hidden). They go to the Connect REST API resource
# /services/data/vXX.X/named-credentials/credential (POST, or PUT when the principal already has
# values) in a request body file readable only by you and deleted afterwards; never on a command line.
# https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_resources_named_credential.htm
#
# The same by hand: Setup > Security > Named Credentials > External Credentials > <credential> >
# Principals > <principal> > Edit: Client ID and Client Secret (OAuth), or add an Authentication
# Parameter such as ApiKey (API key).
#
# Usage: scripts/org/set-credential-secrets.sh [-o target-org] [ExternalCredential...]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   ExternalCredential  developer names (default: every generated External Credential)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while getopts "o:h" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
api_version="$(node -p 'require("./sfdx-project.json").sourceApiVersion')"

credentials=()
if (($# > 0)); then
  credentials=("$@")
else
  while IFS= read -r name; do
    credentials+=("$name")
  done < <(generated_names externalCredentials .externalCredential-meta.xml)
fi
((${#credentials[@]} > 0)) || die "no External Credentials in $GENERATED/externalCredentials: run npm run build"

# Reads an External Credential file: protocol, variant, principal, then what the principal must hold
# as name:encrypted pairs, separated by | (not a tab: read would merge an empty variant away).
describe() {
  # shellcheck disable=SC2016 # $Credential is JavaScript text, not a shell variable
  node -e '
    const { XMLParser } = require("fast-xml-parser");
    const [file, name] = process.argv.slice(1);
    const root = new XMLParser().parse(require("fs").readFileSync(file, "utf8")).ExternalCredential;
    const params = [].concat(root.externalCredentialParameters ?? []);
    const protocol = root.authenticationProtocol;
    const variant = params.find((p) => p.parameterType === "AuthProtocolVariant")?.parameterValue ?? "";
    const principal = params.find((p) => p.parameterType === "NamedPrincipal")?.parameterName ?? "";
    let needs = [];
    if (protocol === "Oauth" && variant.startsWith("ClientCredentialsClientSecret")) needs = ["clientId:false", "clientSecret:true"];
    if (protocol === "Custom") {
      const formula = new RegExp("\\$Credential\\." + name + "\\.(\\w+)", "g");
      const read = params.filter((p) => p.parameterType === "AuthHeader").flatMap((p) => [...String(p.parameterValue).matchAll(formula)].map((m) => m[1]));
      needs = [...new Set(read)].map((parameter) => parameter + ":true");
    }
    console.log([protocol, variant, principal, ...needs].join("|"));
  ' "$1" "$2"
}

# clientSecret -> CLIENT_SECRET
env_part() {
  sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' <<<"$1" | tr '[:lower:]' '[:upper:]'
}

# value_of <variable> <prompt> <hidden>: the variable's value, else asks in a terminal.
value_of() {
  local variable="$1" prompt="$2" hidden="$3" value=""
  value="${!variable:-}"
  if [[ -z "$value" && -t 0 ]]; then
    if [[ "$hidden" == true ]]; then
      read -rsp "    $prompt: " value
      printf '\n' >&2
    else
      read -rp "    $prompt: " value
    fi
  fi
  printf '%s' "$value"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"
failed=0

for credential in "${credentials[@]}"; do
  file="$GENERATED/externalCredentials/$credential.externalCredential-meta.xml"
  [[ -f "$file" ]] || die "no $file"
  IFS='|' read -r -a described < <(describe "$file" "$credential")
  protocol="${described[0]}" variant="${described[1]}" principal="${described[2]}"
  needs=("${described[@]:3}")
  say "$credential: principal $principal ($protocol${variant:+ $variant})"
  if ((${#needs[@]} == 0)); then
    if [[ "$variant" == "JwtBearer" ]]; then
      printf '    nothing to set; the signing certificate it names must exist in Setup > Certificate and Key Management\n'
    else
      printf '    nothing to set\n'
    fi
    continue
  fi

  # Values travel to node through the environment, never through arguments.
  names=() missing=()
  for need in "${needs[@]}"; do
    parameter="${need%%:*}" encrypted="${need##*:}"
    variable="$(env_part "$credential")_$(env_part "$parameter")"
    value="$(value_of "$variable" "$parameter for $credential" "$encrypted")"
    if [[ -z "$value" ]]; then
      missing+=("$variable")
    else
      export "SWY_VALUE_$parameter=$value"
      names+=("$parameter:$encrypted")
    fi
  done
  if ((${#missing[@]} > 0)); then
    printf '    skipped: set %s (or run in a terminal to be asked)\n' "${missing[*]}"
    failed=1
    continue
  fi

  body="$work/$credential.json"
  (umask 077 && SWY_BODY="$body" node -e '
    const [externalCredential, principalName, protocol, variant, ...names] = process.argv.slice(1);
    const credentials = {};
    for (const entry of names) {
      const [name, encrypted] = entry.split(":");
      credentials[name] = { value: process.env["SWY_VALUE_" + name], encrypted: encrypted === "true" };
    }
    const body = {
      externalCredential,
      principalName,
      principalType: "NamedPrincipal",
      // The Connect API spells the protocol OAuth where metadata says Oauth.
      authenticationProtocol: protocol === "Oauth" ? "OAuth" : protocol,
      ...(protocol === "Oauth" && variant ? { authenticationProtocolVariant: variant } : {}),
      credentials,
    };
    require("fs").writeFileSync(process.env.SWY_BODY, JSON.stringify(body));
  ' "$credential" "$principal" "$protocol" "$variant" "${names[@]}")
  for entry in "${names[@]}"; do unset "SWY_VALUE_${entry%%:*}"; done

  url="/services/data/v$api_version/named-credentials/credential"
  printf '    $ sf api request rest %s --method POST --body @<request file>\n' "$url"
  if sf api request rest "$url" --method POST --body "@$body" >"$work/response" 2>&1; then
    printf '    set\n'
  else
    # The principal already has values: replace them.
    printf '    $ sf api request rest %s --method PUT --body @<request file>\n' "$url"
    if sf api request rest "$url" --method PUT --body "@$body" >"$work/response" 2>&1; then
      printf '    replaced\n'
    else
      printf '    failed:\n'
      sed 's/^/      /' "$work/response"
      failed=1
    fi
  fi
  rm -f "$body"
done

((failed == 0)) || die "some principals were not set (see above)"
say "Done. Next: scripts/org/create-circuit-rows.sh"
