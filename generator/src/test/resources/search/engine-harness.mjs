// Runs the site's browser search engine (assets/search.*.js) in Node on the site's own data files,
// for the Java parity tests. A fake HindsightSearch.load collects what the data scripts pass in; the
// engine's core (analysis, shard choice, decoding, BM25) does everything else, as in the browser.
//
// Usage: node engine-harness.mjs SITE_DIR < request.json
//   request: {"analyse": [text...], "queries": [text...], "limit": 10}
// Prints lines (tokens are letters and digits only, so spaces separate them safely):
//   analysed <i> <token> <token> ...
//   query <i> <total> <doc>:<score> ...        (the first `limit` hits, best first)
//   length <byte> <field length>                (BM25's LENGTH_TABLE)
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const site = process.argv[2];
const request = JSON.parse(fs.readFileSync(0, 'utf8'));
const store = new Map();
globalThis.HindsightSearch = {
  load(kind, key, data) {
    store.set(kind + '/' + key, data);
  }
};

const assets = path.join(site, 'assets');
const engines = fs.readdirSync(assets).filter((name) => /^search\.[0-9a-f]+\.js$/.test(name));
if (engines.length !== 1) {
  throw new Error('expected one search engine in ' + assets + ', found ' + engines);
}
vm.runInThisContext(fs.readFileSync(path.join(assets, engines[0]), 'utf8'), { filename: engines[0] });
const core = globalThis.HindsightSearch.core;

function loadData(file) {
  const full = path.join(site, 'search', file);
  vm.runInThisContext(fs.readFileSync(full, 'utf8'), { filename: full });
}

loadData('meta.js');
const meta = store.get('meta/0');
const out = [];

(request.analyse || []).forEach((text, i) => {
  out.push(['analysed', i].concat(core.analyse(text, meta)).join(' '));
});

const limit = request.limit || 10;
(request.queries || []).forEach((text, i) => {
  const terms = core.analyse(text, meta);
  const shards = new Set(terms.map((term) => core.shardOf(term, meta.termShards)));
  shards.forEach((shard) => {
    if (!store.has('terms/' + shard)) {
      loadData(core.termFile(meta, shard));
    }
  });
  const hits = core.rank(meta, terms, (term) => {
    const shard = store.get('terms/' + core.shardOf(term, meta.termShards));
    return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
  });
  out.push(['query', i, hits.length].concat(hits.slice(0, limit).map((hit) => hit.doc + ':' + hit.score)).join(' '));
});

if (request.lengths) {
  core.lengthTable.forEach((value, b) => out.push('length ' + b + ' ' + value));
}
process.stdout.write(out.join('\n') + '\n');
