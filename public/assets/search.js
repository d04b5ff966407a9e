/* helpcenter search: the in-browser engine over the static index in search/index/, the header's
   as-you-type box and the /search/ page. No third-party code; untrusted text is only ever set with
   textContent. The tokenizer must match Sources/HelpCenter/Search/SearchTokenizer.swift. */
(function () {
  "use strict";

  var body = document.body;
  var root = (body && body.getAttribute("data-root")) || "";
  var indexBase = root + "search/index/";

  /* ---------- Loading ---------- */

  // Chunk names carry a hash of their content, so they are cached as they are; the manifest is
  // revalidated on every page load, so a deploy's new manifest (and its new chunks) is seen at once.
  var cache = new Map();
  function loadJSON(name, options) {
    if (!cache.has(name)) {
      cache.set(name, fetch(indexBase + name, options).then(function (response) {
        if (!response.ok) throw new Error("search index " + name + ": HTTP " + response.status);
        return response.json();
      }).catch(function (error) { cache.delete(name); throw error; }));
    }
    return cache.get(name);
  }
  function manifest() {
    return loadJSON("manifest.json", { cache: "no-cache" }).then(function (index) {
      if (index.version !== 2) throw new Error("search index version " + index.version + " is not supported");
      return index;
    });
  }
  function termChunkName(index, i) {
    var length = index.termHashes.length / index.termChunks.length;
    return "t-" + index.termHashes.substr(i * length, length) + ".json";
  }

  /* ---------- Tokenizer (same rules as SearchTokenizer.swift) ---------- */

  var letterOrDigit = /[\p{Alphabetic}\p{N}]/u;
  var mark = /\p{M}/u;
  function isIdeographic(code) {
    return (code >= 0x3040 && code <= 0x30FF) || (code >= 0x3400 && code <= 0x4DBF) ||
      (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x2FA1F);
  }
  var stopSets = new WeakMap();
  function tokenize(text, index) {
    if (!stopSets.has(index)) stopSets.set(index, new Set(index.stopWords));
    var stop = stopSets.get(index);
    var terms = [];
    var current = "";
    function flush() {
      if (current && Array.from(current).length <= index.maxTermLength && !stop.has(current)) terms.push(current);
      current = "";
    }
    for (var ch of text.normalize("NFKD").toLowerCase()) {
      if (mark.test(ch)) continue;
      if (isIdeographic(ch.codePointAt(0))) { flush(); current = ch; flush(); }
      else if (letterOrDigit.test(ch)) current += ch;
      else flush();
    }
    flush();
    return terms;
  }

  /* ---------- Term lookup ---------- */

  // The index of the chunk whose first term is the last one <= term.
  function chunkIndex(index, term) {
    var firsts = index.termChunks, low = 0, high = firsts.length - 1, found = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= term) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found;
  }
  // The chunk that holds term; the next one too when terms starting with prefix continue there; and the
  // one holding the term's base form, where its other forms are.
  function loadTerms(index, term, prefix) {
    var first = chunkIndex(index, term), wanted = [first], base = chunkIndex(index, baseForm(term));
    if (prefix && first + 1 < index.termChunks.length && index.termChunks[first + 1].startsWith(term)) wanted.push(first + 1);
    if (wanted.indexOf(base) < 0) wanted.push(base);
    return Promise.all(wanted.map(function (i) { return loadJSON(termChunkName(index, i)); }));
  }

  // Postings: pairs of numbers, five bits a character (see PostingsEncoding.swift): the distance to
  // the previous document, then score + 64 * (heading + 32 * titleLength).
  var DIGITS = new Int8Array(128).fill(-1);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (c, i) { DIGITS[c.charCodeAt(0)] = i; });
  function decode(text) {
    var hits = new Map(), doc = 0, value = 0, scale = 1, second = false;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS[text.charCodeAt(i)];
      value += (digit & 31) * scale;
      if (digit >= 32) { scale *= 32; continue; }
      if (second) {
        hits.set(doc, { score: value % 64, heading: Math.floor(value / 64) % 32, titleLength: Math.floor(value / 2048) });
      } else {
        doc += value;
      }
      second = !second;
      value = 0;
      scale = 1;
    }
    return hits;
  }
  // A term's entry: its postings, and whether it is a common term cut to its best documents.
  function entry(value) {
    return Array.isArray(value) ? { postings: value[0], common: true } : { postings: value, common: false };
  }
  function editDistanceAtMostOne(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++; else if (b.length > a.length) j++; else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  // The stem English inflections share (prices, pricing -> pric; settings -> sett), for matching other
  // forms of a query word. Only queries use it: the index keeps words as written.
  function baseForm(term) {
    var t = term;
    if (t.length > 4 && t.endsWith("ies")) return t.slice(0, -3) + "y";
    if (t.length > 3 && t.endsWith("s") && !/[usi]s$/.test(t)) t = t.slice(0, -1);
    for (var suffix of ["ing", "ed", "e"]) {
      if (t.endsWith(suffix) && t.length - suffix.length >= 3) return t.slice(0, -suffix.length);
    }
    return t;
  }

  // Documents matching one query term: exact matches count fully, other forms of the word nearly as
  // much, completions of the word being typed a little less, near misses (one typo, words of 5 or
  // more letters) half.
  function matchTerm(index, term, isLast) {
    return loadTerms(index, term, isLast).then(function (chunks) {
      var matches = new Map(), common = false;
      function add(value, weight) {
        decode(entry(value).postings).forEach(function (hit, doc) {
          var score = hit.score * weight, old = matches.get(doc);
          if (!old || old.score < score) matches.set(doc, { score: score, heading: hit.heading, titleLength: hit.titleLength });
        });
      }
      var exact = false, completions = 0, base = baseForm(term);
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (candidate) {
          if (candidate === term) { add(chunk[candidate], 1); exact = true; common = entry(chunk[candidate]).common; }
          else if (candidate.startsWith(base) && baseForm(candidate) === base) add(chunk[candidate], 0.8);
          else if (isLast && candidate.startsWith(term) && completions < 60) {
            completions++;
            add(chunk[candidate], 0.85 * term.length / candidate.length + 0.1);
          }
        });
      });
      if (!exact && Array.from(term).length >= 5) {
        chunks.forEach(function (chunk) {
          Object.keys(chunk).forEach(function (candidate) {
            if (candidate[0] === term[0] && editDistanceAtMostOne(candidate, term)) add(chunk[candidate], 0.5);
          });
        });
      }
      return { matches: matches, common: common };
    });
  }

  /* ---------- Ranking ---------- */

  function popularity(index, doc) {
    var runs = index.popularity, bucket = 0;
    for (var i = 0; i < runs.length && runs[i][0] <= doc; i++) bucket = runs[i][1];
    return bucket;
  }
  function documentRow(index, doc) {
    var chunk = Math.floor(doc / index.documentsPerChunk);
    return loadJSON("d-" + index.documentsHash + "-" + chunk + ".json").then(function (rows) {
      return rows[doc % index.documentsPerChunk];
    });
  }
  // A page's absolute URL: the site may live under any base path.
  function pageURL(path) { return new URL(root + path, location.href).href; }
  function groupTable(index) { return loadJSON("g-" + index.groupTable + ".json"); }

  // Ranked results for query, from the postings alone; then only the shown results' rows are loaded.
  // Every term must match, except common terms (cut to their best documents), which only add to the
  // score when rarer terms are present. Title and heading words outweigh body words; short titles
  // made of the query's words beat long ones that merely contain them; articles (written by the team)
  // edge out community posts; popularity adds at most 12%; an exact title match comes first. A result
  // links to the first heading holding a query word unless the title holds them all.
  // options: { limit, type: "article" | "post", group }. Resolves to
  // [{ url, title, type, group, excerpt, terms, heading }].
  function search(query, options) {
    options = options || {};
    var limit = options.limit || 10;
    return manifest().then(function (index) {
      var terms = tokenize(query || "", index);
      if (!terms.length) return [];
      var last = terms.length - 1;
      var lastIsPrefix = !/\s$/.test(query || "");
      return Promise.all([
        Promise.all(terms.map(function (term, i) { return matchTerm(index, term, i === last && lastIsPrefix); })),
        options.group ? groupTable(index) : null
      ]).then(function (loaded) {
        var perTerm = loaded[0], groups = loaded[1];
        var required = perTerm.filter(function (t) { return !t.common; });
        if (!required.length) required = perTerm;
        var ranked = [];
        required[0].matches.forEach(function (first, doc) {
          if (required.some(function (t) { return !t.matches.has(doc); })) return;
          var kind = doc < index.articles ? "article" : "post";
          if (options.type && options.type !== kind) return;
          if (groups && index.groups[groups[doc]] !== options.group) return;
          var total = 0, heading = 0, covered = 0, titleLength = 0;
          perTerm.forEach(function (t) {
            var match = t.matches.get(doc);
            if (!match) return;
            total += match.score;
            if (!heading && match.heading) heading = match.heading;
            if (match.titleLength) { covered++; titleLength = match.titleLength; }
          });
          var coverage = titleLength ? Math.min(1, covered / titleLength) : 0;
          var whole = covered === terms.length;
          var exact = whole && titleLength === terms.length;
          var score = total * (1 + 0.12 * popularity(index, doc) / 7) * (1 + 0.6 * coverage) *
            (kind === "article" ? 1.2 : 1) * (exact ? 4 : whole ? 1.5 : 1);
          ranked.push({ doc: doc, kind: kind, score: score, heading: whole ? 0 : heading });
        });
        ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        var shown = ranked.slice(0, limit);
        return Promise.all(shown.map(function (r) { return documentRow(index, r.doc); })).then(function (rows) {
          return shown.map(function (r, i) {
            var row = rows[i], heading = r.heading ? row[5][r.heading - 1] : null;
            return {
              url: pageURL(row[2] + (heading ? "#" + heading[1] : "")),
              title: row[1], type: r.kind, group: row[3] >= 0 ? index.groups[row[3]] : "", excerpt: row[4],
              heading: heading ? heading[0] : null, terms: terms
            };
          });
        });
      });
    });
  }

  /** The search engine the UI uses: a Promise of [{ url, title, type, excerpt }] in rank order, with
      absolute URLs. */
  window.helpcenterSearch = function (query, options) {
    return search(String(query), options).then(function (results) {
      return results.map(function (r) { return { url: r.url, title: r.title, type: r.type, excerpt: r.excerpt }; });
    });
  };

  /* ---------- Showing results ---------- */

  var noStopWords = { stopWords: [], maxTermLength: 1000 };

  // Appends text to element with the query's terms wrapped in <mark>.
  function appendHighlighted(element, text, terms) {
    var words = text.split(/([\p{L}\p{N}\p{M}]+)/u);
    words.forEach(function (word) {
      if (!word) return;
      var folded = tokenize(word, noStopWords)[0];
      var hit = folded && terms.some(function (term) { return folded.startsWith(term) || baseForm(folded) === baseForm(term); });
      if (hit) {
        var m = document.createElement("mark");
        m.textContent = word;
        element.appendChild(m);
      } else {
        element.appendChild(document.createTextNode(word));
      }
    });
  }

  function resultItem(result, tag) {
    var item = document.createElement(tag);
    item.className = "search-result search-result-" + result.type;
    var link = document.createElement("a");
    link.href = result.url;
    link.className = "search-result-title";
    appendHighlighted(link, result.title, result.terms);
    item.appendChild(link);
    var meta = document.createElement("span");
    meta.className = "search-result-meta";
    meta.textContent = (result.type === "article" ? "Article" : "Community post") + (result.group ? " · " + result.group : "") +
      (result.heading ? " › " + result.heading : "");
    item.appendChild(meta);
    if (result.excerpt) {
      var excerpt = document.createElement("span");
      excerpt.className = "search-result-excerpt";
      appendHighlighted(excerpt, result.excerpt, result.terms);
      item.appendChild(excerpt);
    }
    return item;
  }

  /* ---------- The /search/ page ---------- */

  function searchPage() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !list || !status || body.getAttribute("data-page") !== "search") return;
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    var type = params.get("type") || "";
    var sequence = 0;

    var filters = document.createElement("div");
    filters.className = "search-filters";
    var typeLabel = document.createElement("label");
    typeLabel.textContent = "Show ";
    var typeSelect = document.createElement("select");
    typeSelect.id = "search-type";
    [["", "Articles and posts"], ["article", "Articles"], ["post", "Community posts"]].forEach(function (option) {
      var o = document.createElement("option");
      o.value = option[0];
      o.textContent = option[1];
      typeSelect.appendChild(o);
    });
    typeSelect.value = type;
    typeLabel.appendChild(typeSelect);
    filters.appendChild(typeLabel);
    var groupLabel = document.createElement("label");
    groupLabel.textContent = " in ";
    var groupSelect = document.createElement("select");
    groupSelect.id = "search-group";
    groupLabel.appendChild(groupSelect);
    filters.appendChild(groupLabel);
    list.parentNode.insertBefore(filters, list);
    manifest().then(function (index) {
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "every category and topic";
      groupSelect.appendChild(all);
      index.groups.slice().sort().forEach(function (name) {
        var o = document.createElement("option");
        o.value = name;
        o.textContent = name;
        groupSelect.appendChild(o);
      });
      groupSelect.value = params.get("group") || "";
    });

    function run() {
      var query = input.value;
      var current = ++sequence;
      var url = new URL(location.href);
      url.searchParams.set("q", query);
      typeSelect.value ? url.searchParams.set("type", typeSelect.value) : url.searchParams.delete("type");
      groupSelect.value ? url.searchParams.set("group", groupSelect.value) : url.searchParams.delete("group");
      history.replaceState(null, "", url);
      if (!query.trim()) { list.textContent = ""; status.textContent = ""; return; }
      search(query, { limit: 50, type: typeSelect.value, group: groupSelect.value }).then(function (results) {
        if (current !== sequence) return;
        list.textContent = "";
        if (!results.length) return emptyState(query);
        status.textContent = results.length + (results.length === 1 ? " result" : " results") + " for “" + query + "”";
        var ol = document.createElement("ol");
        ol.className = "search-result-list";
        results.forEach(function (r) { ol.appendChild(resultItem(r, "li")); });
        list.appendChild(ol);
      }).catch(function () {
        status.textContent = "Search is not available right now.";
      });
    }
    // The popular articles the page was built with: the home page's list, in its order.
    var popularList = document.getElementById("search-popular");
    function emptyState(query) {
      if (!popularList) { status.textContent = "No results for “" + query + "”. Try other words."; return; }
      status.textContent = "No results for “" + query + "”. Try other words, or one of these popular articles:";
      list.appendChild(popularList.content.cloneNode(true));
    }
    var timer = 0;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    typeSelect.addEventListener("change", run);
    groupSelect.addEventListener("change", run);
    input.form && input.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    manifest().then(run, function () { status.textContent = "Search is not available right now."; });
  }

  /* ---------- The header's as-you-type box (ARIA combobox with a listbox) ---------- */

  function combobox(input) {
    if (!input || body.getAttribute("data-page") === "search") return;
    var listbox = document.createElement("ul");
    listbox.id = input.id + "-suggestions";
    listbox.className = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Search suggestions");
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);
    // Screen readers hear how many suggestions there are, once typing settles.
    var announcer = document.createElement("div");
    announcer.id = input.id + "-status";
    announcer.className = "visually-hidden";
    announcer.setAttribute("role", "status");
    input.parentNode.appendChild(announcer);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    var results = [], active = -1, sequence = 0, timer = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function setActive(i) {
      var options = listbox.querySelectorAll("[role=option]");
      options.forEach(function (o, n) { o.setAttribute("aria-selected", n === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function show(found) {
      results = found;
      listbox.textContent = "";
      announcer.textContent = found.length ? found.length + (found.length === 1 ? " suggestion" : " suggestions") +
        ", use the up and down arrows to choose" : "No suggestions";
      if (!found.length) { close(); return; }
      found.forEach(function (r, i) {
        var item = resultItem(r, "li");
        item.id = listbox.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = item.querySelector("a");
        link.tabIndex = -1;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); location.href = r.url; });
        listbox.appendChild(item);
      });
      // An answer that comes after the box was left waits for ArrowDown there.
      if (document.activeElement !== input) return;
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      setActive(-1);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value, current = ++sequence;
      if (!query.trim()) { close(); announcer.textContent = ""; return; }
      timer = setTimeout(function () {
        // Only the answer to what is typed now counts: an older one, found or failed, is dropped.
        search(query, { limit: 6 }).then(function (found) { if (current === sequence) show(found); },
          function () { if (current === sequence) close(); });
      }, 50);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && results.length) {
        event.preventDefault();
        if (listbox.hidden) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
        setActive((active + 1) % results.length);
      } else if (event.key === "ArrowUp" && results.length) {
        event.preventDefault();
        setActive(active <= 0 ? results.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !listbox.hidden) {
        event.preventDefault();
        location.href = results[active].url;
      } else if (event.key === "Escape") {
        if (!listbox.hidden) { event.preventDefault(); close(); } else { input.value = ""; }
      }
    });
    // Leaving the box closes the list, unless focus is back by then (a click on a suggestion, a script
    // that blurs and refocuses it): a close armed by a blur must not shut a list opened after it.
    var closing = 0;
    input.addEventListener("blur", function () {
      clearTimeout(closing);
      closing = setTimeout(function () { if (document.activeElement !== input) close(); }, 100);
    });
    input.addEventListener("focus", function () { clearTimeout(closing); });
  }

  function start() {
    searchPage();
    combobox(document.getElementById("site-search"));
    combobox(document.getElementById("home-search"));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
