// Lists personal access tokens with Linode's official JavaScript SDK (@linode/api-v4), the way
// its users page: one page after another ("sequential"), or page 1 and then every other page at
// once ("all-at-once", what Promise.all over the SDK's page calls gives).
//
//   node sdk-list.cjs <baseUrl> <token> <sequential|all-at-once> <pageSize> <runs>
//
// Prints one JSON line per run: {"mode":…,"rows":…,"pages":…,"ms":…}; "ms" is the listing
// itself (first request to last page decoded), the process start being measured by the caller.
'use strict';
const { baseRequest, setToken, getPersonalAccessTokens } = require('@linode/api-v4');

async function sequential(pageSize) {
  let rows = 0;
  let pages = 1;
  for (let page = 1; page <= pages; page++) {
    const result = await getPersonalAccessTokens({ page, page_size: pageSize });
    rows += result.data.length;
    pages = result.pages;
  }
  return { rows, pages };
}

async function allAtOnce(pageSize) {
  const first = await getPersonalAccessTokens({ page: 1, page_size: pageSize });
  const rest = [];
  for (let page = 2; page <= first.pages; page++) {
    rest.push(getPersonalAccessTokens({ page, page_size: pageSize }));
  }
  let rows = first.data.length;
  for (const result of await Promise.all(rest)) {
    rows += result.data.length;
  }
  return { rows, pages: first.pages };
}

async function main() {
  const [baseUrl, token, mode, pageSize, runs] = process.argv.slice(2);
  if (!baseUrl || !token || !['sequential', 'all-at-once'].includes(mode)) {
    console.error('usage: node sdk-list.cjs <baseUrl> <token> <sequential|all-at-once>'
      + ' <pageSize> <runs>');
    process.exit(2);
  }
  // The SDK writes absolute URLs under its public API root: point them at the fake API.
  baseRequest.interceptors.request.use((config) => {
    config.url = String(config.url).replace(/^https:\/\/api\.linode\.com\/v4/, baseUrl);
    return config;
  });
  setToken(token);
  const list = mode === 'sequential' ? sequential : allAtOnce;
  for (let i = 0; i < Number(runs || 1); i++) {
    const start = process.hrtime.bigint();
    const { rows, pages } = await list(Number(pageSize || 500));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(JSON.stringify({ mode, rows, pages, ms }));
  }
}

main().catch((e) => {
  console.error(String(e && e.message ? e.message : e));
  process.exit(1);
});
