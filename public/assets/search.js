/* helpcenter search: the in-browser engine over the static index in search/index/, the header's
   as-you-type box and the /search/ page. No third-party code; untrusted text is only ever set with
   textContent. The tokenizer must match Sources/HelpCenter/Search/SearchTokenizer.swift. */
(function () {
  "use strict";

  var body = document.body;
  var root = (body && body.getAttribute("data-root")) || "";
  var indexBase = root + "search/index/";

  /* ---------- Loading ---------- */

  var cache = new Map();
  function loadJSON(name) {
    if (!cache.has(name)) {
      cache.set(name, fetch(indexBase + name).then(function (response) {
        if (!response.ok) throw new Error("search index " + name + ": HTTP " + response.status);
        return response.json();
      }).catch(function (error) { cache.delete(name); throw error; }));
    }
    return cache.get(name);
  }
  function manifest() { return loadJSON("manifest.json"); }

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
    var chunks = index.termChunks, low = 0, high = chunks.length - 1, found = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (chunks[middle][0] <= term) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found;
  }
  // Term chunks that may hold terms starting with prefix.
  function chunksFor(index, prefix) {
    var first = chunkIndex(index, prefix), result = [first];
    for (var i = first + 1; i < index.termChunks.length && index.termChunks[i][0].startsWith(prefix); i++) result.push(i);
    return result;
  }
  function loadTerms(index, prefix) {
    return Promise.all(chunksFor(index, prefix).map(function (i) { return loadJSON(index.termChunks[i][1]); }));
  }
  function decode(postings) {
    var hits = new Map(), doc = 0;
    for (var i = 0; i < postings.length; i += 3) {
      doc += postings[i];
      hits.set(doc, { score: postings[i + 1] >> 3, popularity: postings[i + 1] & 7, heading: postings[i + 2] });
    }
    return hits;
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

  // Documents matching one query term: exact matches count fully, completions of the word being
  // typed a little less, near misses (one typo, words of 5 or more letters) half.
  function matchTerm(index, term, isLast) {
    return loadTerms(index, term).then(function (chunks) {
      var matches = new Map();
      function add(postings, weight) {
        decode(postings).forEach(function (hit, doc) {
          var score = hit.score * weight, old = matches.get(doc);
          if (!old || old.score < score) matches.set(doc, { score: score, popularity: hit.popularity, heading: hit.heading });
        });
      }
      var exact = false, completions = 0;
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (candidate) {
          if (candidate === term) { add(chunk[candidate], 1); exact = true; }
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
      return matches;
    });
  }

  /* ---------- Ranking ---------- */

  function documentChunk(index, doc) {
    return loadJSON(index.documentChunks[Math.floor(doc / index.documentsPerChunk)]).then(function (rows) {
      return rows[doc % index.documentsPerChunk];
    });
  }

  // Ranked results for query: every term must match; popularity adds at most 12%; an exact title
  // match comes first. Resolves to [{ url, title, type, group, excerpt, terms, heading }].
  function search(query, options) {
    var limit = (options && options.limit) || 10;
    var filter = (options && options.filter) || null;
    return manifest().then(function (index) {
      var terms = tokenize(query || "", index);
      if (!terms.length) return [];
      var last = terms.length - 1;
      var lastIsPrefix = !/\s$/.test(query || "");
      return Promise.all(terms.map(function (term, i) { return matchTerm(index, term, i === last && lastIsPrefix); }))
        .then(function (perTerm) {
          var scores = new Map();
          perTerm[0].forEach(function (hit, doc) {
            var total = 0, heading = 0;
            for (var t = 0; t < perTerm.length; t++) {
              var match = perTerm[t].get(doc);
              if (!match) return;
              total += match.score;
              if (!heading && match.heading) heading = match.heading;
            }
            scores.set(doc, { doc: doc, score: total * (1 + 0.12 * hit.popularity / 7), heading: heading });
          });
          var ranked = Array.from(scores.values()).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
          var candidates = ranked.slice(0, Math.max(limit * 3, 30));
          var wanted = terms.join(" ");
          return Promise.all(candidates.map(function (c) { return documentChunk(index, c.doc); })).then(function (rows) {
            var results = candidates.map(function (c, i) {
              var row = rows[i];
              var titleList = tokenize(row[1], index), titleTerms = titleList.join(" ");
              // Short titles made of the query's words beat long ones that merely contain them, and
              // articles (written by the team) edge out community posts.
              var covered = titleList.filter(function (w) { return terms.some(function (t) { return w.startsWith(t); }); }).length;
              var coverage = titleList.length ? covered / titleList.length : 0;
              var score = c.score * (1 + 0.6 * coverage) * (row[0] === 0 ? 1.2 : 1) *
                (titleTerms === wanted ? 4 : titleTerms.startsWith(wanted) ? 1.5 : 1);
              var heading = c.heading && titleTerms !== wanted ? row[5][c.heading - 1] : null;
              return {
                score: score, doc: c.doc,
                url: root + row[2] + (heading ? "#" + heading[1] : ""),
                title: row[1], type: row[0] === 0 ? "article" : "post",
                group: row[3] >= 0 ? index.groups[row[3]] : "", excerpt: row[4],
                heading: heading ? heading[0] : null, terms: terms
              };
            }).filter(function (r) { return !filter || filter(r); });
            results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
            return results.slice(0, limit);
          });
        });
    });
  }

  // The most popular documents (the index lists them first), for the empty state.
  function popular(count) {
    return manifest().then(function (index) {
      if (!index.documentChunks.length) return [];
      return loadJSON(index.documentChunks[0]).then(function (rows) {
        return rows.filter(function (row) { return row[0] === 0; }).slice(0, count).map(function (row) {
          return { url: root + row[2], title: row[1], type: "article", group: row[3] >= 0 ? index.groups[row[3]] : "" };
        });
      });
    });
  }

  /** The search engine the UI uses: a Promise of [{ url, title, type, excerpt }] in rank order. */
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
      var hit = folded && terms.some(function (term) { return folded.startsWith(term); });
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
      var filter = function (r) {
        return (!typeSelect.value || r.type === typeSelect.value) && (!groupSelect.value || r.group === groupSelect.value);
      };
      if (!query.trim()) { list.textContent = ""; status.textContent = ""; return; }
      search(query, { limit: 50, filter: filter }).then(function (results) {
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
    function emptyState(query) {
      status.textContent = "No results for “" + query + "”. Try other words, or one of these popular articles:";
      popular(5).then(function (items) {
        var ul = document.createElement("ul");
        ul.className = "search-popular";
        items.forEach(function (r) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = r.url;
          a.textContent = r.title;
          li.appendChild(a);
          ul.appendChild(li);
        });
        list.appendChild(ul);
      });
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
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      setActive(-1);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value, current = ++sequence;
      if (!query.trim()) { close(); return; }
      timer = setTimeout(function () {
        search(query, { limit: 6 }).then(function (found) { if (current === sequence) show(found); }, close);
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
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function start() {
    searchPage();
    combobox(document.getElementById("site-search"));
    combobox(document.getElementById("home-search"));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
