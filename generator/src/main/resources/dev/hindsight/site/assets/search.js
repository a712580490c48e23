/*
 * Hindsight static search: the browser half of dev.hindsight.search. No server:
 * the data files are scripts calling HindsightSearch.load(kind, key, data),
 * loaded by <script> tags (fetch() of local files fails from file://).
 *
 * - analyse(): SearchAnalyzer's rules, written again: NFKC; runs of Han
 *   characters become overlapping bigrams (a lone one stays); runs of other
 *   letters and decimal digits are words (longer than maxWordLength code
 *   points: dropped); lower case per code point; stop words removed.
 * - rank(): Lucene's BM25Similarity (9.12) on IncidentSearch.plainQuery:
 *   every token in every field, weighted by the field's boost, repeated
 *   tokens merged by adding boosts (as BooleanQuery.rewrite does), float32
 *   arithmetic in Lucene's order, clause scores summed in double, ties to
 *   the lower document number.
 * - The page (#hs-search): results with marked snippets, filters by
 *   severity, year and service, '/' focuses the box, arrows move through
 *   results, Enter opens. State lives in the hash: #q=oom&severity=P1.
 *
 * Plain ES2017 plus Unicode property escapes; no dependencies; text is
 * inserted as text nodes only.
 */
(function (global) {
  'use strict';

  var api = global.HindsightSearch || (global.HindsightSearch = {});
  var store = Object.create(null);
  if (typeof api.load !== 'function') {
    // The data files call this; a test harness may bring its own.
    api.load = function (kind, key, data) {
      store[kind + '/' + key] = data;
    };
  }

  /* ------------------------------------------------------------ analysis */

  // A Han run, or a run of letters and digits that are not Han.
  var RUN_SOURCE = '(\\p{Script=Han}+)|((?:(?!\\p{Script=Han})[\\p{L}\\p{Nd}])+)';
  var ASCII = /^[\0-\x7f]*$/;

  /* Java's Character.toLowerCase, code point by code point: JavaScript's full
     case mapping differs only for U+0130 (and for a final sigma in context,
     which single code points never have). */
  function lowerCase(text) {
    if (ASCII.test(text)) {
      return text.toLowerCase();
    }
    var out = '';
    for (var ch of text) {
      out += ch === '\u0130' ? 'i' : ch.toLowerCase();
    }
    return out;
  }

  function codePoints(text) {
    return Array.from(text);
  }

  /* Calls emit(term, start, end) for every token of an NFKC text, in order,
     before lower-casing. */
  function tokenize(text, maxWordLength, emit) {
    var run = new RegExp(RUN_SOURCE, 'gu');
    var match;
    while ((match = run.exec(text)) !== null) {
      var start = match.index;
      if (match[1]) {
        var chars = codePoints(match[1]);
        if (chars.length === 1) {
          emit(match[1], start, start + match[1].length);
          continue;
        }
        var at = start;
        for (var i = 0; i + 1 < chars.length; i += 1) {
          var bigram = chars[i] + chars[i + 1];
          emit(bigram, at, at + bigram.length);
          at += chars[i].length;
        }
      } else if (codePoints(match[2]).length <= maxWordLength) {
        emit(match[2], start, start + match[2].length);
      }
    }
  }

  function stopSet(meta) {
    if (!meta.stopSet) {
      meta.stopSet = new Set(meta.stopWords);
    }
    return meta.stopSet;
  }

  /** The terms of a text, in order: exactly SearchAnalyzer's. */
  function analyse(text, meta) {
    var stop = stopSet(meta);
    var terms = [];
    tokenize(String(text).normalize('NFKC'), meta.maxWordLength, function (token) {
      var term = lowerCase(token);
      if (!stop.has(term)) {
        terms.push(term);
      }
    });
    return terms;
  }

  /* The tokens of a text with their places in the text as written (each code
     point normalised on its own, so places map back), for marking matches. */
  function spans(text, meta) {
    var normal = '';
    var starts = [];
    var ends = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      var folded = ch.normalize('NFKC');
      for (var j = 0; j < folded.length; j += 1) {
        starts.push(i);
        ends.push(i + ch.length);
      }
      normal += folded;
      i += ch.length;
    }
    var found = [];
    tokenize(normal, meta.maxWordLength, function (token, start, end) {
      found.push({ term: lowerCase(token), start: starts[start], end: ends[end - 1] });
    });
    return found;
  }

  /* --------------------------------------------------------------- files */

  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT_VALUE = new Int8Array(128).fill(-1);
  for (var digit = 0; digit < DIGITS.length; digit += 1) {
    DIGIT_VALUE[DIGITS.charCodeAt(digit)] = digit;
  }

  /* Numbers written by VarintText: base 32, low digits first, the last digit
     from the first half of DIGITS. */
  function NumberReader(text) {
    this.text = text;
    this.at = 0;
  }

  NumberReader.prototype.more = function () {
    return this.at < this.text.length;
  };

  NumberReader.prototype.next = function () {
    var value = 0;
    var scale = 1;
    for (;;) {
      var digit = DIGIT_VALUE[this.text.charCodeAt(this.at)];
      this.at += 1;
      if (!(digit >= 0)) {
        throw new Error('corrupt search data');
      }
      if (digit < 32) {
        return value + digit * scale;
      }
      value += (digit - 32) * scale;
      scale *= 32;
    }
  };

  /* A term's postings (StaticSearchExport.encodePostings): for each field,
     each(field, docs, freqs, norms). */
  function decodePostings(text, each) {
    var reader = new NumberReader(text);
    while (reader.more()) {
      var field = reader.next();
      var docFreq = reader.next();
      var docs = new Int32Array(docFreq);
      var freqs = new Int32Array(docFreq);
      var norms = new Uint8Array(docFreq);
      var doc = -1;
      for (var i = 0; i < docFreq; i += 1) {
        var gap = reader.next();
        doc += Math.floor(gap / 2) + 1;
        docs[i] = doc;
        freqs[i] = gap % 2 === 1 ? reader.next() + 2 : 1;
        norms[i] = reader.next();
      }
      each(field, docs, freqs, norms);
    }
  }

  /* A facet value's documents (gaps minus one). */
  function decodeDocs(text) {
    var reader = new NumberReader(text);
    var docs = new Set();
    var doc = -1;
    while (reader.more()) {
      doc += reader.next() + 1;
      docs.add(doc);
    }
    return docs;
  }

  /* FNV-1a (32 bits) of the UTF-8 bytes, modulo the shard count. */
  var encoder = new TextEncoder();
  function shardOf(term, shards) {
    var bytes = encoder.encode(term);
    var hash = 0x811c9dc5 | 0;
    for (var i = 0; i < bytes.length; i += 1) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % shards;
  }

  function fileNumber(n, count) {
    var text = String(n);
    var width = String(Math.max(0, count - 1)).length;
    while (text.length < width) {
      text = '0' + text;
    }
    return text;
  }

  function termFile(meta, shard) {
    return 'terms/' + fileNumber(shard, meta.termShards) + '.js';
  }

  function docFile(meta, chunk) {
    return 'docs/' + fileNumber(chunk, meta.docChunks) + '.js';
  }

  function facetFile(kind) {
    return 'facets/' + kind + '.js';
  }

  /* ---------------------------------------------------------------- BM25 */

  var f32 = Math.fround;

  /* org.apache.lucene.util.SmallFloat */
  function longToInt4(value) {
    var numBits = value === 0 ? 0 : Math.floor(Math.log2(value)) + 1;
    if (numBits < 4) {
      return value;
    }
    var shift = numBits - 4;
    return (Math.floor(value / Math.pow(2, shift)) & 0x07) | ((shift + 1) << 3);
  }

  var MAX_INT4 = longToInt4(2147483647);
  var NUM_FREE_VALUES = 255 - MAX_INT4;

  function int4ToLong(i) {
    var bits = i & 0x07;
    var shift = (i >>> 3) - 1;
    return shift === -1 ? bits : (bits | 0x08) * Math.pow(2, shift);
  }

  function byte4ToInt(b) {
    if (b < NUM_FREE_VALUES) {
      return b;
    }
    return Math.min(NUM_FREE_VALUES + int4ToLong(b - NUM_FREE_VALUES), 2147483647);
  }

  /* BM25Similarity.LENGTH_TABLE: the field length a norm byte stands for. */
  var LENGTH_TABLE = new Float32Array(256);
  for (var norm = 0; norm < 256; norm += 1) {
    LENGTH_TABLE[norm] = byte4ToInt(norm);
  }

  /* BM25Similarity.scorer's cache: 1 / (k1 * ((1 - b) + b * dl / avgdl)). */
  function normCache(field, k1, b) {
    var avgdl = f32(field.sumTotalTermFreq / field.docCount);
    var cache = new Float32Array(256);
    for (var i = 0; i < 256; i += 1) {
      cache[i] = f32(1 / f32(k1 * f32(f32(1 - b) + f32(f32(b * LENGTH_TABLE[i]) / avgdl))));
    }
    return cache;
  }

  /**
   * Every matching document with its score, best first: IndexSearcher on
   * IncidentSearch.plainQuery. postingsOf(term) gives the term's encoded
   * postings, or undefined.
   */
  function rank(meta, terms, postingsOf) {
    var k1 = f32(meta.k1);
    var b = f32(meta.b);
    var counts = new Map();
    terms.forEach(function (term) {
      counts.set(term, (counts.get(term) || 0) + 1);
    });
    var caches = [];
    var sums = new Map();
    counts.forEach(function (count, term) {
      var postings = postingsOf(term);
      if (!postings) {
        return;
      }
      decodePostings(postings, function (fieldNumber, docs, freqs, norms) {
        var field = meta.fields[fieldNumber];
        // Repeated clauses become one whose boost is their sum (in double, then float).
        var boost = f32(count * f32(field.boost));
        var docFreq = docs.length;
        var idf = f32(Math.log(1 + (field.docCount - docFreq + 0.5) / (docFreq + 0.5)));
        var weight = f32(boost * idf);
        var cache = caches[fieldNumber] || (caches[fieldNumber] = normCache(field, k1, b));
        for (var i = 0; i < docs.length; i += 1) {
          var score = f32(weight - f32(weight / f32(1 + f32(freqs[i] * cache[norms[i]]))));
          sums.set(docs[i], (sums.get(docs[i]) || 0) + score);
        }
      });
    });
    var hits = [];
    sums.forEach(function (sum, doc) {
      hits.push({ doc: doc, score: f32(sum) });
    });
    hits.sort(function (x, y) {
      return y.score - x.score || x.doc - y.doc;
    });
    return hits;
  }

  /* ------------------------------------------------------------ snippets */

  var SNIPPET_LEAD = 60;
  var SNIPPET_LENGTH = 240;

  /* The text as parts [{text, mark}], the query's terms marked; overlapping
     Han bigrams make one mark. */
  function markParts(text, wanted, meta) {
    var marks = [];
    spans(text, meta).forEach(function (span) {
      if (!wanted.has(span.term)) {
        return;
      }
      var last = marks[marks.length - 1];
      if (last && span.start < last.end) {
        last.end = Math.max(last.end, span.end);
      } else {
        marks.push({ start: span.start, end: span.end });
      }
    });
    var parts = [];
    var at = 0;
    marks.forEach(function (mark) {
      if (mark.start > at) {
        parts.push({ text: text.slice(at, mark.start), mark: false });
      }
      parts.push({ text: text.slice(mark.start, mark.end), mark: true });
      at = mark.end;
    });
    if (at < text.length) {
      parts.push({ text: text.slice(at), mark: false });
    }
    return parts;
  }

  function safeCut(text, index) {
    var code = text.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff ? index + 1 : index;
  }

  /* A window of about SNIPPET_LENGTH characters around the first mark. */
  function snippetParts(text, wanted, meta) {
    var parts = markParts(text, wanted, meta);
    var first = 0;
    var firstMark = -1;
    parts.some(function (part) {
      if (part.mark) {
        firstMark = first;
        return true;
      }
      first += part.text.length;
      return false;
    });
    var from = 0;
    if (firstMark > SNIPPET_LEAD) {
      from = firstMark - SNIPPET_LEAD;
      var space = text.slice(from, firstMark).search(/\s/);
      from = safeCut(text, space >= 0 ? from + space + 1 : from);
    }
    var to = Math.min(text.length, safeCut(text, from + SNIPPET_LENGTH));
    var out = [];
    var position = 0;
    parts.forEach(function (part) {
      var start = Math.max(from, position);
      var end = Math.min(to, position + part.text.length);
      if (start < end) {
        out.push({ text: part.text.slice(start - position, end - position), mark: part.mark });
      }
      position += part.text.length;
    });
    if (from > 0) {
      out.unshift({ text: '…', mark: false });
    }
    if (to < text.length) {
      out.push({ text: '…', mark: false });
    }
    return out;
  }

  api.core = {
    analyse: analyse,
    spans: spans,
    shardOf: shardOf,
    termFile: termFile,
    docFile: docFile,
    facetFile: facetFile,
    decodePostings: decodePostings,
    decodeDocs: decodeDocs,
    lengthTable: LENGTH_TABLE,
    rank: rank,
    markParts: markParts,
    snippetParts: snippetParts
  };

  /* ---------------------------------------------------------------- page */

  if (typeof document === 'undefined') {
    return;
  }

  var PAGE_SIZE = 10;
  var FILTERS = ['severity', 'year', 'service'];

  var loading = Object.create(null);

  /* Loads a data script once; resolves with what it passed to load(). */
  function loadData(url, kind, key) {
    var id = kind + '/' + key;
    if (id in store) {
      return Promise.resolve(store[id]);
    }
    if (!loading[id]) {
      loading[id] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = url;
        script.async = true;
        script.onload = function () {
          script.remove();
          if (id in store) {
            resolve(store[id]);
          } else {
            delete loading[id];
            reject(new Error('no search data in ' + url));
          }
        };
        script.onerror = function () {
          script.remove();
          delete loading[id];
          reject(new Error('cannot load ' + url));
        };
        document.head.appendChild(script);
      });
    }
    return loading[id];
  }

  function format(template, values) {
    return (template || '').replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? String(values[name]) : all;
    });
  }

  function SearchPage(root) {
    this.root = root;
    this.form = root.querySelector('form.search-form');
    this.input = this.form.elements.namedItem('q');
    this.filters = root.querySelector('.search-filters');
    this.status = root.querySelector('.search-status');
    this.list = root.querySelector('.search-results');
    this.more = root.querySelector('.search-more');
    this.base = root.getAttribute('data-base') || '';
    this.siteRoot = root.getAttribute('data-root') || '';
    this.meta = null;
    this.hits = [];
    this.filtered = [];
    this.shown = 0;
    this.terms = new Set();
    this.generation = 0;
    this.lastWritten = null;
    this.facets = Object.create(null);
    /* Under `hindsight serve` the page is told where the Lucene index answers; a static site has no such meta. */
    var api = document.querySelector('meta[name="hindsight-search-api"]');
    this.api = api ? api.getAttribute('content') : null;
  }

  SearchPage.prototype.text = function (name) {
    return this.root.getAttribute('data-text-' + name) || '';
  };

  SearchPage.prototype.url = function (file) {
    return this.base + file + '?v=' + encodeURIComponent(this.meta.version);
  };

  SearchPage.prototype.start = function () {
    var page = this;
    this.form.addEventListener('submit', function (event) {
      event.preventDefault();
      page.run(true);
    });
    this.input.addEventListener('input', function () {
      clearTimeout(page.typing);
      page.typing = setTimeout(function () {
        page.run(true);
      }, 120);
    });
    if (this.filters) {
      this.filters.hidden = false;
      this.filters.addEventListener('change', function () {
        page.run(true);
      });
    }
    this.more.addEventListener('click', function () {
      page.showMore(true);
    });
    this.input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        page.focusResult(0);
      }
    });
    this.list.addEventListener('keydown', function (event) {
      var links = page.resultLinks();
      var index = links.indexOf(document.activeElement);
      if (index < 0) {
        return;
      }
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (index + 1 < links.length) {
          page.focusResult(index + 1);
        } else if (!page.more.hidden) {
          page.showMore(false).then(function () {
            page.focusResult(index + 1);
          });
        }
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        if (index > 0) {
          page.focusResult(index - 1);
        } else {
          page.input.focus();
        }
      }
    });
    document.addEventListener('keydown', function (event) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) {
        return;
      }
      event.preventDefault();
      page.input.focus();
      page.input.select();
    });
    window.addEventListener('hashchange', function () {
      if (location.hash.replace(/^#/, '') !== page.lastWritten) {
        page.restore(readState());
        page.run(false);
      }
    });

    this.restore(initialState());
    this.setStatus(this.text('loading'));
    var metaUrl = this.root.getAttribute('data-meta');
    return loadData(metaUrl, 'meta', 0).then(function (meta) {
      page.meta = meta;
      page.root.classList.add('search-ready');
      return page.run(false);
    }).catch(function (error) {
      page.fail(error);
    });
  };

  function editable(element) {
    if (!element || !element.tagName) {
      return false;
    }
    var tag = element.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
  }

  function readState() {
    var state = {};
    var raw = location.hash.replace(/^#/, '');
    if (raw.indexOf('=') < 0) {
      return state;
    }
    try {
      var params = new URLSearchParams(raw);
      ['q'].concat(FILTERS).forEach(function (key) {
        var value = params.get(key);
        if (value !== null) {
          state[key] = value;
        }
      });
    } catch (e) {
      return {};
    }
    return state;
  }

  /* The hash wins (it is this page's own state); else ?q= from the home page. */
  function initialState() {
    var state = readState();
    if (Object.keys(state).length === 0) {
      try {
        var query = new URLSearchParams(location.search).get('q');
        if (query) {
          state.q = query;
        }
      } catch (e) {
        return {};
      }
    }
    return state;
  }

  SearchPage.prototype.control = function (name) {
    return this.filters ? this.filters.querySelector('[name="' + name + '"]') : null;
  };

  SearchPage.prototype.restore = function (state) {
    this.input.value = state.q || '';
    FILTERS.forEach(function (name) {
      var select = this.control(name);
      if (select) {
        select.value = state[name] || '';
        if (select.selectedIndex < 0) {
          select.selectedIndex = 0;
        }
      }
    }, this);
  };

  SearchPage.prototype.state = function () {
    var state = { q: this.input.value };
    FILTERS.forEach(function (name) {
      var select = this.control(name);
      if (select && select.value) {
        state[name] = select.value;
      }
    }, this);
    return state;
  };

  SearchPage.prototype.saveState = function (state) {
    var params = new URLSearchParams();
    ['q'].concat(FILTERS).forEach(function (key) {
      if (state[key]) {
        params.append(key, state[key]);
      }
    });
    var text = params.toString();
    if (text === location.hash.replace(/^#/, '')) {
      return;
    }
    this.lastWritten = text;
    try {
      history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
    } catch (e) {
      location.hash = text;
    }
  };

  SearchPage.prototype.setStatus = function (text) {
    this.status.textContent = text;
  };

  SearchPage.prototype.fail = function (error) {
    this.list.removeAttribute('aria-busy');
    this.root.classList.add('search-failed');
    var fallback = this.root.querySelector('.search-fallback');
    if (fallback) {
      fallback.hidden = false;
    }
    this.setStatus(this.text('error'));
    if (global.console && error) {
      global.console.warn('Hindsight search: ' + error.message);
    }
  };

  /* Runs the query in the box with the chosen filters. */
  SearchPage.prototype.run = function (save) {
    if (!this.meta) {
      return Promise.resolve();
    }
    var page = this;
    var state = this.state();
    if (save) {
      this.saveState(state);
    }
    var generation = ++this.generation;
    var meta = this.meta;
    var terms = analyse(state.q, meta);
    if (terms.length === 0) {
      this.hits = [];
      this.filtered = [];
      this.terms = new Set();
      this.list.textContent = '';
      this.more.hidden = true;
      this.setStatus(state.q.trim() ? this.text('none') : '');
      return Promise.resolve();
    }
    this.list.setAttribute('aria-busy', 'true');
    var ranked;
    if (this.api) {
      ranked = this.askServer(state.q);
    } else {
      var shards = new Set(terms.map(function (term) {
        return shardOf(term, meta.termShards);
      }));
      var loads = Array.from(shards).map(function (shard) {
        return loadData(page.url(termFile(meta, shard)), 'terms', shard);
      });
      ranked = Promise.all(loads).then(function () {
        return rank(meta, terms, function (term) {
          var shard = store['terms/' + shardOf(term, meta.termShards)];
          return shard && Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : undefined;
        });
      });
    }
    var active = FILTERS.filter(function (name) {
      return state[name];
    });
    var facets = active.map(function (name) {
      return page.facet(name);
    });
    return Promise.all([ranked].concat(facets)).then(function (results) {
      if (generation !== page.generation) {
        return null;
      }
      var hits = results[0];
      page.hits = hits;
      page.filtered = hits.filter(function (hit) {
        return active.every(function (name) {
          var docs = page.facets[name][state[name]];
          return docs ? docs.has(hit.doc) : false;
        });
      });
      page.terms = new Set(terms);
      page.shown = 0;
      page.list.textContent = '';
      return page.showMore(false, generation);
    }).catch(function (error) {
      if (generation === page.generation) {
        page.fail(error);
      }
    });
  };

  /* The preview server's Lucene ranking, as the static engine's hits: document numbers and scores. */
  SearchPage.prototype.askServer = function (query) {
    var url = this.api + '?limit=1000&q=' + encodeURIComponent(query);
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error('search API answered ' + response.status);
      }
      return response.json();
    }).then(function (answer) {
      return answer.hits.map(function (hit) {
        return { doc: hit.doc, score: hit.score };
      });
    });
  };

  /* The documents of every value of a filter, decoded on first use. */
  SearchPage.prototype.facet = function (name) {
    var page = this;
    if (this.facets[name]) {
      return Promise.resolve(this.facets[name]);
    }
    return loadData(this.url(facetFile(name)), 'facets', name).then(function (data) {
      var values = Object.create(null);
      Object.keys(data).forEach(function (value) {
        values[value] = decodeDocs(data[value]);
      });
      page.facets[name] = values;
      return values;
    });
  };

  /* Renders the next PAGE_SIZE results, loading their documents' chunks. */
  SearchPage.prototype.showMore = function (focusFirstNew, generation) {
    var page = this;
    var meta = this.meta;
    var current = generation || this.generation;
    var next = this.filtered.slice(this.shown, this.shown + PAGE_SIZE);
    var chunks = new Set(next.map(function (hit) {
      return Math.floor(hit.doc / meta.docsPerChunk);
    }));
    this.list.setAttribute('aria-busy', 'true');
    return Promise.all(Array.from(chunks).map(function (chunk) {
      return loadData(page.url(docFile(meta, chunk)), 'docs', chunk);
    })).then(function () {
      if (current !== page.generation) {
        return;
      }
      var first = page.shown;
      next.forEach(function (hit) {
        var chunk = store['docs/' + Math.floor(hit.doc / meta.docsPerChunk)];
        page.list.appendChild(page.result(chunk[hit.doc % meta.docsPerChunk], page.shown));
        page.shown += 1;
      });
      page.list.removeAttribute('aria-busy');
      page.more.hidden = page.shown >= page.filtered.length;
      var total = page.filtered.length;
      page.setStatus(total === 0 ? page.text('none')
        : format(page.text(total === 1 ? 'count-one' : 'count'), { count: total }));
      if (focusFirstNew && first < page.shown) {
        page.focusResult(first);
      }
    }).catch(function (error) {
      if (current === page.generation) {
        page.fail(error);
      }
    });
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function appendParts(parent, parts) {
    parts.forEach(function (part) {
      parent.appendChild(part.mark ? element('mark', null, part.text) : document.createTextNode(part.text));
    });
  }

  SearchPage.prototype.result = function (doc, index) {
    var item = element('li', 'search-result');
    item.id = 'hs-result-' + index;
    var heading = element('h2', 'search-result-title');
    var link = element('a');
    link.href = this.siteRoot + doc.page;
    appendParts(link, markParts(doc.title, this.terms, this.meta));
    heading.appendChild(link);
    item.appendChild(heading);

    var facts = element('p', 'search-result-meta');
    facts.appendChild(element('span', 'badge sev sev-' + doc.severity.toLowerCase(), doc.severity));
    facts.appendChild(document.createTextNode(' '));
    var time = element('time', null, doc.started);
    time.setAttribute('datetime', doc.started);
    facts.appendChild(time);
    if (doc.services.length) {
      facts.appendChild(document.createTextNode(' · '));
      facts.appendChild(element('span', 'search-result-services', doc.services.join(', ')));
    }
    facts.appendChild(document.createTextNode(' · '));
    facts.appendChild(element('span', 'muted', doc.id));
    item.appendChild(facts);

    if (doc.summary) {
      var snippet = element('p', 'search-result-snippet');
      appendParts(snippet, snippetParts(doc.summary, this.terms, this.meta));
      item.appendChild(snippet);
    }
    return item;
  };

  SearchPage.prototype.resultLinks = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll('.search-result-title a'));
  };

  SearchPage.prototype.focusResult = function (index) {
    var links = this.resultLinks();
    if (links[index]) {
      links[index].focus();
    }
  };

  function init() {
    var root = document.getElementById('hs-search');
    if (root && root.getAttribute('data-meta')) {
      new SearchPage(root).start();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})(typeof globalThis !== 'undefined' ? globalThis : window);
