// Progress by month on the plan board: planned, done and overdue items per month (ECharts).
(function () {
  var el = document.getElementById('progress-chart');
  if (!el || !window.echarts) { return; }
  function numbers(s) { return s ? s.split(',').map(Number) : []; }
  var d = el.dataset;
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [d.labelPlanned, d.labelDone, d.labelOverdue] },
    grid: { left: 32, right: 12, bottom: 24, top: 36 },
    xAxis: { type: 'category', data: d.months ? d.months.split(',') : [] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: d.labelPlanned, type: 'bar', data: numbers(d.planned), itemStyle: { color: '#9ec5fe' } },
      { name: d.labelDone, type: 'bar', data: numbers(d.done), itemStyle: { color: '#198754' } },
      { name: d.labelOverdue, type: 'bar', data: numbers(d.overdue), itemStyle: { color: '#dc3545' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
