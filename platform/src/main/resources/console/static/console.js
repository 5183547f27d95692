// Collector console: plain JavaScript, no build step and nothing from a CDN. Every call goes to the
// console's own /api/admin/console API with the operator's bearer token.
'use strict';

const API = '/api/admin/console';
const REFRESH_MS = 5000;
const TOKEN_KEY = 'collector-console-token';
const $ = (selector) => document.querySelector(selector);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function cell(content, attributes = {}) {
  return element('td', attributes, content);
}

function replaceRows(table, rows) {
  table.querySelector('tbody').replaceChildren(...rows);
}

// ---- the token: minted by the platform in the local profile, else pasted by the operator

async function obtainToken() {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored) return stored;
  const response = await fetch('/local/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenantId: 'console', subject: 'console-operator', roles: ['admin'] }),
  }).catch(() => null);
  if (!response || !response.ok) return null;
  const token = (await response.json()).token;
  sessionStorage.setItem(TOKEN_KEY, token);
  return token;
}

async function api(path, options = {}) {
  const response = await fetch(API + path, {
    ...options,
    headers: {
      Accept: 'application/json',
      Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY),
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
    },
  });
  const body = await response.text();
  const json = body ? JSON.parse(body) : null;
  if (response.status === 401 || response.status === 403) {
    signOut(json && json.detail ? json.detail : 'The token was refused');
    throw new Error('not signed in');
  }
  if (!response.ok) {
    throw new Error((json && (json.detail || json.title)) || response.status + ' ' + response.statusText);
  }
  return json;
}

function showError(message) {
  $('#error').textContent = message || '';
}

// ---- services

// A service reports a dozen health components; these say whether its events flow. Any other shows when not UP.
const KEY_COMPONENTS = ['db', 'eventBusBroker', 'outbox'];

function components(service) {
  return Object.entries(service.components || {})
    .filter(([name, status]) => KEY_COMPONENTS.includes(name) || status !== 'UP')
    .map(([name, status]) => name + ' ' + status).join(', ');
}

async function refreshServices() {
  const services = await api('/services');
  replaceRows($('#services'), services.map((service) => element('tr', { 'data-service': service.name },
    cell(service.name),
    cell(service.status, { class: 'status status-' + service.status }),
    cell(service.error ? service.error : components(service)),
    cell(element('a', { href: service.url + '/swagger-ui.html', target: '_blank' }, service.url)))));
}

// ---- event rates

async function refreshRates() {
  const rates = await api('/rates?windowSeconds=300');
  replaceRows($('#rates'), rates.types.map((rate) => element('tr', { 'data-type': rate.type },
    cell(rate.type),
    cell(rate.published, { class: 'number' }), cell(rate.publishedPerMinute, { class: 'number' }),
    cell(rate.handled, { class: 'number' }), cell(rate.handledPerMinute, { class: 'number' }))));
}

// ---- dead-letter queues

async function refreshDeadLetterQueues() {
  const result = await api('/dead-letters');
  const total = result.queues.reduce((sum, queue) => sum + Math.max(queue.depth, 0), 0);
  const unreachable = Object.entries(result.unreachable || {}).map(([service, why]) => service + ': ' + why);
  $('#dlq-summary').textContent = total + ' dead-lettered message' + (total === 1 ? '' : 's') + ' in '
    + result.queues.length + ' queues' + (unreachable.length ? '; not answering: ' + unreachable.join('; ') : '');
  replaceRows($('#dead-letter-queues'), result.queues.map((queue) => {
    const actions = queue.depth > 0 ? [
      element('button', { type: 'button', 'data-action': 'show' }, 'Messages'), ' ',
      element('button', { type: 'button', 'data-action': 'replay-all' }, 'Replay all'),
    ] : [];
    const row = element('tr', { 'data-dlq': queue.dlq, 'data-service': queue.service },
      cell(queue.service), cell(queue.dlq), cell(queue.eventType),
      cell(queue.depth, { class: 'number depth' + (queue.depth > 0 ? ' depth-nonzero' : '') }), cell(actions));
    row.querySelector('[data-action=show]')?.addEventListener('click', () => run(() => showDeadLetters(queue)));
    row.querySelector('[data-action=replay-all]')?.addEventListener('click', () => run(() => replayAll(queue)));
    return row;
  }));
}

function queuePath(queue) {
  return '/dead-letters/' + encodeURIComponent(queue.service) + '/' + encodeURIComponent(queue.dlq);
}

async function showDeadLetters(queue) {
  const letters = await api(queuePath(queue) + '?limit=50');
  const rows = letters.map((letter) => {
    const replay = element('button', { type: 'button', 'data-action': 'replay' }, 'Replay');
    replay.addEventListener('click', () => run(async () => {
      await api(queuePath(queue) + '/' + encodeURIComponent(letter.messageId) + '/replay', { method: 'POST' });
      await Promise.all([showDeadLetters(queue), refreshDeadLetterQueues()]);
    }));
    const discard = element('button', { type: 'button', 'data-action': 'discard' }, 'Discard');
    discard.addEventListener('click', () => run(async () => {
      const reason = prompt('Why discard this ' + letter.type + '? The reason is recorded with your name.');
      if (!reason || !reason.trim()) return;
      await api(queuePath(queue) + '/' + encodeURIComponent(letter.messageId) + '/discard',
        { method: 'POST', body: JSON.stringify({ reason: reason.trim() }) });
      await Promise.all([showDeadLetters(queue), refreshDeadLetterQueues()]);
    }));
    return element('tr', { 'data-message-id': letter.messageId },
      cell(letter.type), cell(letter.tenantId), cell(letter.correlationId),
      cell(letter.exceptionClass ? letter.exceptionClass + ': ' + letter.exceptionMessage : ''),
      cell(letter.attempts ?? '', { class: 'number' }), cell(letter.deadLetterReason ?? ''),
      cell(letter.lastFailureAt ?? ''), cell([replay, ' ', discard]));
  });
  $('#dead-letters').replaceChildren(
    element('h3', {}, queue.dlq),
    element('table', { id: 'dead-letter-messages', 'data-dlq': queue.dlq },
      element('thead', {}, element('tr', {}, ['Type', 'Tenant', 'Correlation', 'Failure', 'Attempts', 'Reason',
        'Last failure', ''].map((title) => element('th', {}, title)))),
      element('tbody', {}, rows.length ? rows : [element('tr', {}, cell('empty', { colspan: 8 }))])));
}

async function replayAll(queue) {
  const result = await api(queuePath(queue) + '/replay', { method: 'POST' });
  showError(result.failure ? 'Replay stopped: ' + result.failure : '');
  $('#dead-letters').replaceChildren();
  await refreshDeadLetterQueues();
}

// ---- a business flow

async function showFlow(key) {
  location.hash = 'flow=' + encodeURIComponent(key);
  const flow = await api('/flows?key=' + encodeURIComponent(key));
  const target = $('#flow');
  if (!flow.events.length) {
    target.replaceChildren(element('p', { id: 'flow-empty' }, 'No events found for ' + key
      + ' (the outboxes keep sent events for a week).'));
    return;
  }
  const summary = element('p', { id: 'flow-summary' },
    flow.events.length + ' events, correlation ', element('code', {}, flow.correlationId), ', tenant ',
    element('code', {}, flow.tenantId), ', ' + flow.spanMs + ' ms from the first event to the last handling');
  const others = flow.otherCorrelationIds.length
    ? element('p', { class: 'muted' }, key + ' also names the flows ' + flow.otherCorrelationIds.join(', '))
    : '';
  const rows = flow.events.map((event) => element('tr', { 'data-type': event.type, 'data-event-id': event.eventId },
    cell('+' + event.offsetMs + ' ms', { class: 'number' }),
    cell(element('strong', {}, event.type)),
    cell(event.source),
    cell(element('code', { title: event.eventId }, event.eventId.substring(0, 8))),
    cell(new Date(event.publishedAt).toISOString().substring(11, 23) + (event.status === 'PENDING' ? ' (not sent yet)' : '')),
    cell(event.handledBy.length ? event.handledBy.map((handling) =>
      element('span', { class: 'handled' }, handling.queue + ' +' + handling.afterPublishMs + ' ms')) : 'not handled yet'),
    cell(element('details', {}, element('summary', {}, 'data'), element('pre', {}, JSON.stringify(event.data, null, 2))))));
  target.replaceChildren(summary, others, element('table', { id: 'flow-events' },
    element('thead', {}, element('tr', {}, ['', 'Event', 'Published by', 'Event id', 'Published at (UTC)',
      'Handled by', ''].map((title) => element('th', {}, title)))),
    element('tbody', {}, rows)));
}

// ---- wiring

async function run(action) {
  try {
    await action();
    showError('');
  } catch (e) {
    if (e.message !== 'not signed in') showError(e.message);
  }
}

async function refresh() {
  await run(() => Promise.all([refreshServices(), refreshRates(), refreshDeadLetterQueues()]));
  $('#refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
}

function signOut(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('#console').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = reason || '';
}

function start() {
  $('#sign-in').hidden = true;
  $('#console').hidden = false;
  $('#sign-out').hidden = false;
  refresh();
  const flowKey = new URLSearchParams(location.hash.substring(1)).get('flow');
  if (flowKey) {
    $('#flow-key').value = flowKey;
    run(() => showFlow(flowKey));
  }
}

$('#flow-form').addEventListener('submit', (event) => {
  event.preventDefault();
  run(() => showFlow($('#flow-key').value.trim()));
});
$('#token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('#token-input').value.trim());
  start();
});
$('#sign-out').addEventListener('click', () => signOut(''));
setInterval(() => { if (!$('#console').hidden) refresh(); }, REFRESH_MS);

obtainToken().then((token) => (token ? start() : signOut('')));
