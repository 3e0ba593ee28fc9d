/* Draws the replay report's charts with uPlot from the JSON in #report-data.
 * Time charts: drag to zoom, wheel to zoom around the cursor, shift-drag or middle-drag to pan,
 * double-click to reset. Each chart's container gets data-rendered-series (series with data) and
 * the body data-charts-rendered and data-js-errors, for the rendering test. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];

  function utc(ts) {
    return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
  }

  var hourMinute = uPlot.fmtDate('{HH}:{mm}');
  var monthDay = uPlot.fmtDate('{MM}-{DD}');
  var monthDayTime = uPlot.fmtDate('{MM}-{DD} {HH}:{mm}');
  var fullTime = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}');

  /* 24-hour UTC labels: dates alone when ticks are days apart, else times with the date when it
   * changes. */
  function timeLabels(u, splits, axisIdx, space, increment) {
    var previous = null;
    return splits.map(function (ts) {
      var date = utc(ts);
      var day = monthDay(date);
      var label = increment >= 86400 ? day : day !== previous ? monthDayTime(date) : hourMinute(date);
      previous = day;
      return label;
    });
  }

  function number(digits) {
    return function (u, v) {
      return v == null ? '-' : v.toFixed(digits);
    };
  }

  function zoomAndPan() {
    return {
      hooks: {
        ready: [
          function (u) {
            var over = u.over;
            var xs = u.data[0];
            var lo = xs[0];
            var hi = xs[xs.length - 1];
            function setX(min, max) {
              var span = Math.min(max - min, hi - lo);
              if (min < lo) {
                min = lo;
                max = lo + span;
              }
              if (max > hi) {
                max = hi;
                min = hi - span;
              }
              u.setScale('x', { min: min, max: max });
            }
            over.addEventListener(
              'wheel',
              function (e) {
                e.preventDefault();
                var at = u.posToVal(e.clientX - over.getBoundingClientRect().left, 'x');
                var min = u.scales.x.min;
                var max = u.scales.x.max;
                var factor = e.deltaY < 0 ? 0.75 : 1 / 0.75;
                setX(at - (at - min) * factor, at + (max - at) * factor);
              },
              { passive: false }
            );
            over.addEventListener(
              'mousedown',
              function (e) {
                if (!(e.shiftKey || e.button === 1)) {
                  return;
                }
                e.preventDefault();
                e.stopImmediatePropagation();
                var startX = e.clientX;
                var min = u.scales.x.min;
                var max = u.scales.x.max;
                var perPixel = (max - min) / over.clientWidth;
                function move(ev) {
                  var shift = (startX - ev.clientX) * perPixel;
                  setX(min + shift, max + shift);
                }
                function up() {
                  document.removeEventListener('mousemove', move);
                  document.removeEventListener('mouseup', up);
                }
                document.addEventListener('mousemove', move);
                document.addEventListener('mouseup', up);
              },
              true
            );
          }
        ]
      }
    };
  }

  function drawMarks(marks) {
    return function (u) {
      if (!marks.length) {
        return;
      }
      var ctx = u.ctx;
      var box = u.bbox;
      ctx.save();
      ctx.beginPath();
      ctx.rect(box.left, box.top, box.width, box.height);
      ctx.clip();
      marks.forEach(function (m) {
        var x0 = u.valToPos(m.from, 'x', true);
        var x1 = u.valToPos(m.to, 'x', true);
        ctx.fillStyle = m.color;
        ctx.fillRect(x0, box.top, Math.max(1, x1 - x0), box.height);
      });
      ctx.restore();
    };
  }

  function renderedSeries(columns) {
    var count = 0;
    for (var i = 1; i < columns.length; i++) {
      if (columns[i].some(function (v) { return v != null; })) {
        count++;
      }
    }
    return count;
  }

  function timeChart(spec) {
    var el = document.getElementById(spec.id);
    var series = [
      {
        label: 'time (UTC)',
        value: function (u, ts) {
          return ts == null ? '-' : fullTime(utc(ts));
        }
      }
    ];
    var columns = [spec.x];
    spec.series.forEach(function (s) {
      var options = {
        label: s.label,
        stroke: s.color,
        width: s.kind === 'band' ? 0.8 : 1.5,
        points: { show: false },
        value: number(2)
      };
      if (s.kind === 'step') {
        options.paths = uPlot.paths.stepped({ align: 1 });
      }
      if (s.kind === 'dashed') {
        options.dash = [6, 4];
        options.paths = uPlot.paths.stepped({ align: 1 });
      }
      series.push(options);
      columns.push(s.values);
    });
    var bands = spec.bands.map(function (b) {
      return { series: [b.high + 1, b.low + 1], fill: b.fill };
    });
    var chart = new uPlot(
      {
        width: el.clientWidth || 1200,
        height: spec.height,
        series: series,
        bands: bands,
        tzDate: utc,
        scales: { x: { time: true } },
        axes: [{ values: timeLabels, space: 70 }, { label: spec.yLabel, size: 60 }],
        cursor: { drag: { x: true, y: false } },
        plugins: [zoomAndPan()],
        hooks: { drawClear: [drawMarks(spec.marks)] }
      },
      columns,
      el
    );
    el.setAttribute('data-rendered-series', renderedSeries(columns));
    return chart;
  }

  function frontierChart(spec) {
    var el = document.getElementById(spec.id);
    var xs = [];
    spec.strategies.forEach(function (s) {
      s.points.forEach(function (p) { xs.push(p.x); });
    });
    if (spec.oracle) {
      xs.push(spec.oracle.x);
    }
    xs = xs.sort(function (a, b) { return a - b; }).filter(function (x, i, all) {
      return i === 0 || x !== all[i - 1];
    });
    function column(points) {
      var values = xs.map(function () { return null; });
      points.forEach(function (p) { values[xs.indexOf(p.x)] = p.y; });
      return values;
    }
    var series = [{ label: 'replica-hours', value: number(1) }];
    var columns = [xs];
    spec.strategies.forEach(function (s) {
      series.push({
        label: s.name + ' (' + s.knob + ')',
        stroke: s.color,
        width: 2,
        spanGaps: true,
        points: { show: true, size: 7, fill: s.color },
        value: number(1)
      });
      columns.push(column(s.points));
    });
    if (spec.oracle) {
      series.push({
        label: 'oracle',
        stroke: spec.oracle.color,
        paths: function () { return null; },
        points: { show: true, size: 10, fill: spec.oracle.color },
        value: number(1)
      });
      columns.push(column([spec.oracle]));
    }
    var chart = new uPlot(
      {
        width: el.clientWidth || 1200,
        height: spec.height,
        series: series,
        // asinh: linear near 0, logarithmic further out, so a few minutes stay readable next to
        // hundreds.
        scales: { x: { time: false }, y: { distr: 4, asinh: 1 } },
        axes: [{ label: 'replica-hours' }, { label: 'overload minutes (asinh scale)', size: 60 }],
        cursor: { drag: { x: true, y: true, uni: 20 } },
        hooks: {
          draw: [
            function (u) {
              var ctx = u.ctx;
              ctx.save();
              ctx.font = Math.round(11 * devicePixelRatio) + 'px system-ui, sans-serif';
              ctx.fillStyle = '#333';
              spec.strategies.forEach(function (s) {
                s.points.forEach(function (p) {
                  ctx.fillText(
                    p.label,
                    u.valToPos(p.x, 'x', true) + 6 * devicePixelRatio,
                    u.valToPos(p.y, 'y', true) - 6 * devicePixelRatio
                  );
                });
              });
              ctx.restore();
            }
          ]
        }
      },
      columns,
      el
    );
    el.setAttribute('data-rendered-series', renderedSeries(columns));
    return chart;
  }

  data.timeCharts.forEach(function (spec) { charts.push(timeChart(spec)); });
  if (data.frontier) {
    charts.push(frontierChart(data.frontier));
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (c) {
      c.setSize({ width: c.root.parentNode.clientWidth, height: c.height });
    });
  });
  document.body.setAttribute('data-charts-rendered', charts.length);
  document.body.setAttribute('data-js-errors', window.reportErrors.length);
})();
