/* Draws the dashboard's stacked bar charts from the JSON the page embeds with json_script.
   The tables under each chart carry the same figures for screen readers and without script. */
(function () {
  "use strict";
  var source = document.getElementById("recommendations-dashboard-data");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = {
    not_started: "#8c959f",
    in_progress: "#1d4ed8",
    completed: "#15803d",
    discontinued: "#44403c"
  };
  document.querySelectorAll("canvas.status-chart").forEach(function (canvas) {
    var rows = data[canvas.dataset.series] || [];
    if (!rows.length) {
      canvas.parentNode.hidden = true;
      return;
    }
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(function (row) { return row.label; }),
        datasets: data.statuses.map(function (status) {
          return {
            label: status.label,
            data: rows.map(function (row) { return row.counts[status.value] || 0; }),
            backgroundColor: colours[status.value] || "#00558c"
          };
        })
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: true }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  });
})();
