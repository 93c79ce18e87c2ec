// Bytes to text with the runtime's own decoders, for the readers and the language server: the encodings the CLI
// reads (UTF-8 with or without BOM, UTF-16 with BOM, GB18030), without bundling code-page tables (iconv-lite is
// the CLI's, for writing GB18030 back).
import { isMostlyBinary } from '../engine/text';
import type { FileEncoding } from '../cli/encoding';

const strict = (bytes: Uint8Array, label: string, from = 0): string =>
  new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));

/** The text and its encoding; throws when no encoding fits or the bytes are mostly not text. */
export function decodeBytes(bytes: Uint8Array, fallback: 'gb18030' | null = 'gb18030'): { text: string; encoding: FileEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strict(bytes, 'utf-8', 3), encoding: 'utf8bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict(bytes, 'utf-16le', 2), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict(bytes, 'utf-16be', 2), encoding: 'utf16be' };
  if (isMostlyBinary(bytes)) throw new Error('binary file');
  try {
    return { text: strict(bytes, 'utf-8'), encoding: 'utf8' };
  } catch (e) {
    if (!fallback) throw e;
  }
  return { text: strict(bytes, 'gb18030'), encoding: 'gb18030' };
}
