/* cablekit: the timeline's drag-to-select. Everything else works without script. */
(function () {
  "use strict";

  function setup(svg) {
    var links = Array.prototype.slice.call(svg.querySelectorAll("a[data-key]"));
    var n = links.length;
    if (!n) return;
    var sel = svg.querySelector("rect.sel");
    var hint = document.getElementById("timeline-hint");
    var width = svg.viewBox.baseVal.width || n * 10;
    var start = null;
    var current = null;
    var dragged = false;

    function index(event) {
      var box = svg.getBoundingClientRect();
      var i = Math.floor(((event.clientX - box.left) / box.width) * n);
      return Math.max(0, Math.min(n - 1, i));
    }

    function show(a, b) {
      var lo = Math.min(a, b);
      var hi = Math.max(a, b);
      sel.setAttribute("x", String((lo * width) / n));
      sel.setAttribute("width", String(((hi - lo + 1) * width) / n));
      if (hint) {
        var from = links[lo].getAttribute("data-key");
        var to = links[hi].getAttribute("data-key");
        hint.textContent = from === to ? from : from + " to " + to;
      }
    }

    function go(a, b) {
      var lo = Math.min(a, b);
      var hi = Math.max(a, b);
      var q = svg.getAttribute("data-q") || "";
      var range = "from:" + links[lo].getAttribute("data-key") + " to:" + links[hi].getAttribute("data-key");
      var params = new URLSearchParams();
      params.set("q", (q ? q + " " : "") + range);
      var sort = svg.getAttribute("data-sort");
      if (sort) params.set("sort", sort);
      window.location.assign("/search?" + params.toString());
    }

    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      start = current = index(event);
      dragged = false;
      show(start, current);
      event.preventDefault();
    });
    svg.addEventListener("pointermove", function (event) {
      if (start === null) return;
      var i = index(event);
      if (i !== current) {
        current = i;
        dragged = dragged || current !== start;
        show(start, current);
      }
    });
    window.addEventListener("pointerup", function () {
      if (start === null) return;
      var a = start;
      var b = current;
      start = null;
      if (dragged) {
        go(a, b);
      }
    });
    svg.addEventListener("dragstart", function (event) {
      event.preventDefault();
    });
    svg.addEventListener("click", function (event) {
      if (dragged) event.preventDefault();
    });
  }

  /* Identify: the copy and its original scroll together (proportionally). */
  function syncPanes(pair) {
    var panes = pair.querySelectorAll(".pane");
    if (panes.length !== 2) return;
    var busy = null;
    function follow(from, to) {
      from.addEventListener("scroll", function () {
        if (busy === to) return;
        busy = from;
        var range = from.scrollHeight - from.clientHeight;
        var ratio = range > 0 ? from.scrollTop / range : 0;
        to.scrollTop = ratio * (to.scrollHeight - to.clientHeight);
        window.requestAnimationFrame(function () {
          busy = null;
        });
      });
    }
    follow(panes[0], panes[1]);
    follow(panes[1], panes[0]);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("timeline");
    if (svg) setup(svg);
    Array.prototype.forEach.call(document.querySelectorAll(".pair"), syncPanes);
  });
})();
