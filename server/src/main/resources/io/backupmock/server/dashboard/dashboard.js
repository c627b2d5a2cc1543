// The backup-mock dashboard: a client of the documented admin API (admin/openapi.json) and nothing else.
// Everything it shows goes into the page as text (textContent, attribute values), never as markup.
'use strict';

(function () {
  const ADMIN = 'admin';
  const POLL_MS = 1000;
  const MAX_JOURNAL_ROWS = 200;
  const TOKEN_KEY = 'backupmock.adminToken';
  const JOB_STATUSES = ['InProgress', 'Completed', 'CompletedWithWarnings', 'Failed', 'Cancelling', 'Cancelled'];
  const TASK_STATUSES = ['NotStarted', 'InProgress', 'Completed', 'Failed', 'Cancelled'];
  const OPERATION_STATUSES = ['InProgress', 'Succeeded', 'Failed', 'Canceled'];

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    needsToken: false,
    subscription: null,
    after: 0,
    journal: [],
    openJobs: new Set(),
    openRequests: new Set(),
    clock: null,
    timer: null,
    refreshing: null,
    again: false,
    pickerSignature: null,
    shown: {},
  };

  const byId = (id) => document.getElementById(id);

  // ---- DOM building: text only ----------------------------------------------------------------------------

  /** An element with attributes named here in the code (never by data) and children as nodes or text. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    if (attributes) {
      for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) {
          continue;
        }
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children) {
      if (child === undefined || child === null || child === false) {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /**
   * Whether what a part of the page shows differs from what it was built from last time. Parts are
   * rebuilt only then, so a refresh that brings nothing new leaves focus and open rows alone.
   */
  function changed(part, ...inputs) {
    const signature = JSON.stringify(inputs);
    if (state.shown[part] === signature) {
      return false;
    }
    state.shown[part] = signature;
    return true;
  }

  /**
   * Replaces a table body's rows; a toggle that had the focus has it again in the new rows, so a
   * refresh or an opened row does not throw a keyboard user back to the top of the page.
   */
  function replaceRows(tbody, rows) {
    const focused = document.activeElement && tbody.contains(document.activeElement)
      ? document.activeElement.dataset.toggle : undefined;
    tbody.replaceChildren(...rows);
    if (focused !== undefined) {
      const again = [...tbody.querySelectorAll('button[data-toggle]')].find((b) => b.dataset.toggle === focused);
      if (again) {
        again.focus();
      }
    }
  }

  function cell(...children) {
    return el('td', null, ...children);
  }

  function emptyRow(columns, text) {
    return el('tr', {class: 'empty'}, el('td', {colspan: columns}, text));
  }

  function statusBadge(value, known) {
    const kind = known.includes(value) ? value : 'Unknown';
    return el('span', {class: 'badge status-' + kind}, value);
  }

  // ---- Formatting -----------------------------------------------------------------------------------------

  /** "08:01:30" for an instant (UTC), with the full instant as a tooltip. */
  function time(instant) {
    if (!instant || instant.startsWith('0001-01-01')) {
      return el('span', {class: 'muted'}, '—');
    }
    return el('time', {datetime: instant, title: instant}, clockTime(instant));
  }

  function clockTime(instant) {
    const m = /T(\d\d:\d\d:\d\d)(\.\d+)?Z?$/.exec(instant);
    return m ? m[1] : instant;
  }

  function longTime(instant) {
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(instant || '');
    return m ? m[1] + ' ' + m[2] + ' UTC' : String(instant || '');
  }

  /** Seconds in an ISO-8601 duration (PT1M30S, P1DT2H, PT0.5S); NaN if it is not one. */
  function seconds(duration) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration || '');
    if (!m) {
      return NaN;
    }
    return (Number(m[1] || 0) * 86400) + (Number(m[2] || 0) * 3600) + (Number(m[3] || 0) * 60) + Number(m[4] || 0);
  }

  function humanSeconds(total) {
    if (!Number.isFinite(total)) {
      return '';
    }
    if (total < 60) {
      return (Math.round(total * 10) / 10) + ' s';
    }
    const s = Math.round(total);
    const d = Math.floor(s / 86400);
    const h = Math.floor((s % 86400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    const parts = [];
    if (d) parts.push(d + ' d');
    if (h) parts.push(h + ' h');
    if (m) parts.push(m + ' min');
    if (rest && !d) parts.push(rest + ' s');
    return parts.join(' ');
  }

  function humanDuration(duration) {
    const s = seconds(duration);
    return Number.isFinite(s) ? humanSeconds(s) : String(duration || '');
  }

  function shortId(id) {
    return el('code', {title: id}, String(id).slice(0, 8));
  }

  /**
   * An ARM path from the vault on, with the fabric and container left out and ids cut to 8 characters:
   * "testVault/…/protectedItems/VM;…;testVM/operationsStatus/beb8b853…". The whole path is in its tooltip.
   */
  function shortPath(path) {
    const m = /\/providers\/Microsoft\.RecoveryServices\/vaults\/(.*)$/i.exec(path);
    if (!m) {
      return path;
    }
    return m[1]
      .replace(/\/backupFabrics\/[^/]+\/protectionContainers\/[^/]+\//i, '/…/')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => id.slice(0, 8) + '…');
  }

  function shortQuery(query) {
    return (query || '').split('&').filter((p) => p && !/^api-version=/i.test(p)).join('&');
  }

  // ---- The admin API --------------------------------------------------------------------------------------

  class AdminError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    let response;
    try {
      response = await fetch(ADMIN + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      throw new AdminError(0, 'Unreachable', 'the emulator does not answer (' + e.message + ')');
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = null;
      }
    }
    if (response.status === 401) {
      askForToken(state.token ? 'The emulator refused that token; enter its admin token.' : null);
      throw new AdminError(401, 'AuthenticationFailed', 'the admin API needs the admin token');
    }
    if (!response.ok) {
      const error = (json && json.error) || {};
      throw new AdminError(response.status, error.code || String(response.status), error.message || text);
    }
    return json;
  }

  function subscriptionQuery(prefix) {
    return state.subscription ? prefix + 'subscriptionId=' + encodeURIComponent(state.subscription) : '';
  }

  // ---- Messages and the token ------------------------------------------------------------------------------

  function say(text, isError) {
    const message = byId('message');
    message.textContent = text;
    message.classList.toggle('error', Boolean(isError));
  }

  function askForToken(note) {
    state.needsToken = true;
    const form = byId('token-form');
    form.hidden = false;
    if (note) {
      byId('token-note').textContent = note;
    }
    byId('updated').textContent = 'Waiting for the admin token';
    byId('token').focus();
  }

  // ---- Refreshing ----------------------------------------------------------------------------------------

  /** Asks the admin API for everything shown, then renders it; one at a time, and once more if asked meanwhile. */
  function refresh() {
    if (state.refreshing) {
      state.again = true;
      return state.refreshing;
    }
    state.refreshing = load().finally(() => {
      state.refreshing = null;
      if (state.again) {
        state.again = false;
        refresh();
      }
    });
    return state.refreshing;
  }

  async function load() {
    if (state.needsToken) {
      return;
    }
    try {
      const subscriptions = await api('GET', '/subscriptions');
      renderPicker(subscriptions.value || []);
      const sub = state.subscription;
      const [overview, clock, faults, tail] = await Promise.all([
        sub ? api('GET', '/subscriptions/' + encodeURIComponent(sub)) : Promise.resolve(null),
        api('GET', '/clock' + subscriptionQuery('?')),
        api('GET', '/faults'),
        api('GET', '/journal/tail?after=' + state.after + subscriptionQuery('&')),
      ]);
      if (sub !== state.subscription) {
        return; // the picker moved meanwhile: the next refresh shows the new subscription
      }
      renderClock(clock);
      renderJobs(overview);
      renderOperations(overview);
      renderVaults(overview);
      renderFaults(faults);
      mergeJournal(tail);
      renderJournal();
      byId('updated').textContent = 'Live · updated ' + new Date().toLocaleTimeString();
      byId('updated').classList.remove('error');
    } catch (e) {
      if (e.status !== 401) {
        byId('updated').textContent = 'Not updated: ' + e.message;
        byId('updated').classList.add('error');
      }
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(async () => {
      if (!document.hidden) {
        await refresh();
      }
      schedule();
    }, POLL_MS);
  }

  /** Runs an admin call from a control, says how it went, and refreshes. */
  async function act(description, call) {
    try {
      await call();
      say(description);
    } catch (e) {
      if (e.status !== 401) {
        say(e.code + ': ' + e.message, true);
      }
    }
    await refresh();
  }

  // ---- Subscription picker -------------------------------------------------------------------------------

  function subscriptionFromHash() {
    const m = /(?:^#|&)subscription=([^&]*)/.exec(location.hash);
    try {
      return m ? decodeURIComponent(m[1]) : null;
    } catch (e) {
      return null;
    }
  }

  function choose(subscription) {
    if (subscription === state.subscription) {
      return;
    }
    state.subscription = subscription;
    state.after = 0;
    state.journal = [];
    state.openJobs.clear();
    state.openRequests.clear();
    history.replaceState(null, '', subscription ? '#subscription=' + encodeURIComponent(subscription) : '#');
  }

  function renderPicker(subscriptions) {
    if (!state.subscription && subscriptions.length) {
      // The most recently active subscription, else the first.
      const latest = subscriptions.reduce((a, b) => (b.lastSequence > a.lastSequence ? b : a));
      choose(latest.subscriptionId);
    }
    const select = byId('subscription');
    const options = [];
    let listed = false;
    for (const s of subscriptions) {
      const same = state.subscription && s.subscriptionId.toLowerCase() === state.subscription.toLowerCase();
      listed = listed || same;
      options.push(el('option', {value: s.subscriptionId, selected: same},
        s.subscriptionId + ' — ' + s.vaults + ' vault' + (s.vaults === 1 ? '' : 's') + ', ' + s.jobs + ' job'
        + (s.jobs === 1 ? '' : 's') + ', ' + s.requests + ' request' + (s.requests === 1 ? '' : 's')));
    }
    if (state.subscription && !listed) {
      options.unshift(el('option', {value: state.subscription, selected: true}, state.subscription + ' — nothing yet'));
    }
    if (!options.length) {
      options.push(el('option', {value: ''}, 'No subscriptions yet: send a request'));
    }
    // Rebuilt only when something changed, and not under the user's hand.
    const signature = JSON.stringify(options.map((o) => [o.value, o.textContent, o.selected]));
    if (signature !== state.pickerSignature && document.activeElement !== select) {
      state.pickerSignature = signature;
      select.replaceChildren(...options);
    }
  }

  // ---- Clock ---------------------------------------------------------------------------------------------

  function renderClock(clock) {
    state.clock = clock;
    const virtual = clock.mode === 'virtual';
    byId('clock-mode').textContent = virtual ? 'Virtual' : 'System';
    const instant = byId('clock-instant');
    instant.textContent = longTime(clock.instant);
    instant.setAttribute('datetime', clock.instant);
    byId('clock-note').textContent = virtual
      ? 'Virtual: it moves only when told' + (clock.autoAdvance && clock.autoAdvance !== 'PT0S'
        ? ', and ' + humanDuration(clock.autoAdvance) + ' with every ARM request.' : '.')
      : 'The emulator runs on the system clock, which cannot be moved: start it with a virtual clock '
        + '(clock: {mode: virtual}) to move time from here.';
    for (const control of document.querySelectorAll('#advance-form input, #advance-form button, '
      + '#set-form input, #set-form button')) {
      control.disabled = !virtual;
    }
  }

  function moveClock(change, description) {
    return act(description, () => api('POST', '/clock' + subscriptionQuery('?'), change));
  }

  // ---- Jobs ----------------------------------------------------------------------------------------------

  function renderJobs(overview) {
    if (!changed('jobs', overview && overview.vaults.map((v) => [v.name, v.jobs]), [...state.openJobs])) {
      return;
    }
    const rows = [];
    for (const vault of (overview ? overview.vaults : [])) {
      for (const job of vault.jobs) {
        const open = state.openJobs.has(job.id);
        const detailId = 'job-detail-' + rows.length;
        const toggle = el('button', {type: 'button', class: 'link', 'aria-expanded': String(open),
          'aria-controls': detailId, 'data-toggle': 'job ' + job.id,
          title: 'Tasks, property bag and errors of job ' + job.id}, shortId(job.id));
        toggle.addEventListener('click', () => {
          if (state.openJobs.has(job.id)) {
            state.openJobs.delete(job.id);
          } else {
            state.openJobs.add(job.id);
          }
          renderJobs(overview);
        });
        const status = cell(statusBadge(job.status, JOB_STATUSES));
        const firstError = (job.errorDetails || []).find((e) => e.errorString);
        if (firstError) {
          status.append(el('div', {class: 'error-text'}, firstError.errorString));
        }
        rows.push(el('tr', {class: 'job', 'data-job-id': job.id},
          cell(vault.name),
          cell(toggle),
          cell(job.operation),
          cell(job.entityFriendlyName),
          cell(job.jobType),
          status,
          cell(time(job.startTime)),
          cell(humanDuration(job.duration)),
          cell(timelineBar(job))));
        if (open) {
          rows.push(el('tr', {class: 'detail', id: detailId}, el('td', {colspan: 9}, jobDetail(vault, job))));
        }
      }
    }
    replaceRows(byId('jobs-body'), (rows.length ? rows : [emptyRow(9, overview
      ? 'No jobs yet: trigger a backup or create one with POST …/jobs.' : 'Pick a subscription.')]));
  }

  /** A bar of the job's tasks, each as wide as its planned duration, coloured by its status now. */
  function timelineBar(job) {
    const bar = el('div', {class: 'timeline', 'aria-hidden': 'true'});
    const tasks = job.tasks.length ? job.tasks : [{taskId: job.operation, status: job.status === 'InProgress'
      ? 'InProgress' : 'Completed', plannedStart: job.startTime, plannedEnd: job.endsAt,
    progressPercentage: job.progressPercentage}];
    for (const task of tasks) {
      const planned = (Date.parse(task.plannedEnd) - Date.parse(task.plannedStart)) / 1000;
      const segment = el('span', {class: 'segment task-' + (TASK_STATUSES.includes(task.status) ? task.status
        : 'Unknown'), title: task.taskId + ': ' + task.status});
      segment.style.flexGrow = String(Number.isFinite(planned) && planned > 0 ? planned : 1);
      const done = Math.max(0, Math.min(100, Number(task.progressPercentage) || 0));
      const fill = el('span', {class: 'fill'});
      fill.style.width = (task.status === 'NotStarted' ? 0 : done) + '%';
      segment.append(fill);
      bar.append(segment);
    }
    const summary = job.tasks.map((t) => t.taskId + ' ' + t.status).join(', ');
    return el('div', {class: 'tasks'}, bar,
      el('span', {class: 'progress'}, Math.round(Number(job.progressPercentage) || 0) + '%'),
      el('span', {class: 'visually-hidden'}, summary));
  }

  function jobDetail(vault, job) {
    const tasks = el('table', {class: 'data inner'},
      el('caption', null, 'Tasks of job ' + job.id + ' in vault ' + vault.name),
      el('thead', null, el('tr', null, ...['Task', 'Status', 'Planned', 'Started', 'Ended', 'Duration', 'Progress']
        .map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', null, ...(job.tasks.length ? job.tasks.map((t) => el('tr', null,
        cell(t.taskId),
        cell(statusBadge(t.status, TASK_STATUSES)),
        cell(time(t.plannedStart), ' – ', time(t.plannedEnd)),
        cell(time(t.startTime)),
        cell(time(t.endTime)),
        cell(humanDuration(t.duration)),
        cell(Math.round(Number(t.progressPercentage) || 0) + '%'))) : [emptyRow(7, 'This job has no tasks.')])));
    const bag = el('dl', {class: 'bag'});
    for (const [key, value] of Object.entries(job.propertyBag || {})) {
      bag.append(el('dt', null, key), el('dd', null, value));
    }
    const parts = [tasks,
      el('p', null, 'Ends ', time(job.endsAt), job.endTime ? '' : ' (planned)', ' · ',
        job.cancellable ? 'cancellable' : 'not cancellable', ' · id ', el('code', null, job.id))];
    if (bag.childElementCount) {
      parts.push(el('h3', null, 'Property bag'), bag);
    }
    if ((job.errorDetails || []).length) {
      parts.push(el('h3', null, 'Error details'), el('ul', {class: 'errors'}, ...job.errorDetails.map((e) =>
        el('li', null,
          e.errorCode !== undefined ? el('code', null, String(e.errorCode)) : null, ' ',
          e.errorTitle ? el('strong', null, e.errorTitle) : null, ' ',
          e.errorString || '',
          (e.recommendations || []).length
            ? el('ul', null, ...e.recommendations.map((r) => el('li', null, r))) : null))));
    }
    return el('div', {class: 'job-detail'}, ...parts);
  }

  // ---- Operations ----------------------------------------------------------------------------------------

  function renderOperations(overview) {
    if (!changed('operations', overview && overview.vaults.map((v) => [v.name, v.operations]))) {
      return;
    }
    const rows = [];
    for (const vault of (overview ? overview.vaults : [])) {
      for (const op of vault.operations) {
        rows.push(el('tr', null,
          cell(vault.name),
          cell(shortId(op.status.id)),
          cell(op.kind),
          cell(statusBadge(op.status.status, OPERATION_STATUSES),
            op.status.error ? el('div', {class: 'error-text'}, op.status.error.code + ': '
              + (op.status.error.message || '')) : null),
          cell(time(op.status.startTime)),
          cell(time(op.status.endTime)),
          cell(op.jobId ? shortId(op.jobId) : el('span', {class: 'muted'}, '—'))));
      }
    }
    byId('operations-body').replaceChildren(...(rows.length ? rows : [emptyRow(7, 'No operations.')]));
  }

  // ---- Vaults --------------------------------------------------------------------------------------------

  function renderVaults(overview) {
    if (!changed('vaults', overview && overview.vaults.map((v) => [v.name, v.resourceGroup, v.path, v.items,
      v.jobs.length]))) {
      return;
    }
    const rows = (overview ? overview.vaults : []).map((vault) => el('tr', null,
      el('th', {scope: 'row', title: vault.path}, vault.name, el('div', {class: 'muted'}, vault.resourceGroup)),
      cell(vault.items.length ? el('ul', {class: 'plain'}, ...vault.items.map((i) => el('li', {title: i.container},
        i.name + ' · ' + i.protectionState))) : el('span', {class: 'muted'}, 'none')),
      cell(String(vault.jobs.length))));
    byId('vaults-body').replaceChildren(...(rows.length ? rows : [emptyRow(3, 'No vaults.')]));
  }

  // ---- Faults --------------------------------------------------------------------------------------------

  function renderFaults(list) {
    if (!changed('faults', list.faults)) {
      return;
    }
    const rows = (list.faults || []).map((armed) => {
      const f = armed.fault;
      const scope = [f.subscriptionId ? 'subscription ' + f.subscriptionId.slice(0, 8) : 'any subscription',
        f.vault ? 'vault ' + f.vault : null, f.method || 'any method',
        f.pathContains ? 'path ∋ ' + f.pathContains : null].filter(Boolean).join(', ');
      const answer = [f.status ? f.status + ' ' + (f.code || '') : null,
        f.retryAfter !== undefined ? 'Retry-After ' + f.retryAfter : null,
        f.latency ? 'after ' + humanDuration(f.latency) : null, f.dropConnection ? 'drops the connection' : null,
        f.rate !== undefined ? 'rate ' + f.rate : null, f.nth !== undefined ? 'on request ' + f.nth : null,
        f.times !== undefined ? 'at most ' + f.times + '×' : null].filter(Boolean).join(' · ');
      return el('tr', {class: 'fault'},
        cell(scope), cell(answer), cell(f.message || ''),
        cell(armed.fired + ' of ' + armed.matched));
    });
    byId('faults-body').replaceChildren(...(rows.length ? rows : [emptyRow(4, 'No faults in force.')]));
  }

  function faultFromForm() {
    const fault = {};
    const text = (id) => byId(id).value.trim();
    const number = (id) => (byId(id).value.trim() === '' ? undefined : Number(byId(id).value));
    if (text('fault-method')) fault.method = text('fault-method');
    if (text('fault-path')) fault.pathContains = text('fault-path');
    fault.status = number('fault-status');
    if (text('fault-code')) fault.code = text('fault-code');
    if (text('fault-message')) fault.message = text('fault-message');
    if (number('fault-retry') !== undefined) fault.retryAfter = number('fault-retry');
    if (number('fault-times') !== undefined) fault.times = number('fault-times');
    if (byId('fault-scoped').checked && state.subscription) fault.subscriptionId = state.subscription;
    return fault;
  }

  // ---- Journal -------------------------------------------------------------------------------------------

  function mergeJournal(tail) {
    if (tail.first === undefined) {
      state.journal = [];
    } else {
      state.journal = state.journal.filter((r) => r.sequence >= tail.first);
    }
    const seen = new Set(state.journal.map((r) => r.sequence));
    for (const r of tail.requests) {
      if (!seen.has(r.sequence)) {
        state.journal.push(r);
      }
      state.after = Math.max(state.after, r.sequence);
    }
    state.journal.sort((a, b) => a.sequence - b.sequence);
    if (state.journal.length > MAX_JOURNAL_ROWS) {
      state.journal = state.journal.slice(state.journal.length - MAX_JOURNAL_ROWS);
    }
    byId('journal-note').textContent = tail.skipped
      ? tail.skipped + ' older requests were not fetched; the admin API has them all.' : '';
  }

  function renderJournal() {
    if (!changed('journal', state.journal.map((r) => r.sequence), [...state.openRequests])) {
      return;
    }
    const previous = new Map();
    const since = new Map();
    for (const r of state.journal) {
      const key = r.method + ' ' + r.path;
      if (previous.has(key)) {
        since.set(r.sequence, (Date.parse(r.at) - Date.parse(previous.get(key))) / 1000);
      }
      previous.set(key, r.at);
    }
    const rows = [];
    for (const r of state.journal.slice().reverse()) {
      const open = state.openRequests.has(r.sequence);
      const query = shortQuery(r.query);
      const detailId = 'request-detail-' + r.sequence;
      const toggle = el('button', {type: 'button', class: 'link path', 'aria-expanded': String(open),
        'aria-controls': detailId, 'data-toggle': 'request ' + r.sequence,
        title: r.path + (r.query ? '?' + r.query : '')},
      shortPath(r.path) + (query ? '?' + query : ''));
      toggle.addEventListener('click', () => {
        if (state.openRequests.has(r.sequence)) {
          state.openRequests.delete(r.sequence);
        } else {
          state.openRequests.add(r.sequence);
        }
        renderJournal();
      });
      const retryAfter = (r.responseHeaders || {})['retry-after'];
      const gap = since.get(r.sequence);
      rows.push(el('tr', {class: 'request status-' + Math.floor(r.status / 100) + 'xx'},
        cell(String(r.sequence)),
        cell(time(r.at)),
        cell(gap === undefined ? el('span', {class: 'muted'}, '—') : '+' + humanSeconds(gap)),
        cell(el('span', {class: 'method'}, r.method)),
        cell(toggle),
        cell(el('strong', null, String(r.status))),
        cell(retryAfter === undefined ? el('span', {class: 'muted'}, '—') : retryAfter + ' s')));
      if (open) {
        rows.push(el('tr', {class: 'detail', id: detailId}, el('td', {colspan: 7}, requestDetail(r))));
      }
    }
    replaceRows(byId('journal-body'), rows.length ? rows : [emptyRow(7, 'No requests yet.')]);
  }

  function requestDetail(r) {
    const parts = [el('p', null, el('code', {class: 'uri'}, r.method + ' ' + r.path + (r.query ? '?' + r.query : '')))];
    if (r.body) {
      parts.push(el('h3', null, 'Request body'), el('pre', null, r.body));
    }
    parts.push(el('h3', null, 'Response ' + r.status));
    const headers = Object.entries(r.responseHeaders || {}).map(([k, v]) => k + ': ' + v).join('\n');
    parts.push(el('pre', null, headers + (r.responseBody ? '\n\n' + r.responseBody : '')));
    if ((r.violations || []).length) {
      parts.push(el('h3', null, 'Schema violations'), el('ul', {class: 'errors'},
        ...r.violations.map((v) => el('li', null, v))));
    }
    return el('div', {class: 'request-detail'}, ...parts);
  }

  // ---- Wiring --------------------------------------------------------------------------------------------

  function wire() {
    byId('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      state.token = byId('token').value;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      state.needsToken = false;
      byId('token-form').hidden = true;
      byId('token').value = '';
      refresh();
    });
    byId('picker').addEventListener('submit', (event) => event.preventDefault());
    byId('subscription').addEventListener('change', (event) => {
      choose(event.target.value || null);
      refresh();
    });
    window.addEventListener('hashchange', () => {
      const wanted = subscriptionFromHash();
      if (wanted) {
        choose(wanted);
        refresh();
      }
    });
    byId('advance-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const by = byId('advance').value.trim();
      moveClock({advance: by}, 'Advanced the clock by ' + by + '.');
    });
    for (const preset of document.querySelectorAll('button[data-advance]')) {
      preset.addEventListener('click', () => {
        const by = preset.dataset.advance;
        moveClock({advance: by}, 'Advanced the clock by ' + by + '.');
      });
    }
    byId('set-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const to = byId('set').value.trim();
      moveClock({set: to}, 'Set the clock to ' + to + '.');
    });
    byId('fault-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const fault = faultFromForm();
      act('Added a fault.', () => api('POST', '/faults', fault));
    });
    byId('faults-clear').addEventListener('click', () => act('Cleared every fault.', () => api('DELETE', '/faults')));
    byId('forget').addEventListener('click', () => {
      if (!state.subscription) {
        say('Pick a subscription first.', true);
        return;
      }
      const sub = state.subscription;
      act('Forgot subscription ' + sub + '.', () => api('POST', '/reset?subscriptionId=' + encodeURIComponent(sub)));
    });
    byId('reset').addEventListener('click', () => act('Reset the emulator.', () => api('POST', '/reset')));
  }

  wire();
  const wanted = subscriptionFromHash();
  if (wanted) {
    choose(wanted);
  }
  refresh().then(schedule);
}());
