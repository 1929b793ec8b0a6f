/**
 * The local SQS journal on disk: records appended in order, written in groups, and made durable
 * (fdatasync) when someone waits for it, so that many concurrent sends share one sync.
 *
 * The file is only ever replaced whole: a rewrite (at start, and when the appended bytes grow far
 * beyond what is still alive) writes the live messages to `<file>.tmp`, syncs it, renames it over
 * the journal and syncs the folder, so a crash at any moment leaves either the old journal or the
 * new one, never a mix. Until the first rewrite (`commit()`, once the start's restore is done) the
 * old journal stays as it was and nothing is written; a wait for durability waits for the commit.
 */
import { readFileSync } from "node:fs";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { LocalLogger } from "./log";
import {
  encodeRecord,
  type JournalRecord,
  LiveMessages,
  type ParsedJournal,
  parseJournal,
} from "./sqs-journal";

/** The journal as it was left; an absent file is an empty journal. */
export const readJournalFile = (path: string): ParsedJournal => {
  try {
    return parseJournal(readFileSync(path, "utf8"));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      return { records: [], tornTail: false, corruptLines: 0 };
    }
    throw error;
  }
};

/** A rename is durable only once the folder that holds the name is synced. */
const syncFolder = async (path: string): Promise<void> => {
  const folder = await open(dirname(path), "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
};

export interface JournalWriterOptions {
  readonly path: string;
  readonly logger: LocalLogger;
  /** Rewrite once this many bytes were appended since the last rewrite (and twice the live size). Default 16 MiB. */
  readonly compactAfterBytes?: number;
}

interface Waiter {
  readonly upTo: number;
  resolve(): void;
  reject(error: Error): void;
}

export class JournalWriter {
  readonly #path: string;
  readonly #logger: LocalLogger;
  readonly #compactAfterBytes: number;
  readonly #live = new LiveMessages();
  #pending: string[] = [];
  /** Records appended so far, records in the file (or a rewrite) so far, and of those the synced ones. */
  #appended = 0;
  #written = 0;
  #durable = 0;
  #waiters: Waiter[] = [];
  #rewriteWaiters: Omit<Waiter, "upTo">[] = [];
  #handle: FileHandle | undefined;
  #committed = false;
  #rewriteWanted = false;
  #bytesSinceRewrite = 0;
  #liveBytes = 0;
  #pumping: Promise<void> | undefined;
  #failure: Error | undefined;
  #closed = false;

  constructor(options: JournalWriterOptions) {
    this.#path = options.path;
    this.#logger = options.logger;
    this.#compactAfterBytes = options.compactAfterBytes ?? 16 * 1024 * 1024;
  }

  /** Messages alive now (sent, not deleted or purged), in sending order. */
  get live(): LiveMessages {
    return this.#live;
  }

  /** Takes effect at once in the live set; reaches the file on the next write. Never throws. */
  append(record: JournalRecord): void {
    if (this.#closed) return;
    this.#live.apply(record);
    if (this.#failure) return;
    this.#pending.push(encodeRecord(record));
    this.#appended++;
    this.#kick();
  }

  /** Resolves once every record appended before the call is on disk and synced; rejects if it cannot be. */
  sync(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    const upTo = this.#appended;
    if (this.#durable >= upTo) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ upTo, resolve, reject });
      this.#kick();
    });
  }

  /** Replaces the old journal with the live messages; from then on records are appended to it. */
  commit(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#committed = true;
    this.#rewriteWanted = true;
    return new Promise<void>((resolve, reject) => {
      this.#rewriteWaiters.push({ resolve, reject });
      this.#kick();
    });
  }

  /** Writes and syncs what is pending, then closes the file. Records appended after are ignored. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (this.#committed) await this.sync().catch(() => undefined);
    this.#closed = true;
    await this.#pumping;
    this.#fail(new Error("The SQS journal is closed"));
    await this.#handle?.close();
    this.#handle = undefined;
  }

  #kick(): void {
    if (this.#pumping || !this.#committed) return;
    this.#pumping = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#pump())
      .catch((error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.#logger.error(
          "the SQS journal cannot be written; sends fail until the runtime restarts",
          failure,
        );
        this.#fail(failure);
      })
      .finally(() => {
        this.#pumping = undefined;
        // Records or waiters that arrived during the last await.
        if (!this.#failure && (this.#pending.length || this.#waiters.length)) this.#kick();
      });
  }

  async #pump(): Promise<void> {
    while (!this.#failure) {
      if (this.#rewriteWanted || this.#shouldCompact()) {
        await this.#rewrite();
        continue;
      }
      const batch = this.#pending.splice(0);
      if (batch.length > 0 && this.#handle) {
        const text = batch.join("");
        await this.#handle.appendFile(text);
        this.#bytesSinceRewrite += Buffer.byteLength(text);
        this.#written += batch.length;
      }
      if (this.#waiters.some((w) => w.upTo > this.#durable) && this.#handle) {
        await this.#handle.datasync();
        this.#durable = this.#written;
        this.#settle();
      }
      if (this.#pending.length === 0 && !this.#waiters.some((w) => w.upTo > this.#durable)) return;
    }
  }

  #shouldCompact(): boolean {
    return (
      this.#bytesSinceRewrite >= this.#compactAfterBytes && this.#bytesSinceRewrite >= 2 * this.#liveBytes
    );
  }

  async #rewrite(): Promise<void> {
    this.#rewriteWanted = false;
    // The live set already holds every pending record's effect, so the snapshot replaces them.
    this.#pending = [];
    const covered = this.#appended;
    const text = this.#live
      .messages()
      .map((message) => encodeRecord(message))
      .join("");
    const temporary = `${this.#path}.tmp`;
    const handle = await open(temporary, "w", 0o600);
    try {
      await handle.writeFile(text);
      await handle.datasync();
      await rename(temporary, this.#path);
      await syncFolder(this.#path);
    } catch (error) {
      await handle.close();
      await rm(temporary, { force: true });
      throw error;
    }
    const previous = this.#handle;
    this.#handle = handle;
    await previous?.close();
    this.#written = covered;
    this.#durable = covered;
    this.#bytesSinceRewrite = 0;
    this.#liveBytes = Buffer.byteLength(text);
    this.#settle();
    for (const waiter of this.#rewriteWaiters.splice(0)) waiter.resolve();
  }

  #settle(): void {
    const waiting: Waiter[] = [];
    for (const waiter of this.#waiters) {
      if (waiter.upTo <= this.#durable) waiter.resolve();
      else waiting.push(waiter);
    }
    this.#waiters = waiting;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of [...this.#waiters.splice(0), ...this.#rewriteWaiters.splice(0)])
      waiter.reject(error);
  }
}
