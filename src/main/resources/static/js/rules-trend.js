// The share met per period of a rule this term (ECharts), from /rules/{id}/trend.json: the chart on the rule's page
// with its numbers in a table, and a small sparkline per rule on the overview. The running period is a hollow point.
(function () {
  if (!window.echarts) { return; }

  function load(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function format(pattern, a, b) {
    return (pattern || '{0} / {1}').replace('{0}', a).replace('{1}', b);
  }

  // what the share is taken of: the judged cells; in the running period also those not yet due
  function total(p) {
    return p.current ? p.judged + p.notDue : p.judged;
  }

  function point(p) {
    if (p.percent === null) { return { value: null }; }
    return p.current ? { value: p.percent, symbol: 'emptyCircle', symbolSize: 9 } : { value: p.percent };
  }

  function drawChart(el) {
    var d = el.dataset;
    load(d.url).then(function (trend) {
      if (!trend) { return; }
      var points = trend.points || [];
      if (!points.some(function (p) { return p.percent !== null; })) {
        el.classList.remove('rule-trend-chart');
        el.classList.add('small', 'text-muted');
        el.textContent = d.labelEmpty;
        return;
      }
      var chart = echarts.init(el);
      chart.setOption({
        tooltip: {
          trigger: 'axis',
          formatter: function (items) {
            var p = points[items[0].dataIndex];
            var text = p.label + (p.current ? d.labelCurrent : '');
            return text + '<br>' + format(d.labelMetOf, p.met, total(p)) + (p.percent === null ? '' : ' · ' + p.percent + '%');
          }
        },
        grid: { left: 44, right: 16, bottom: 28, top: 16 },
        xAxis: { type: 'category', data: points.map(function (p) { return p.shortLabel; }) },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [{ name: d.labelShare, type: 'line', connectNulls: false, data: points.map(point),
                   itemStyle: { color: '#0a58ca' }, lineStyle: { width: 2 } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
      table(points, d);
    });
  }

  // the numbers behind the chart, for screen readers and for anyone who wants them exactly
  function table(points, d) {
    var box = document.getElementById('rule-trend-data');
    if (!box) { return; }
    var body = box.querySelector('tbody');
    points.forEach(function (p) {
      var tr = document.createElement('tr');
      [p.label + (p.current ? d.labelCurrent : ''), p.met + ' / ' + total(p),
       p.percent === null ? '—' : p.percent + '%'].forEach(function (text, i) {
        var td = document.createElement('td');
        td.textContent = text;
        if (i > 0) { td.className = 'text-end text-nowrap'; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    box.hidden = false;
  }

  function drawSpark(el) {
    load(el.dataset.trendUrl).then(function (trend) {
      if (!trend) { return; }
      var points = trend.points || [];
      if (points.filter(function (p) { return p.percent !== null; }).length < 2) { return; }
      el.classList.add('drawn');
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        grid: { left: 2, right: 2, top: 2, bottom: 2 },
        xAxis: { type: 'category', show: false, data: points.map(function (p) { return p.shortLabel; }) },
        yAxis: { type: 'value', show: false, min: 0, max: 100 },
        series: [{ type: 'line', data: points.map(point), symbol: 'none', connectNulls: false,
                   lineStyle: { width: 1.5, color: '#0a58ca' } }]
      });
      el.title = points.filter(function (p) { return p.percent !== null; })
        .map(function (p) { return p.shortLabel + ' ' + p.percent + '%'; }).join('，');
    });
  }

  var main = document.getElementById('rule-trend');
  if (main) { drawChart(main); }
  document.querySelectorAll('.overview-spark[data-trend-url]').forEach(drawSpark);
})();
