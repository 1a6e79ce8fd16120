/* Draws the open article 4 and 5 deadlines by year on the obligations overview, from the JSON
   the page embeds with json_script. The table beside it carries the same figures for screen
   readers and without script. */
(function () {
  "use strict";
  var source = document.getElementById("obligations-by-year-data");
  var canvas = document.getElementById("obligations-by-year-chart");
  if (!source || !canvas || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  if (!data.years.length) {
    canvas.parentNode.hidden = true;
    return;
  }
  var colours = ["#b45309", "#00558c"];
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.years,
      datasets: data.series.map(function (series, index) {
        return { label: series.label, data: series.counts, backgroundColor: colours[index % colours.length] };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
      },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
