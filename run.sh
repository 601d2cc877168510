#!/usr/bin/env bash
# The one run command: installs the pinned Node tools (Azurite), builds, and runs `alerts demo` —
# Azurite, sample feeds releasing an invented scenario, signed-webhook and Slack-compatible
# receivers, and the local Functions host. Alerts print as they fire; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
dotnet build Alerts.sln -c Release --nologo -v quiet
exec dotnet functions/Alerts.Cli/bin/Release/net10.0/alerts.dll demo "$@"
