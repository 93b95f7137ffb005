/**
 * The demo server's WebSocket endpoint (`/__ws?url=<original socket URL>`),
 * for tracker sockets redirected by demo/assets/local-websocket.js: a minimal
 * RFC 6455 server (text/binary frames, ping, close) that records each message
 * as a hit and acknowledges it. Plain Node, no dependency.
 */
import { createHash } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Encodes one unmasked server frame. */
function encodeFrame(opcode, payload) {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 255])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(length)); return b; })()]);
  return Buffer.concat([header, payload]);
}

/** Reads one (masked, client) frame from the start of `buffer`, or null when incomplete. */
function readFrame(buffer) {
  if (buffer.length < 2) return null;
  const opcode = buffer[0] & 15;
  const masked = (buffer[1] & 128) !== 0;
  let length = buffer[1] & 127;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const mask = masked ? buffer.subarray(offset, offset + 4) : null;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
  return { opcode, payload, size: offset + length };
}

/**
 * Handles an HTTP upgrade to `/__ws`; `onMessage(url, text)` is called for each message.
 * @returns {boolean} whether the request was ours
 */
export function acceptLocalSocket(req, socket, onMessage, sockets) {
  const url = new URL(req.url ?? '/', 'http://demo.local');
  const key = req.headers['sec-websocket-key'];
  if (url.pathname !== '/__ws' || typeof key !== 'string') return false;
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.destroy());
  const target = url.searchParams.get('url') ?? 'unknown';
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
      buffer = buffer.subarray(frame.size);
      if (frame.opcode === 8) {
        socket.end(encodeFrame(8, Buffer.alloc(0)));
        return;
      }
      if (frame.opcode === 9) socket.write(encodeFrame(10, frame.payload));
      if (frame.opcode === 1 || frame.opcode === 2) {
        onMessage(target, frame.payload.toString('utf8').slice(0, 2000));
        socket.write(encodeFrame(1, Buffer.from('{"type":"consentry-demo:ack"}')));
      }
    }
  });
  return true;
}
