// The file an export or a summary is written to: created before any report is checked (so a path that cannot be
// written fails at once), written with back-pressure, and any write error surfaced instead of lost.
import { createWriteStream, openSync, type WriteStream } from 'node:fs';

export class Output {
  readonly stream: WriteStream;
  private error: Error | null = null;

  /** Throws at once when the file cannot be created (no such folder, no permission). */
  constructor(file: string) {
    this.stream = createWriteStream('', { fd: openSync(file, 'w') });
    this.stream.on('error', (e) => { this.error ??= e; });
  }

  async write(s: string): Promise<void> {
    if (this.error) throw this.error;
    if (this.stream.write(s)) return;
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => { this.stream.off('drain', done); reject(e); };
      const done = () => { this.stream.off('error', fail); resolve(); };
      this.stream.once('drain', done).once('error', fail);
    });
  }

  /** Ends the file and waits until it is on disk (or fails with the write error). */
  async end(): Promise<void> {
    if (this.error) throw this.error;
    if (!this.stream.writableFinished) {
      await new Promise<void>((resolve, reject) => {
        this.stream.once('error', reject);
        this.stream.end(() => resolve());
      });
    }
    if (this.error) throw this.error;
  }

  /** Closes the file after a failure elsewhere (a check that threw). */
  abort(): void { this.stream.destroy(); }
}
