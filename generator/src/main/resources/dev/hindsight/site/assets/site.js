/*
 * Hindsight default theme: progressive enhancement for every page.
 *
 * - table[data-sortable]: header buttons sort the rows (aria-sort on the th).
 * - form.filters[data-filter-for=ID]: shows the form, filters the rows of table#ID.
 *   Each select matches one data attribute of the rows (FILTERS below); a list
 *   attribute holds space-separated values, any of which may match. The free
 *   text matches the row's cells and its data-text (what the row does not show).
 * - Filter and sort state of the page's main table live in location.hash,
 *   e.g. #severity=P1&q=oom&sort=2&dir=desc (sort is the zero-based column).
 *
 * - a.skip-link: moves the focus (not only the scroll position) to its target.
 * - pre and .table-scroll boxes that overflow get tabindex=0, so that keyboard
 *   users can scroll them too (and lose it again when the box stops overflowing).
 *
 * Plain ES2017, no dependencies, no inline styles, nothing printed.
 */
(function () {
  'use strict';

  // filter name -> the row attribute it matches; the free-text 'q' matches the row's text (rowText)
  var FILTERS = {
    severity: { attribute: 'data-severity' },
    service: { attribute: 'data-services', list: true },
    tag: { attribute: 'data-tags', list: true },
    year: { attribute: 'data-year' },
    status: { attribute: 'data-status' },
    priority: { attribute: 'data-priority' },
    owner: { attribute: 'data-owner' },
    overdue: { attribute: 'data-overdue' }
  };
  var FILTER_KEYS = Object.keys(FILTERS).concat(['q']);
  var STATE_KEYS = FILTER_KEYS.concat(['sort', 'dir']);

  function makeCollator() {
    var lang = document.documentElement.getAttribute('lang') || undefined;
    var options = { numeric: true, sensitivity: 'base' };
    try {
      return new Intl.Collator(lang, options);
    } catch (e) {
      return new Intl.Collator(undefined, options);
    }
  }

  var collator = makeCollator();

  // the last hash this script wrote itself, so its own hashchange is ignored
  var lastWritten = null;

  /* ---------------------------------------------------------------- hash */

  function readHash() {
    var raw = location.hash.replace(/^#/, '');
    var state = {};
    var known = false;
    if (raw.indexOf('=') < 0) {
      return { known: raw === '', state: state };
    }
    var params;
    try {
      params = new URLSearchParams(raw);
    } catch (e) {
      return { known: false, state: state };
    }
    STATE_KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value !== null) {
        state[key] = value;
        known = true;
      }
    });
    return { known: known, state: state };
  }

  function writeHash(state) {
    var params = new URLSearchParams();
    STATE_KEYS.forEach(function (key) {
      if (state[key]) {
        params.append(key, state[key]);
      }
    });
    var text = params.toString();
    var current = location.hash.replace(/^#/, '');
    if (text === current) {
      return;
    }
    lastWritten = text;
    try {
      var url = text ? '#' + text : location.pathname + location.search;
      history.replaceState(null, '', url);
    } catch (e) {
      location.hash = text;
    }
  }

  /* ------------------------------------------------------------- sorting */

  function cellKey(row, column) {
    var cell = row.cells[column];
    if (!cell) {
      return '';
    }
    var value = cell.getAttribute('data-value');
    if (value === null) {
      value = cell.textContent;
    }
    return value.trim();
  }

  function comparerFor(type) {
    if (type === 'number') {
      return function (a, b) {
        return a - b;
      };
    }
    if (type === 'date') {
      return function (a, b) {
        return a - b;
      };
    }
    return function (a, b) {
      return collator.compare(a, b);
    };
  }

  function parseKey(type, text) {
    if (text === '') {
      return null;
    }
    if (type === 'number') {
      var n = parseFloat(text.replace(/[\s,\u00a0]/g, ''));
      return isNaN(n) ? null : n;
    }
    if (type === 'date') {
      // ISO date-times keep their own offset (+08:00, +01:00), so their text
      // does not sort in time order: compare the instants.
      var time = Date.parse(text);
      return isNaN(time) ? null : time;
    }
    return text;
  }

  function SortableTable(table) {
    this.table = table;
    this.headers = [];
    this.column = -1;
    this.direction = 'asc';
    this.onChange = null;
    this.order = new WeakMap();

    var body = table.tBodies[0];
    if (body) {
      Array.prototype.forEach.call(body.rows, function (row, index) {
        this.order.set(row, index);
      }, this);
    }

    var head = table.tHead;
    var headRow = head && head.rows[head.rows.length - 1];
    if (!headRow) {
      return;
    }
    Array.prototype.forEach.call(headRow.cells, function (th, index) {
      if (!th.hasAttribute('data-sort')) {
        return;
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener('click', function () {
        var direction = this.column === index && this.direction === 'asc' ? 'desc' : 'asc';
        this.sort(index, direction);
        if (this.onChange) {
          this.onChange();
        }
      }.bind(this));
      this.headers[index] = th;
    }, this);
  }

  SortableTable.prototype.sortable = function (column) {
    return Boolean(this.headers[column]);
  };

  SortableTable.prototype.sort = function (column, direction) {
    var body = this.table.tBodies[0];
    if (!body || !this.sortable(column)) {
      return;
    }
    var type = this.headers[column].getAttribute('data-sort');
    var compare = comparerFor(type);
    var sign = direction === 'desc' ? -1 : 1;
    var order = this.order;
    var rows = Array.prototype.map.call(body.rows, function (row) {
      return { row: row, key: parseKey(type, cellKey(row, column)), index: order.has(row) ? order.get(row) : 0 };
    });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        if (a.key === null && b.key === null) {
          return a.index - b.index;
        }
        return a.key === null ? 1 : -1;
      }
      var result = compare(a.key, b.key) * sign;
      return result !== 0 ? result : a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (item) {
      fragment.appendChild(item.row);
    });
    body.appendChild(fragment);

    this.column = column;
    this.direction = direction === 'desc' ? 'desc' : 'asc';
    this.headers.forEach(function (th, index) {
      if (!th) {
        return;
      }
      if (index === column) {
        th.setAttribute('aria-sort', this.direction === 'desc' ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    }, this);
  };

  SortableTable.prototype.reset = function () {
    var body = this.table.tBodies[0];
    if (!body || this.column < 0) {
      return;
    }
    var order = this.order;
    var rows = Array.prototype.slice.call(body.rows).sort(function (a, b) {
      return (order.get(a) || 0) - (order.get(b) || 0);
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) {
      fragment.appendChild(row);
    });
    body.appendChild(fragment);
    this.column = -1;
    this.direction = 'asc';
    this.headers.forEach(function (th) {
      if (th) {
        th.removeAttribute('aria-sort');
      }
    });
  };

  /* ----------------------------------------------------------- filtering */

  function tokens(text) {
    return (text || '').toLowerCase().split(/\s+/).filter(Boolean);
  }

  function FilterForm(form, table) {
    this.form = form;
    this.table = table;
    this.onChange = null;
    this.count = form.querySelector('.filter-count');

    form.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('.no-js-browse'), function (element) {
      element.hidden = true;
    });

    var changed = function () {
      this.apply();
      if (this.onChange) {
        this.onChange();
      }
    }.bind(this);
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      changed();
    });
    form.addEventListener('reset', function (event) {
      event.preventDefault();
      this.setValues({});
      changed();
    }.bind(this));
  }

  FilterForm.prototype.control = function (name) {
    var control = this.form.elements.namedItem(name);
    return control && typeof control.value === 'string' ? control : null;
  };

  FilterForm.prototype.values = function () {
    var values = {};
    FILTER_KEYS.forEach(function (key) {
      var control = this.control(key);
      if (control && control.value.trim() !== '') {
        values[key] = key === 'q' ? control.value : control.value.trim();
      }
    }, this);
    return values;
  };

  FilterForm.prototype.setValues = function (values) {
    FILTER_KEYS.forEach(function (key) {
      var control = this.control(key);
      if (control) {
        control.value = values[key] || '';
        if (control.tagName === 'SELECT' && control.selectedIndex < 0) {
          control.selectedIndex = 0;
        }
      }
    }, this);
  };

  FilterForm.prototype.apply = function () {
    var body = this.table.tBodies[0];
    if (!body) {
      return;
    }
    var values = this.values();
    var terms = tokens(values.q);
    var total = 0;
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      total += 1;
      var visible = matches(row, values, terms);
      row.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    if (this.count) {
      var template = this.count.getAttribute('data-count-template') || '{shown} of {total} shown';
      this.count.textContent = template
        .replace(/\{shown\}/g, String(shown))
        .replace(/\{total\}/g, String(total));
    }
  };

  function attr(row, name) {
    return row.getAttribute(name) || '';
  }

  // What the free text matches: the text of the row's cells, and data-text for what the row does not show
  // (an incident's tags, owner and summary). Worked out once per row: rows do not change, only their order.
  var rowTexts = new WeakMap();

  function rowText(row) {
    var text = rowTexts.get(row);
    if (text === undefined) {
      var parts = Array.prototype.map.call(row.cells, function (cell) {
        return cell.textContent;
      });
      parts.push(attr(row, 'data-text'));
      text = parts.join(' ').toLowerCase();
      rowTexts.set(row, text);
    }
    return text;
  }

  function matches(row, values, terms) {
    var names = Object.keys(FILTERS);
    for (var n = 0; n < names.length; n += 1) {
      var wanted = values[names[n]];
      if (wanted) {
        var filter = FILTERS[names[n]];
        var value = attr(row, filter.attribute);
        if (filter.list ? value.split(/\s+/).indexOf(wanted) < 0 : value !== wanted) {
          return false;
        }
      }
    }
    if (terms.length) {
      var text = rowText(row);
      for (var i = 0; i < terms.length; i += 1) {
        if (text.indexOf(terms[i]) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /* ----------------------------------------------------- keyboard access */

  // Following the link alone only moves the scroll position and the starting point
  // of sequential focus; screen readers and the next Tab then do not agree on where
  // the reader is, so the target takes the focus itself (tabindex -1 lets it).
  function initSkipLinks() {
    Array.prototype.forEach.call(document.querySelectorAll('a.skip-link[href^="#"]'), function (link) {
      link.addEventListener('click', function (event) {
        var target = document.getElementById(link.getAttribute('href').slice(1));
        if (!target) {
          return;
        }
        event.preventDefault();
        if (!target.hasAttribute('tabindex')) {
          target.setAttribute('tabindex', '-1');
        }
        target.focus();
      });
    });
  }

  // A box that scrolls but holds nothing focusable cannot be scrolled without a
  // mouse; only boxes that overflow right now become tab stops, so a wide screen
  // gets no needless ones. data-hs-scroll marks the tabindex this script set.
  var SCROLLERS = 'pre, .table-scroll';

  function updateScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(SCROLLERS), function (box) {
      var overflows = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
      if (overflows && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-hs-scroll', '');
      } else if (!overflows && box.hasAttribute('data-hs-scroll')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-hs-scroll');
      }
    });
  }

  function initKeyboardAccess() {
    initSkipLinks();
    updateScrollers();
    var pending = 0;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(updateScrollers, 100);
    });
  }

  /* --------------------------------------------------------------- setup */

  function init() {
    initKeyboardAccess();
    var sortables = new Map();
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
      sortables.set(table, new SortableTable(table));
    });

    var filter = null;
    var form = document.querySelector('form.filters[data-filter-for]');
    if (form) {
      var target = document.getElementById(form.getAttribute('data-filter-for'));
      if (target && target.tagName === 'TABLE') {
        filter = new FilterForm(form, target);
      }
    }

    // The table whose state goes into the hash: the filtered one, or else the
    // only sortable table on a page without an in-page table of contents
    // (there the hash belongs to section anchors).
    var stateTable = filter ? filter.table : null;
    if (!stateTable && sortables.size === 1 && !document.querySelector('nav.toc')) {
      stateTable = sortables.keys().next().value;
    }
    var sorter = stateTable ? sortables.get(stateTable) || null : null;
    if (!filter && !sorter) {
      return;
    }

    function currentState() {
      var state = filter ? filter.values() : {};
      if (sorter && sorter.column >= 0) {
        state.sort = String(sorter.column);
        state.dir = sorter.direction;
      }
      return state;
    }

    var pending = 0;
    function save() {
      clearTimeout(pending);
      pending = setTimeout(function () {
        writeHash(currentState());
      }, 150);
    }

    function restore(state) {
      if (filter) {
        filter.setValues(state);
        filter.apply();
      }
      if (sorter) {
        var column = /^\d+$/.test(state.sort || '') ? parseInt(state.sort, 10) : -1;
        if (column >= 0 && sorter.sortable(column)) {
          sorter.sort(column, state.dir === 'desc' ? 'desc' : 'asc');
        } else {
          sorter.reset();
        }
      }
    }

    if (filter) {
      filter.onChange = save;
    }
    if (sorter) {
      sorter.onChange = save;
    }

    var initial = readHash();
    var start = initial.known ? initial.state : {};
    // The home page's search box submits ?q=...; the text filter answers it.
    if (filter && Object.keys(start).length === 0) {
      try {
        var query = new URLSearchParams(location.search).get('q');
        if (query) {
          start = { q: query };
        }
      } catch (e) {
        start = {};
      }
    }
    restore(start);

    window.addEventListener('hashchange', function () {
      var current = location.hash.replace(/^#/, '');
      if (current === lastWritten) {
        return;
      }
      var parsed = readHash();
      if (parsed.known) {
        restore(parsed.state);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
