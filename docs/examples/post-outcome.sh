#!/usr/bin/env bash
# Records an outcome on a referral the way a council case system would: POST /api/referrals/{ref}/outcome,
# signed with HMAC-SHA256 over "timestamp.body". Usage:
#   docs/examples/post-outcome.sh FD-2026-000001 strategy-discussion "Strategy discussion held; a social worker will visit today."
# BOT_URL defaults to the local bot; SECRET defaults to the local outcome API secret that `npm start` made.
set -euo pipefail
REFERENCE=$1 OUTCOME=$2 NOTE=$3
BOT_URL=${BOT_URL:-http://127.0.0.1:3978}
SECRET=${SECRET:-$(cat "${DATA_DIR:-data}/outcome-api.secret")}
EVENT_ID=${EVENT_ID:-case-system-$(date +%s%N)}

BODY=$(printf '{"eventId":"%s","outcome":"%s","note":"%s"}' "$EVENT_ID" "$OUTCOME" "$NOTE")
TIMESTAMP=$(date +%s)
SIGNATURE=$(printf '%s.%s' "$TIMESTAMP" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')

curl -sS -X POST "$BOT_URL/api/referrals/$REFERENCE/outcome" \
  -H 'content-type: application/json' \
  -H "x-safeguarding-timestamp: $TIMESTAMP" \
  -H "x-safeguarding-signature: sha256=$SIGNATURE" \
  -d "$BODY"
echo
