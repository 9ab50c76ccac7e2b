// Just enough RFC 6455 for a JSON chat with one client: unfragmented frames, masked from the client, unmasked to
// it. Continuation frames are folded into the preceding message.
export const OPCODES = { continuation: 0x0, text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface Frame {
  opcode: number;
  payload: Buffer;
}

export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

export function decodeFrames(buffer: Buffer): { frames: Frame[]; rest: Buffer } {
  const frames: Frame[] = [];
  let offset = 0;
  let fragments: Buffer[] = [];
  let fragmentOpcode = 0;
  while (buffer.length - offset >= 2) {
    const first = buffer[offset]!;
    const second = buffer[offset + 1]!;
    let length = second & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const masked = (second & 0x80) !== 0;
    const mask = masked ? buffer.subarray(cursor, cursor + 4) : null;
    if (masked) cursor += 4;
    if (buffer.length < cursor + length) break;
    const payload = Buffer.from(buffer.subarray(cursor, cursor + length));
    if (mask) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
    offset = cursor + length;
    const opcode = first & 0x0f;
    const fin = (first & 0x80) !== 0;
    if (opcode === OPCODES.text || opcode === OPCODES.continuation) {
      if (opcode === OPCODES.text) fragmentOpcode = opcode;
      fragments.push(payload);
      if (fin) {
        frames.push({ opcode: fragmentOpcode, payload: Buffer.concat(fragments) });
        fragments = [];
      }
    } else frames.push({ opcode, payload });
  }
  // Unfinished fragments are rare enough for this client that we keep only whole frames' bytes pending.
  return { frames, rest: buffer.subarray(offset) };
}
