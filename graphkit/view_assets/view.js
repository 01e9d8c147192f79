// graphkit view: the vis-network DataSets, the relation-type checkboxes and the details panel.
// Exposed for tests and curious users: window.graphkitNetwork, graphkitNodes, graphkitEdges,
// and window.graphkitState (timings in ms since navigation start; `ready` once drawn and still).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("gk-data").textContent);
  var state = window.graphkitState = { ready: false, firstDraw: null, stabilized: null, readyAt: null };
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("gk-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.graphkitNetwork = network;
  window.graphkitNodes = nodes;
  window.graphkitEdges = edges;

  var loading = document.getElementById("gk-loading");
  var progress = document.getElementById("gk-progress");
  function markReady() {
    state.ready = true;
    state.readyAt = performance.now();
    loading.className = "gk-done";
  }
  network.once("afterDrawing", function () { state.firstDraw = performance.now(); });
  if (data.precomputed || !data.options.physics.enabled || data.nodes.length === 0) {
    network.once("afterDrawing", markReady);
  } else {
    network.on("stabilizationProgress", function (p) {
      progress.textContent = Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      state.stabilized = performance.now();
      // fit() frames the nodes but not their labels: leave a margin so no label is cut.
      network.fit({ animation: false });
      network.moveTo({ scale: network.getScale() * 0.9, animation: false });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  }

  // Relation-type checkboxes: hide or show every edge of a type.
  var idsByType = {};
  edges.forEach(function (e) { (idsByType[e.type] = idsByType[e.type] || []).push(e.id); });
  var visibleEdges = document.getElementById("gk-count-edges");
  function countVisible() {
    return edges.get({ filter: function (e) { return !e.hidden; } }).length;
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-relation]"), function (box) {
    box.addEventListener("change", function () {
      var ids = idsByType[box.getAttribute("data-relation")] || [];
      edges.update(ids.map(function (id) { return { id: id, hidden: !box.checked }; }));
      visibleEdges.textContent = String(countVisible());
    });
  });

  // Details panel: what the tooltip shows, pinned on click.
  var details = document.getElementById("gk-details-text");
  var placeholder = details.textContent;
  network.on("click", function (p) {
    var item = p.nodes.length ? nodes.get(p.nodes[0]) : p.edges.length ? edges.get(p.edges[0]) : null;
    details.textContent = item ? item.title : placeholder;
    details.className = item ? "" : "gk-placeholder";
  });
  document.getElementById("gk-fit").addEventListener("click", function () { network.fit(); });

  window.addEventListener("error", function () {
    document.getElementById("gk-status").textContent = "Script error: " + window.graphkitErrors.join("; ");
  });
})();
