"""The CSS and JavaScript inlined into every HTML page (pipeline/html.py), kept apart so both stay readable.

No fonts, images or scripts are fetched: the page must open offline from a file.
"""

PAGE_CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --right: #d8f3dc; --wrong: #ffd7d5; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 110rem; color: var(--ink); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .25rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; }
caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: .25rem; }
figure { margin: 1rem 0; } figure svg, figure img { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; }
code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; background: #f3f5f7; padding: 0 .2em; }
.article { border-top: 3px solid var(--line); margin-top: 2rem; }
/* The evaluation report (pipeline/report_html.py): headline cards, a row of plots, score tables. */
.set { border-top: 4px solid var(--ink); margin-top: 2.5rem; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: .75rem 0 1rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .9rem; min-width: 13rem;
  background: #f8fafc; }
.card .figure { font-size: 1.7rem; font-weight: 600; line-height: 1.2; }
.card .interval { color: var(--muted); font-size: .85rem; min-height: 1.2em; }
.card .label { font-size: .9rem; }
.plots { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.plots figure { margin: .5rem 0; }
table.scores td:not(:first-child), table.mistakes td:last-child { font-variant-numeric: tabular-nums; }
.toc a { margin-right: .5em; }
.meta, .hint, .legend { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
.contents ol { margin: .25rem 0 1rem; padding-left: 1.5rem; }
a { color: #0a58ca; }
.warning { color: #8a4b00; font-size: .9rem; }
.chip { display: inline-block; width: .9em; height: .9em; border-radius: 2px; background: var(--c);
  border: 1px solid rgba(0,0,0,.25); margin: 0 .3em 0 .6em; vertical-align: -1px; }
.grid th:first-child .chip { margin-left: 0; }
.grid td.right { background: var(--right); } .grid td.wrong { background: var(--wrong); }
.grid td.favor { background: #eaf6ec; } .grid td.against { background: #fdeceb; }
.gold-label { color: var(--muted); font-size: .85em; white-space: nowrap; }
.evidence { font: .8em ui-monospace, "DejaVu Sans Mono", monospace; padding: 0 .3em; margin: .15em .2em 0 0;
  border: 1px solid var(--line); border-radius: 3px; background: #fff; cursor: pointer; }
.evidence:hover, .evidence:focus { border-color: var(--ink); }
.more { color: var(--muted); font-size: .8em; }
/* One text column keeps a readable line length; gold and predicted side by side take the width. */
.layout { display: grid; grid-template-columns: minmax(0, 46rem) 24rem; gap: 1.5rem; align-items: start; }
.layout.paired { grid-template-columns: minmax(0, 1fr) 24rem; }
.texts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; }
.paired .texts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.column h3 { text-transform: capitalize; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.column p { margin: 0 0 .8rem; }
.claim { background: var(--c); border-radius: 3px; padding: 1px 2px; cursor: pointer;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.claim:hover, .claim:focus { outline: 2px solid var(--muted); outline-offset: 1px; }
.claim.selected { outline: 2px solid var(--ink); outline-offset: 1px; }
.badge { font-size: .7em; font-weight: 700; padding: 0 .3em; margin-left: 2px; border-radius: 3px; color: #fff;
  line-height: 1.3; }
.badge.favor { background: #1a7f37; } .badge.against { background: #b42318; }
.details { position: sticky; top: .75rem; max-height: calc(100vh - 1.5rem); overflow: auto; background: #f6f8fa;
  border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; font-size: .9rem; }
.details h4 { margin: .2rem 0 .4rem; font-size: 1rem; }
.details blockquote { margin: .3rem 0 .6rem; padding-left: .6rem; border-left: 3px solid var(--c, var(--line)); }
.details dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: .3rem 0 .6rem; }
.details dt { color: var(--muted); } .details dd { margin: 0; }
.details table { width: 100%; font-size: .85rem; } .details td.num { text-align: right; }
.details th, .details td { padding: .2rem .35rem; white-space: nowrap; }
.details .right { background: var(--right); } .details .wrong { background: var(--wrong); }
@media (max-width: 70rem) {
  .layout, .layout.paired, .paired .texts { grid-template-columns: minmax(0, 1fr); }
  .details { position: static; max-height: none; }
}
"""

# Vanilla JS for every article section of the page: a click on a claim (or on an evidence id in the grid)
# fills that section's details panel from its JSON blob. All text goes in through textContent, never as HTML.
PAGE_JS = """
(function () {
  "use strict";
  var cache = new WeakMap();
  function data(section) {
    if (!cache.has(section)) {
      cache.set(section, JSON.parse(section.querySelector("script.claims-data").textContent));
    }
    return cache.get(section);
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fields(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", p[1]));
    });
    return dl;
  }
  function row(cells, classes) {
    var tr = el("tr");
    cells.forEach(function (c, i) { tr.appendChild(el("td", c, (classes || [])[i])); });
    return tr;
  }
  function stanceTable(d, pred, gold) {
    var table = el("table"), head = ["topic"];
    if (pred) head = head.concat(["predicted", "P(F)", "P(A)", "P(N)"]);
    if (gold) head.push("gold");
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", h)); });
    table.appendChild(tr);
    d.topics.forEach(function (topic, i) {
      var cells = [topic.abbrev], classes = [""];
      if (pred) {
        var s = pred.stances[i];
        cells = cells.concat([s.label + " " + s.confidence.toFixed(2)].concat(s.probs.map(function (p) {
          return p.toFixed(2);
        })));
        classes = classes.concat(["", "num", "num", "num"]);
      }
      if (gold) {
        var label = gold.stances[i];
        cells.push(label === null ? "–" : label);
        classes.push(pred && label !== null ? (label === pred.stances[i].label ? "right" : "wrong") : "");
      }
      var line = row(cells, classes);
      line.firstChild.title = topic.name;
      table.appendChild(line);
    });
    return table;
  }
  function select(section, pred, gold) {
    section.querySelectorAll(".claim.selected").forEach(function (n) { n.classList.remove("selected"); });
    section.querySelectorAll(".claim").forEach(function (n) {
      if ((pred && n.dataset.claim === pred.id) || (gold && n.dataset.gold === gold.id)) {
        n.classList.add("selected");
      }
    });
  }
  function show(section, kind, id) {
    var d = data(section), panel = section.querySelector("aside.details");
    var pred = kind === "claim" ? d.claims[id] : null;
    var gold = kind === "gold" ? d.gold[id] : null;
    if (gold && gold.pred) pred = d.claims[gold.pred];
    if (pred && pred.gold && !gold) gold = d.gold[pred.gold];
    if (!pred && !gold) return;
    panel.replaceChildren();
    if (pred) {
      panel.appendChild(el("h4", pred.id + " · " + (pred.speaker || "no speaker (narration)")));
      panel.appendChild(el("blockquote", pred.text));
      panel.appendChild(fields([["speaker", pred.speaker || "none"], ["mode", pred.mode],
        ["found by", pred.method], ["speaker mention", pred.source], ["cue", pred.cue],
        ["warning", pred.warning]]));
    } else {
      panel.appendChild(el("h4", "gold " + gold.id + ": missed by the pipeline"));
    }
    if (gold) {
      panel.appendChild(el("h4", "gold " + gold.id + " · " + (gold.speaker || "no speaker")));
      if (!pred || gold.text !== pred.text) panel.appendChild(el("blockquote", gold.text));
      panel.appendChild(fields([["gold speaker", gold.speaker || "none"], ["gold mode", gold.mode]]));
    } else if (Object.keys(d.gold).length) {
      panel.appendChild(el("p", "No gold claim overlaps this one.", "hint"));
    }
    panel.appendChild(stanceTable(d, pred, gold));
    select(section, pred, gold);
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-claim], [data-gold], [data-select]");
    var section = target && target.closest("section.article");
    if (!section) return;
    if (target.dataset.select) {
      var span = section.querySelector('.claim[data-claim="' + CSS.escape(target.dataset.select) + '"]');
      if (span) span.scrollIntoView({ block: "center" });
      show(section, "claim", target.dataset.select);
    } else if (target.dataset.claim) {
      show(section, "claim", target.dataset.claim);
    } else {
      show(section, "gold", target.dataset.gold);
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.classList &&
        event.target.classList.contains("claim")) {
      event.preventDefault();
      event.target.click();
    }
  });
})();
"""
