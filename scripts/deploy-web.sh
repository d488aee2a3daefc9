#!/usr/bin/env bash
# Uploads the staff workspace to the stack's site bucket (after `npx cdk deploy`), with a config.json that makes it
# sign in with Cognito's hosted UI and, when the stage has introspection on (the GraphiqlUrl output), GraphiQL at
# /graphiql (removed when it is off), and refreshes CloudFront. Usage: npm run deploy:web -- [stack name]
set -euo pipefail
cd "$(dirname "$0")/.."
STACK="${1:-TeachingSchoolRegistry-dev}"
output() { aws cloudformation describe-stacks --stack-name "$STACK" --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text; }
BUCKET=$(output StaffWorkspaceBucket)
DISTRIBUTION=$(output StaffWorkspaceDistributionId)
REGION=$(output Region)
POOL=$(output UserPoolId)
CLIENT=$(output StaffClientId)
GRAPHIQL=$(output GraphiqlUrl)
npm run --silent build:web
aws s3 sync web/dist "s3://$BUCKET" --delete --exclude config.json --exclude graphiql
if [ -n "$GRAPHIQL" ] && [ "$GRAPHIQL" != None ]; then
  npm run --silent build:graphiql
  aws s3 cp dist/graphiql/index.html "s3://$BUCKET/graphiql" --content-type 'text/html; charset=utf-8' \
    --cache-control no-cache
else
  aws s3 rm "s3://$BUCKET/graphiql"
fi
printf '{"auth":"cognito","authority":"https://cognito-idp.%s.amazonaws.com/%s","clientId":"%s"}' "$REGION" "$POOL" "$CLIENT" |
  aws s3 cp - "s3://$BUCKET/config.json" --content-type application/json --cache-control no-store
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths /index.html /config.json /graphiql \
  >/dev/null
echo "Staff workspace: $(output StaffWorkspaceUrl)"
if [ -n "$GRAPHIQL" ] && [ "$GRAPHIQL" != None ]; then echo "GraphiQL: $GRAPHIQL"; fi
