// Replacing one part of a zip (a .docx's main document) and keeping every other part byte for byte: each other
// entry's bytes (local header, data, data descriptor) are copied as they were, and its central directory record
// too, with only its offset moved. Zip64 archives, archives split over disks and encrypted entries are refused.
import { deflateSync } from 'fflate';

const CD_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface Entry { name: string; offset: number; record: Uint8Array }

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The central directory's entries, in its order; null for an archive this writer does not rewrite. */
function readDirectory(zip: Buffer): { entries: Entry[]; cdStart: number; comment: Uint8Array } | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || zip.readUInt32LE(eocd) !== EOCD_SIGNATURE || eocd + 22 > zip.length) return null;
  const count = zip.readUInt16LE(eocd + 10);
  const cdStart = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt16LE(eocd + 4) !== 0 || count === 0xffff || cdStart === 0xffffffff) return null; // split or zip64
  const entries: Entry[] = [];
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CD_SIGNATURE) return null;
    if (zip.readUInt16LE(at + 8) & 1) return null; // encrypted
    const size = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    if (offset === 0xffffffff || at + size > zip.length) return null;
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)), offset, record: zip.subarray(at, at + size) });
    at += size;
  }
  return { entries, cdStart, comment: zip.subarray(eocd + 22) };
}

/** The zip with entry `name`'s content replaced by `data` (deflated), every other entry byte for byte; null if it cannot. */
export function replaceZipPart(bytes: Uint8Array, name: string, data: Uint8Array): Buffer | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dir = readDirectory(zip);
  if (!dir || !dir.entries.some((e) => e.name === name)) return null;
  const ends = [...dir.entries.map((e) => e.offset), dir.cdStart].sort((a, b) => a - b);
  const endOf = (offset: number) => ends.find((x) => x > offset) ?? dir.cdStart;
  const pieces: Buffer[] = [];
  const records: Buffer[] = [];
  let written = 0;
  for (const e of [...dir.entries].sort((a, b) => a.offset - b.offset)) {
    const record = Buffer.from(e.record);
    record.writeUInt32LE(written, 42);
    let piece: Buffer;
    if (e.name === name) {
      if (zip.readUInt32LE(e.offset) !== LOCAL_SIGNATURE) return null;
      const deflated = deflateSync(data, { level: 6 });
      const nameBytes = Buffer.from(name, 'utf8');
      const header = Buffer.alloc(30);
      header.writeUInt32LE(LOCAL_SIGNATURE, 0);
      header.writeUInt16LE(20, 4); // version needed: deflate
      header.writeUInt16LE(record.readUInt16LE(8) & 0x0800, 6); // keep the UTF-8 name flag; no data descriptor
      header.writeUInt16LE(8, 8); // deflate
      header.writeUInt32LE(record.readUInt32LE(12), 10); // the entry's date and time, as they were
      header.writeUInt32LE(crc32(data), 14);
      header.writeUInt32LE(deflated.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(nameBytes.length, 26);
      piece = Buffer.concat([header, nameBytes, deflated]);
      record.writeUInt16LE(record.readUInt16LE(8) & 0x0800, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(crc32(data), 16);
      record.writeUInt32LE(deflated.length, 20);
      record.writeUInt32LE(data.length, 24);
    } else {
      piece = zip.subarray(e.offset, endOf(e.offset));
    }
    pieces.push(piece);
    written += piece.length;
    records.push(record);
  }
  // Records in the directory's own order, with the offsets set above.
  const byName = new Map(records.map((r) => [r.toString('utf8', 46, 46 + r.readUInt16LE(28)), r]));
  const directory = Buffer.concat(dir.entries.map((e) => byName.get(e.name)!));
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD_SIGNATURE, 0);
  eocd.writeUInt16LE(dir.entries.length, 8);
  eocd.writeUInt16LE(dir.entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(written, 16);
  eocd.writeUInt16LE(dir.comment.length, 20);
  return Buffer.concat([...pieces, directory, eocd, dir.comment]);
}
