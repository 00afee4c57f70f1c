// camrig console: draws the rig from GET /api/rig/state and keeps it live from GET /api/events.
// No framework; Chart.js (served from its WebJar) draws the fire-spread history.
'use strict';

const state = { cameras: new Map(), matrix: null, takes: new Map(), keySettings: [], chart: null,
  dirty: new Set(), matrixDirty: false };
const PRESET_GROUPS = { 1000: 'video', 1001: 'photo', 1002: 'time lapse' };
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function token() { return sessionStorage.getItem('camrig-token'); }

function headers(json) {
  const h = {};
  if (json) h['Content-Type'] = 'application/json';
  const t = token();
  if (t) h['Authorization'] = 'Bearer ' + t;
  return h;
}

async function api(method, path, body) {
  const res = await fetch(path, { method, headers: headers(body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) { askToken(); throw new Error('a valid access token is needed'); }
  const data = await res.json();
  if (!res.ok) throw new Error(data.error ? data.error.message : res.statusText);
  return data;
}

function askToken() {
  const form = $('#token-form');
  form.hidden = false;
  form.onsubmit = (ev) => {
    ev.preventDefault();
    sessionStorage.setItem('camrig-token', $('#token').value.trim());
    $('#token').value = '';
    form.hidden = true;
    start();
  };
}

// ---- cameras -------------------------------------------------------------------------------
function tileClass(c) {
  if (c.link !== 'connected' || !c.healthy) return 'bad';
  if (c.overheating || c.cold || (c.batteryPercent != null && c.batteryPercent < 20)
      || (c.videoRemainingMinutes != null && c.videoRemainingMinutes < 3)) return 'warn';
  return 'ok';
}

function linkText(c) {
  if (!c.healthy) return 'FAILED';
  return c.link === 'connected' ? 'connected' : 'LINK DOWN';
}

function renderCamera(c) {
  const cls = tileClass(c);
  const temp = c.overheating ? 'HOT (overheating)' : c.cold ? 'COLD' : 'normal';
  const activity = c.encoding ? 'recording' : c.busy ? 'busy' : 'idle';
  const settings = Object.entries(c.settings || {}).map(([k, v]) => v).join(' · ');
  const sd = c.sdRemainingGb == null ? '?' : c.sdRemainingGb.toFixed(1) + ' GB'
    + (c.videoRemainingMinutes == null ? '' : ' · ' + c.videoRemainingMinutes + ' min');
  const tile = el('article', { class: 'tile ' + cls, id: 'camera-' + c.index, 'data-state': cls },
    el('h3', {}, el('span', { text: c.name }), el('span', { class: 'badge ' + cls, text: linkText(c) })),
    el('div', { class: 'sub', text: (c.model || 'model ?') + ' · node ' + c.node + (c.serial ? ' · ' + c.serial : '') }),
    el('dl', {},
      el('dt', { text: 'Battery' }), el('dd', { class: 'battery', text: c.batteryPercent == null ? '?' : c.batteryPercent + ' %' }),
      el('dt', { text: 'SD left' }), el('dd', { class: 'sd', text: sd }),
      el('dt', { text: 'Temp.' }), el('dd', { text: temp }),
      el('dt', { text: 'Activity' }), el('dd', { class: c.encoding ? 'rec-dot' : '', text: activity }),
      el('dt', { text: 'Preset' }), el('dd', { text: PRESET_GROUPS[c.presetGroup] || (c.presetGroup ?? '?') }),
      el('dt', { text: 'Settings' }), el('dd', { text: settings || '?' }),
      el('dt', { text: 'Latency' }), el('dd', { text: c.latencyMs == null ? '?' : c.latencyMs.toFixed(1) + ' ms' })),
    c.lastError ? el('div', { class: 'cause', text: c.lastError.type + ': ' + c.lastError.message }) : null);
  const old = document.getElementById('camera-' + c.index);
  if (old) old.replaceWith(tile); else $('#grid').append(tile);
}

// Tiles are redrawn in batches: once per chunk read from the event stream (see stream()), so a
// burst of events costs one redraw per camera, and the matrix only when a setting changed.
function updateCamera(c) {
  const old = state.cameras.get(c.index);
  if (!old || JSON.stringify(old.settings) !== JSON.stringify(c.settings)) state.matrixDirty = true;
  state.cameras.set(c.index, c);
  state.dirty.add(c.index);
}

function flush() {
  if (!state.dirty.size) return;
  for (const index of state.dirty) renderCamera(state.cameras.get(index));
  state.dirty.clear();
  if (state.matrixDirty) { renderMatrix(); state.matrixDirty = false; }
  renderSummary();
}

function renderSummary() {
  const cams = [...state.cameras.values()];
  const bad = cams.filter((c) => tileClass(c) === 'bad').length;
  const rec = cams.filter((c) => c.encoding).length;
  $('#summary').textContent = `${cams.length} cameras · ${cams.length - bad} up · ${bad} failing · ${rec} recording`;
}

// ---- settings matrix -------------------------------------------------------------------------
function majority(setting) {
  const counts = new Map();
  for (const c of state.cameras.values()) {
    const v = (c.settings || {})[setting];
    if (v != null) counts.set(v, (counts.get(v) || 0) + 1);
  }
  let best = null, n = 0;
  for (const [v, k] of counts) if (k > n) { best = v; n = k; }
  return best;
}

function renderMatrix() {
  const keys = state.keySettings;
  const head = $('#matrix thead');
  head.replaceChildren(el('tr', {}, el('th', { text: 'Camera' }), ...keys.map((k) => el('th', { text: k }))));
  const majorities = Object.fromEntries(keys.map((k) => [k, majority(k)]));
  const rows = [...state.cameras.values()].sort((a, b) => a.index - b.index).map((c) => el('tr', {},
    el('th', { text: c.name }),
    ...keys.map((k) => {
      const v = (c.settings || {})[k];
      const off = v != null && majorities[k] != null && v !== majorities[k];
      return el('td', { class: off ? 'mismatch' : '', 'data-camera': String(c.index), 'data-setting': k,
        title: off ? 'differs from the rig\'s majority (' + majorities[k] + ')' : '', text: v ?? '–' });
    })));
  $('#matrix tbody').replaceChildren(...rows);
}

async function fillOptions() {
  const setting = $('#apply-setting').value;
  if (!setting) return;
  const data = await api('GET', '/api/settings/' + encodeURIComponent(setting) + '/options');
  $('#apply-option').replaceChildren(...data.options.map((o) => el('option', { value: o.name, text: o.name })));
}

function showOutcomes(report) {
  const list = el('ul', {}, ...report.outcomes.map((o) => el('li', { class: 'chip ' + o.outcome,
    'data-camera': String(o.camera), 'data-outcome': o.outcome,
    text: o.name + ': ' + (o.outcome === 'ok' ? 'ok' : o.outcome + (o.error ? ' (' + o.error.type + ': ' + o.error.message + ')' : ' (' + o.detail + ')')) })));
  $('#outcomes').replaceChildren(el('div', { text: report.step + ' — ' + report.ok + ' ok, ' + report.failed + ' failed' }), list);
}

// ---- fire, takes, chart ----------------------------------------------------------------------
function ms(v) { return v == null ? '–' : v.toFixed(1) + ' ms'; }

function showFigures(f) {
  if (!f) return;
  $('#predicted').textContent = ms(f.predictedSpreadMs);
  $('#observed').textContent = ms(f.observedSpreadMs);
  $('#fired').textContent = f.fired + ' / ' + f.cameras;
}

function renderTakes() {
  const rows = [...state.takes.values()].sort((a, b) => b.id - a.id).map((t) => {
    const chips = t.cameras.map((p) => {
      const failed = (p.on && p.on.outcome !== 'ok') || (p.off && p.off.outcome !== 'ok');
      const d = p.download;
      let text = p.name + ': ' + (failed ? 'failed' : t.state === 'recording' ? 'rec' : 'ok');
      if (d) text += d.state === 'running' ? ' ↓' + Math.round(100 * d.bytes / Math.max(1, d.total)) + '%'
        : d.state === 'done' ? ' ↓done' : d.state === 'failed' ? ' ↓failed' : ' ↓…';
      const cls = failed || (d && d.state === 'failed') ? 'failed' : 'ok';
      return el('span', { class: 'chip ' + cls, 'data-camera': String(p.camera), text });
    });
    const button = t.state === 'stopped'
      ? el('button', { type: 'button', 'data-take': String(t.id), text: 'Download' }) : null;
    if (button) button.onclick = () => act(() => api('POST', '/api/takes/' + t.id + '/download'));
    return el('tr', { id: 'take-' + t.id, 'data-state': t.state },
      el('td', { text: '#' + t.id, title: t.takeId }), el('td', { text: t.state }),
      el('td', { text: ms(t.on && t.on.predictedSpreadMs) + ' / ' + ms(t.on && t.on.observedSpreadMs) }),
      el('td', { class: 'cams' }, ...chips), el('td', {}, button));
  });
  $('#takes tbody').replaceChildren(...rows);
  renderChart();
}

function renderChart() {
  if (typeof Chart === 'undefined') return;
  const takes = [...state.takes.values()].sort((a, b) => a.id - b.id);
  const labels = takes.map((t) => '#' + t.id);
  const predicted = takes.map((t) => t.on ? t.on.predictedSpreadMs : null);
  const observed = takes.map((t) => t.on ? t.on.observedSpreadMs : null);
  if (!state.chart) {
    state.chart = new Chart($('#spread-chart'), {
      type: 'line',
      data: { labels, datasets: [
        { label: 'predicted spread (ms)', data: predicted, borderColor: '#1f5fbf', backgroundColor: '#1f5fbf' },
        { label: 'observed spread (ms)', data: observed, borderColor: '#b3261e', backgroundColor: '#b3261e' }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } } }
    });
  } else {
    state.chart.data.labels = labels;
    state.chart.data.datasets[0].data = predicted;
    state.chart.data.datasets[1].data = observed;
    state.chart.update();
  }
}

// ---- log ---------------------------------------------------------------------------------------
function addLog(line) {
  const time = (line.time || '').replace(/^.*T/, '').replace(/\..*$/, '');
  const li = el('li', { class: line.level, text: time + ' ' + (line.camera ? line.camera + ': ' : '') + line.text });
  const log = $('#log');
  log.prepend(li);
  while (log.children.length > 300) log.lastChild.remove();
}

// ---- actions -----------------------------------------------------------------------------------
async function act(fn) {
  const buttons = document.querySelectorAll('#controls button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const r = await fn();
    if (r && r.outcomes) showOutcomes(r);
    if (r && r.figures) showFigures(r.figures);
  } catch (e) {
    addLog({ time: new Date().toISOString(), level: 'error', text: e.message });
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function wire() {
  $('#arm').onclick = () => act(() => api('POST', '/api/arm'));
  $('#fire-on').onclick = () => act(() => api('POST', '/api/fire', { shutter: 'on' }));
  $('#fire-off').onclick = () => act(() => api('POST', '/api/fire', { shutter: 'off' }));
  $('#recover').onclick = () => act(() => api('POST', '/api/recover'));
  $('#apply-setting').onchange = () => fillOptions().catch((e) => addLog({ level: 'error', text: e.message }));
  $('#apply').onsubmit = (ev) => {
    ev.preventDefault();
    const setting = $('#apply-setting').value;
    act(() => api('PUT', '/api/settings/' + encodeURIComponent(setting), { option: $('#apply-option').value }));
  };
}

// ---- state and events --------------------------------------------------------------------------
function applyState(s) {
  state.keySettings = s.rig.keySettings;
  const select = $('#apply-setting');
  if (!select.options.length) {
    select.replaceChildren(...state.keySettings.map((k) => el('option', { value: k, text: k })));
    fillOptions().catch(() => {});
  }
  state.cameras.clear();
  $('#grid').replaceChildren();
  s.cameras.forEach(updateCamera);
  flush();
  state.takes.clear();
  s.takes.forEach((t) => state.takes.set(t.id, t));
  renderTakes();
  const last = s.takes.length ? s.takes[s.takes.length - 1] : null;
  if (last) showFigures(last.off || last.on);
  $('#log').replaceChildren();
  s.log.forEach(addLog);
  renderSummary();
}

function handle(type, data) {
  switch (type) {
    case 'snapshot': applyState(data); break;
    case 'camera': updateCamera(data); break;
    case 'outcomes': showOutcomes(data); break;
    case 'take': state.takes.set(data.id, data); renderTakes(); break;
    case 'fire': showFigures(data.figures); break;
    case 'log': addLog(data); break;
    case 'lost':
      addLog({ time: new Date().toISOString(), level: 'warn', text: 'this console fell behind: ' + data.dropped + ' updates skipped' });
      break;
    default: break;
  }
}

async function stream() {
  const badge = $('#stream');
  for (;;) {
    try {
      const res = await fetch('/api/events', { headers: headers(false) });
      if (res.status === 401) { askToken(); badge.className = 'badge bad'; badge.textContent = 'events: token needed'; return; }
      badge.className = 'badge ok'; badge.textContent = 'events: live';
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, cut);
          buf = buf.slice(cut + 2);
          let type = 'message', data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) handle(type, JSON.parse(data));
        }
        flush();
      }
    } catch (e) {
      // the service went away: say so, and try again
    }
    badge.className = 'badge bad'; badge.textContent = 'events: reconnecting';
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function start() { stream(); }

wire();
start();
