// Browser consoles of a VM: xterm.js for the serial port, noVNC for the screen. Both speak to
// /dashboard/console/{vm}/{serial|vnc}; when the silo closes the socket, the close reason is shown.
import { Terminal } from '/lib/xterm/xterm.mjs';
import RFB from '/lib/novnc/core/rfb.js';

const sessions = new Map();

function socketUrl(vm, kind) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/dashboard/console/${encodeURIComponent(vm)}/${kind}`;
}

export function openSerial(elementId, vm, page) {
  close(elementId);
  const element = document.getElementById(elementId);
  element.replaceChildren();
  const term = new Terminal({ convertEol: false, cursorBlink: true, fontSize: 14, scrollback: 5000 });
  term.open(element);
  const socket = new WebSocket(socketUrl(vm, 'serial'));
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => page.invokeMethodAsync('ConsoleState', 'connected', '');
  socket.onmessage = e => term.write(typeof e.data === 'string' ? e.data : new Uint8Array(e.data));
  socket.onclose = e => {
    term.write(`\r\n\x1b[33m[console closed: ${e.reason || 'code ' + e.code}]\x1b[0m\r\n`);
    page.invokeMethodAsync('ConsoleState', 'closed', e.reason || `code ${e.code}`);
  };
  const encoder = new TextEncoder();
  term.onData(data => { if (socket.readyState === WebSocket.OPEN) socket.send(encoder.encode(data)); });
  sessions.set(elementId, () => { socket.close(); term.dispose(); });
}

export function openVnc(elementId, vm, page) {
  close(elementId);
  const element = document.getElementById(elementId);
  element.replaceChildren();
  const rfb = new RFB(element, socketUrl(vm, 'vnc'));
  rfb.scaleViewport = true;
  rfb.addEventListener('connect', () => page.invokeMethodAsync('ConsoleState', 'connected', ''));
  rfb.addEventListener('disconnect', e => page.invokeMethodAsync('ConsoleState', 'closed', e.detail.clean ? 'disconnected' : 'connection refused or lost'));
  rfb.addEventListener('securityfailure', e => page.invokeMethodAsync('ConsoleState', 'closed', e.detail.reason || 'security failure'));
  // noVNC reports only clean/unclean; read the silo's close reason from its socket as well.
  const socket = rfb._sock && rfb._sock._websocket;
  if (socket) {
    socket.addEventListener('close', e => { if (e.reason) page.invokeMethodAsync('ConsoleState', 'closed', e.reason); });
  }
  sessions.set(elementId, () => rfb.disconnect());
}

export function close(elementId) {
  const stop = sessions.get(elementId);
  if (stop) {
    sessions.delete(elementId);
    try { stop(); } catch { /* already closed */ }
  }
}
