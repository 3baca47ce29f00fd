// The plan's calendar: FullCalendar month / week / list views in Chinese, week numbers are the term's teaching weeks.
(function () {
  var el = document.getElementById('plan-calendar');
  if (!el || !window.FullCalendar) { return; }
  var zh = el.dataset.lang !== 'en';
  var firstMonday = new Date(el.dataset.firstMonday + 'T00:00:00');
  var phone = window.matchMedia('(max-width: 575.98px)').matches;
  var strip = document.getElementById('calendar-month-items');
  var DAY = 24 * 3600 * 1000;

  // In the month grid an item that runs the whole month would fill every week row; it goes to the 本月事项 strip above
  // the grid instead, once. Returns the events left for the grid.
  function monthStrip(events, info) {
    if (!strip) { return events; }
    var list = strip.querySelector('ul');
    list.textContent = '';
    var mid = new Date((info.start.getTime() + info.end.getTime()) / 2);
    var monthStart = new Date(mid.getFullYear(), mid.getMonth(), 1);
    var monthEnd = new Date(mid.getFullYear(), mid.getMonth() + 1, 1);
    var days = Math.round((monthEnd - monthStart) / DAY);
    var kept = events.filter(function (e) {
      var start = new Date(e.start + 'T00:00:00');
      var end = new Date(e.end + 'T00:00:00');
      var inMonth = (Math.min(end, monthEnd) - Math.max(start, monthStart)) / DAY;
      if (inMonth < days - 3) { return true; } // 3 days of slack: items dated to the school days of the month
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = e.url;
      a.className = 'badge text-decoration-none ' + (e.classNames || []).join(' ');
      a.style.backgroundColor = e.color || e.backgroundColor || '';
      a.style.color = e.textColor || '#fff';
      a.textContent = e.title;
      a.title = e.title + ' · ' + e.status;
      li.appendChild(a);
      list.appendChild(li);
      return false;
    });
    strip.hidden = list.children.length === 0;
    return kept;
  }
  var calendar = new FullCalendar.Calendar(el, {
    locale: zh ? {
      code: 'zh-cn', week: { dow: 1, doy: 4 },
      buttonText: { prev: '上月', next: '下月', today: '今天', month: '月', week: '周', day: '日', list: '列表' },
      weekText: '周', allDayText: '全天', moreLinkText: function (n) { return '另外 ' + n + ' 项'; }, noEventsText: '没有安排'
    } : 'en',
    firstDay: 1,
    initialView: phone ? 'listMonth' : 'dayGridMonth',
    initialDate: el.dataset.initial,
    validRange: { start: el.dataset.termStart, end: el.dataset.termEnd },
    headerToolbar: phone ? { left: 'prev,next', center: 'title', right: 'listMonth,dayGridMonth' }
                         : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,dayGridWeek,listMonth' },
    height: 'auto',
    dayMaxEvents: 4,
    eventOrder: 'routine,start,-duration,title',
    weekNumbers: true,
    weekNumberCalculation: function (date) {
      return Math.floor((date - firstMonday) / (7 * 24 * 3600 * 1000)) + 1;
    },
    weekNumberContent: function (arg) {
      return arg.num >= 1 ? el.dataset.weekLabel.replace('{0}', arg.num) : '';
    },
    // list views (the phone) get each multi-day item once instead of on every day it spans
    events: function (info, success, failure) {
      var list = calendar && calendar.view && calendar.view.type.indexOf('list') === 0;
      var url = el.dataset.events + (el.dataset.events.indexOf('?') < 0 ? '?' : '&') + 'start=' + encodeURIComponent(info.startStr)
        + '&end=' + encodeURIComponent(info.endStr) + (list || (!calendar && phone) ? '&compact=true' : '');
      var grid = !list && !(!calendar && phone) && !(calendar && calendar.view.type === 'dayGridWeek');
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (events) { success(grid ? monthStrip(events, info) : (monthStrip([], info), events)); })
        .catch(failure);
    },
    viewDidMount: function () { if (calendar) { calendar.refetchEvents(); } },
    eventDidMount: function (info) { info.el.title = info.event.title + ' · ' + info.event.extendedProps.status; }
  });
  calendar.render();
  window.planCalendar = calendar; // lets a test or a bookmarklet move to a date
  // accessibility: FullCalendar's "另外 n 项" links open a popover (a button, so aria-expanded is allowed on it), and
  // its chevrons are decoration inside buttons that already carry a name
  function ariaFixes() {
    el.querySelectorAll('.fc-more-link:not([role])').forEach(function (a) { a.setAttribute('role', 'button'); });
    el.querySelectorAll('.fc-icon[role="img"]').forEach(function (i) { i.removeAttribute('role'); i.setAttribute('aria-hidden', 'true'); });
  }
  ariaFixes();
  new MutationObserver(ariaFixes).observe(el, { childList: true, subtree: true });
})();
