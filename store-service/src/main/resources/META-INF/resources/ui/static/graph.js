// The reference graph (cytoscape.js): arrows from the citing cable to the cited one; a click opens the cable.
(function () {
  const levelColours = { 'level-unclassified': '#007a33', 'level-confidential': '#0033a0', 'level-secret': '#c8102e',
                         'level-top-secret': '#ff8c00', 'level-unknown': '#555' };
  const container = document.getElementById('graph');
  fetch(container.dataset.source, { credentials: 'same-origin' }).then(r => r.json()).then(elements => {
    const cy = cytoscape({
      container: container,
      elements: elements,
      layout: { name: 'breadthfirst', directed: true, padding: 20, spacingFactor: 1.2 },
      style: [
        { selector: 'node', style: { 'label': 'data(id)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4,
                                     'background-color': e => levelColours[e.data('level')] || '#555', 'width': 22, 'height': 22 } },
        { selector: 'node[steps = 0]', style: { 'width': 34, 'height': 34, 'border-width': 3, 'border-color': '#000' } },
        { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5,
                                     'line-color': '#999', 'target-arrow-color': '#999' } }
      ]
    });
    cy.on('tap', 'node', event => { window.location.href = event.target.data('url'); });
    window.cablesGraph = cy;
    document.body.dataset.graphReady = 'true';
  });
})();
