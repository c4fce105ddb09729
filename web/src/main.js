// The playground page: an editor with a line-number gutter, the run controls, and the
// output. Scripts run in a Web Worker (worker.js); the page keeps one worker and replaces it
// when a run has to be cut short from outside (Stop, or a worker that stopped answering).
import { EXAMPLES } from './examples.js';

/** How long after a run's timeout the page waits for the worker before terminating it (ms). */
const WATCHDOG_GRACE_MS = 1500;

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const editorBox = $('editor-box');
const gutter = $('gutter');
const errorBand = $('error-band');
const runButton = $('run');
const stopButton = $('stop');
const output = $('output');
const errorBox = $('error');
const errorMessage = $('error-message');
const errorTraceback = $('error-traceback');
const statusEl = $('status');
const statsEl = $('stats');

// ---- the editor ---------------------------------------------------------------------------

/** Line height of the editor in px, read from the CSS (--line). */
function lineHeight() {
  return parseFloat(getComputedStyle(editorBox).getPropertyValue('--line')) || 20;
}

/** One gutter entry per source line; the marked error line keeps its mark. */
function renderGutter() {
  const lines = editor.value.split('\n').length;
  if (gutter.childElementCount !== lines) {
    const frag = document.createDocumentFragment();
    for (let i = 1; i <= lines; i++) {
      const d = document.createElement('div');
      d.dataset.line = String(i);
      d.textContent = String(i);
      frag.appendChild(d);
    }
    gutter.replaceChildren(frag);
  }
  const mark = Number(editorBox.dataset.errorLine ?? 0);
  for (const d of gutter.children) {
    const isError = Number(d.dataset.line) === mark;
    d.classList.toggle('error-line', isError);
    if (isError) d.dataset.errorLine = String(mark);
    else delete d.dataset.errorLine;
  }
  syncScroll();
}

/** The gutter and the error band follow the textarea's scrolling. */
function syncScroll() {
  gutter.scrollTop = editor.scrollTop;
  const mark = Number(editorBox.dataset.errorLine ?? 0);
  if (mark > 0) {
    const padTop = parseFloat(getComputedStyle(editor).paddingTop) || 0;
    errorBand.style.top = `${padTop + (mark - 1) * lineHeight() - editor.scrollTop}px`;
  }
}

/** Mark the line of an error (0 clears the mark); the editor box gets data-error-line. */
function markErrorLine(line) {
  if (line > 0) {
    editorBox.dataset.errorLine = String(line);
    errorBand.hidden = false;
  } else {
    delete editorBox.dataset.errorLine;
    errorBand.hidden = true;
  }
  renderGutter();
}

/** Scroll the editor so that a line is visible. */
function revealLine(line) {
  const top = (line - 1) * lineHeight();
  if (top < editor.scrollTop || top > editor.scrollTop + editor.clientHeight - 2 * lineHeight()) {
    editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
  }
  syncScroll();
}

function setSource(text) {
  editor.value = text;
  editor.scrollTop = 0;
  markErrorLine(0);
}

editor.addEventListener('input', () => {
  // the marked line no longer matches the text once it is edited
  if (editorBox.dataset.errorLine !== undefined) markErrorLine(0);
  else renderGutter();
});
editor.addEventListener('scroll', syncScroll);
editor.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    startRun();
  } else if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
    // Tab indents instead of leaving the editor
    e.preventDefault();
    document.execCommand('insertText', false, '  ');
  }
});

// ---- examples ----------------------------------------------------------------------------

const examplesSelect = $('examples');
EXAMPLES.forEach((ex, i) => examplesSelect.add(new Option(ex.name, String(i))));
examplesSelect.addEventListener('change', () => setSource(EXAMPLES[Number(examplesSelect.value)].source));

// ---- the worker ----------------------------------------------------------------------------

let worker = null;
/** the run in flight: { id, watchdog, startedAt } or null */
let current = null;
let nextId = 1;

function createWorker() {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'moonbox-playground' });
  w.onmessage = (e) => onWorkerMessage(e.data);
  w.onerror = (e) => {
    // the worker script itself failed (it could not load, or threw outside a run)
    e.preventDefault();
    if (current !== null) {
      finishRun('error', 'worker error', null);
      showError({ kind: 'host', message: `the worker failed: ${e.message || 'unknown error'}`, line: 0 });
    }
    replaceWorker();
  };
  return w;
}

function replaceWorker() {
  worker?.terminate();
  worker = createWorker();
}

function onWorkerMessage(msg) {
  // messages of a run that was given up are dropped
  if (current === null || msg.id !== current.id) return;
  if (msg.type === 'output') {
    appendOutput(msg.text);
  } else if (msg.type === 'done') {
    if (msg.values.length > 0) appendOutput(`⇒ ${msg.values.join(', ')}\n`, 'returned');
    finishRun('ok', 'ok', msg.stats);
  } else if (msg.type === 'error') {
    const err = msg.error;
    const label = err.kind === 'limit' ? `stopped: ${err.limit} limit`
      : err.kind === 'syntax' ? 'syntax error' : 'error';
    finishRun(err.kind === 'limit' ? 'limit' : 'error', label, msg.stats, err);
    showError(err);
  }
}

// ---- running --------------------------------------------------------------------------------

/** A limit input as a number, or undefined when it is empty (no limit). */
function limitValue(id, scale = 1) {
  const raw = $(id).value.trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? Math.floor(n * scale) : undefined;
}

function readLimits() {
  const limits = {};
  const instructions = limitValue('max-instructions');
  const memoryBytes = limitValue('max-memory', 1024 * 1024);
  const timeoutMs = limitValue('timeout');
  if (instructions !== undefined) limits.instructions = instructions;
  if (memoryBytes !== undefined) limits.memoryBytes = memoryBytes;
  if (timeoutMs !== undefined) limits.timeoutMs = timeoutMs;
  return limits;
}

function startRun() {
  if (current !== null) return;
  const limits = readLimits();
  const id = nextId++;
  output.replaceChildren();
  hideError();
  markErrorLine(0);
  statsEl.textContent = '';
  delete statsEl.dataset.instructions;
  setStatus('running', 'running…');
  runButton.disabled = true;
  stopButton.disabled = false;

  // Last resort: the engine's own time limit stops the script inside the worker; a worker
  // that has not answered some time after it is terminated and replaced. With no timeout,
  // only Stop ends such a run.
  let watchdog = null;
  if (limits.timeoutMs !== undefined) {
    watchdog = setTimeout(() => {
      replaceWorker();
      finishRun('stopped', 'stopped: no answer', null);
      showError({
        kind: 'limit',
        message: `the worker did not answer ${WATCHDOG_GRACE_MS} ms after the ${limits.timeoutMs} ms timeout: it was terminated`,
        line: 0,
      });
    }, limits.timeoutMs + WATCHDOG_GRACE_MS);
  }
  current = { id, watchdog, startedAt: performance.now() };
  worker.postMessage({ id, source: editor.value, policy: $('policy').value, limits });
}

function stopRun() {
  if (current === null) return;
  // the worker is busy running the script and cannot be interrupted from here: replace it
  replaceWorker();
  finishRun('stopped', 'stopped', null);
  showError({ kind: 'limit', message: 'the run was stopped from the page (the worker was terminated)', line: 0 });
}

/** End the current run: status, figures, buttons. */
function finishRun(state, label, stats) {
  const wall = performance.now() - current.startedAt;
  clearTimeout(current.watchdog);
  current = null;
  runButton.disabled = false;
  stopButton.disabled = true;
  setStatus(state, label);
  showStats(stats, wall);
}

function setStatus(state, text) {
  statusEl.dataset.state = state;
  statusEl.textContent = text;
}

function showStats(stats, wallMs) {
  const parts = [];
  if (stats !== null) {
    statsEl.dataset.instructions = String(stats.instructions);
    parts.push(`instructions: ${stats.instructions.toLocaleString('en-US')}`);
    parts.push(`memory peak: ${stats.memoryPeak > 0 ? formatBytes(stats.memoryPeak) : '–'}`);
    parts.push(`duration: ${formatMs(stats.durationMs)}`);
  }
  parts.push(`round trip: ${formatMs(wallMs)}`);
  statsEl.textContent = parts.join('  ·  ');
}

// ---- output and errors -----------------------------------------------------------------------

function appendOutput(text, className) {
  const node = className ? Object.assign(document.createElement('span'), { className, textContent: text })
    : document.createTextNode(text);
  // keep following the end unless the reader scrolled up
  const atEnd = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
  output.appendChild(node);
  if (atEnd) output.scrollTop = output.scrollHeight;
}

function showError(err) {
  errorBox.hidden = false;
  errorBox.dataset.kind = err.kind;
  errorBox.classList.toggle('limit', err.kind === 'limit');
  // the line is named when the message does not give it ("playground:3: ..." does)
  const named = err.line > 0 && !err.message.includes(`:${err.line}:`);
  errorMessage.textContent = named ? `${err.message}  (line ${err.line})` : err.message;
  errorTraceback.hidden = !err.traceback;
  errorTraceback.textContent = err.traceback ?? '';
  if (err.line > 0) {
    markErrorLine(err.line);
    revealLine(err.line);
  }
}

function hideError() {
  errorBox.hidden = true;
  delete errorBox.dataset.kind;
  errorMessage.textContent = '';
  errorTraceback.textContent = '';
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

function formatMs(ms) {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}

// ---- start -------------------------------------------------------------------------------------

$('controls').addEventListener('submit', (e) => {
  e.preventDefault();
  startRun();
});
stopButton.addEventListener('click', stopRun);
new ResizeObserver(syncScroll).observe(editor);

worker = createWorker();
setSource(EXAMPLES[0].source);
document.body.dataset.ready = 'true';
