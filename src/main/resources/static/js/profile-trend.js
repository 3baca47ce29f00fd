// The scores a teacher received per term (成长档案), drawn with ECharts from the table of numbers below the chart:
// the average as the line, lowest and highest as a light band of points. The table stays for exact reading.
(function () {
  var el = document.getElementById('growth-trend');
  var table = document.getElementById('growth-trend-data');
  if (!el || !table || !window.echarts) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  function num(text) {
    var n = parseFloat(text);
    return isNaN(n) ? null : n;
  }
  var d = el.dataset;
  var labels = rows.map(function (r) { return r.dataset.short; });
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [d.labelAverage, d.labelLowest, d.labelHighest] },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
    // around the scores given, in steps of ten: a lesson scored 89 shows between 70 and 100, not from 0
    yAxis: { type: 'value',
             min: function (v) { return Math.max(0, Math.floor(v.min / 10) * 10 - 10); },
             max: function (v) { return Math.ceil(v.max / 10) * 10 + 10; } },
    series: [
      { name: d.labelAverage, type: 'line', data: rows.map(function (r) { return num(r.dataset.average); }),
        itemStyle: { color: '#0a58ca' }, lineStyle: { width: 2 } },
      { name: d.labelLowest, type: 'line', data: rows.map(function (r) { return num(r.dataset.lowest); }),
        itemStyle: { color: '#adb5bd' }, lineStyle: { width: 1, type: 'dashed' } },
      { name: d.labelHighest, type: 'line', data: rows.map(function (r) { return num(r.dataset.highest); }),
        itemStyle: { color: '#198754' }, lineStyle: { width: 1, type: 'dashed' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
