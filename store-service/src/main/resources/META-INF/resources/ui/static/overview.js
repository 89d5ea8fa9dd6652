// The overview's charts (Chart.js), from the counts the reader's clearance allows (/ui/overview/data).
(function () {
  const levelColours = { 'UNCLASSIFIED': '#007a33', 'CONFIDENTIAL': '#0033a0', 'SECRET': '#c8102e', 'TOP SECRET': '#ff8c00' };
  function levelColour(classification) {
    const level = ['TOP SECRET', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED'].find(l => classification.startsWith(l));
    return level ? levelColours[level] : '#555';
  }
  function chart(id, type, counts, colours, horizontal) {
    return new Chart(document.getElementById(id), {
      type: type,
      data: { labels: Object.keys(counts), datasets: [{ label: 'cables', data: Object.values(counts), backgroundColor: colours }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: horizontal ? 'y' : 'x',
                 plugins: { legend: { display: type === 'doughnut', position: 'right' } },
                 scales: type === 'doughnut' ? {} : { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  const source = document.querySelector('.charts').dataset.source;
  fetch(source, { credentials: 'same-origin' }).then(r => r.json()).then(data => {
    document.getElementById('total').textContent = data.total + ' stored cables that you may read.';
    chart('chart-year', 'bar', data.byYear, '#1d2b3a', false);
    chart('chart-classification', 'doughnut', data.byClassification, Object.keys(data.byClassification).map(levelColour), false);
    chart('chart-origin', 'bar', data.byOrigin, '#4a6a8a', true);
    chart('chart-tag', 'bar', data.byTag, '#7a5a2a', true);
    document.body.dataset.chartsReady = 'true';
  });
})();
