// Reading and writing report files in the encoding they came in: UTF-8 (with or without BOM),
// UTF-16 LE/BE with BOM, GB18030 (a superset of GBK and GB2312).
import { isUtf8 } from 'node:buffer';
import type * as Iconv from 'iconv-lite';
import { isMostlyBinary } from '../engine/text';

let iconvModule: typeof Iconv | undefined;
/** iconv-lite, loaded on first use: only GB18030 files need it, and it is most of the bundle (≈20 ms at start). */
const iconv = (): typeof Iconv => (iconvModule ??= require('iconv-lite') as typeof Iconv);

export type FileEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'gb18030';

export interface Decoded { text: string; encoding: FileEncoding }

export class DecodeError extends Error {}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3)), encoding: 'utf8bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  if (isMostlyBinary(bytes)) throw new DecodeError('二进制文件（含大量 NUL 字节），不是文本 / binary file (full of NUL bytes), not text');
  try {
    return { text: utf8(bytes), encoding: 'utf8' };
  } catch {
    // Not UTF-8: GB18030 is what Chinese Windows machines write.
  }
  const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (text.includes('\ufffd')) {
    throw new DecodeError('无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030） / cannot decode the file (not UTF-8, UTF-16 or GB18030)');
  }
  return { text, encoding: 'gb18030' };
}

/** Strict UTF-8 (what a fatal TextDecoder accepts), validated and decoded by Node's fast paths; throws otherwise. */
function utf8(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new DecodeError('not UTF-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export function encode(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) { const t = le[i]; le[i] = le[i + 1]; le[i + 1] = t; }
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'gb18030': return iconv().encode(text, 'gb18030');
  }
}
