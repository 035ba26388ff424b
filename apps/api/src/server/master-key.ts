import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Config } from "../env.js";

/**
 * The master key (32 bytes) wraps secrets kept in the database (TOTP secrets, recording data keys)
 * and must live outside it. Demo mode generates one file once in the data directory.
 */
export async function loadMasterKey(config: Pick<Config, "masterKey">): Promise<Uint8Array> {
  const source = config.masterKey;
  if (source.kind === "inline") return decode(Buffer.from(source.base64, "base64"), "KUULO_MASTER_KEY");
  try {
    const text = await readFile(source.path, "utf8");
    return decode(Buffer.from(text.trim(), "base64"), source.path);
  } catch (error) {
    if (!source.generateIfMissing || (error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const key = randomBytes(32);
    await mkdir(dirname(source.path), { recursive: true });
    // "wx" fails if another process created it meanwhile; then read theirs.
    try {
      await writeFile(source.path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      return new Uint8Array(key);
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      return loadMasterKey(config);
    }
  }
}

function decode(bytes: Buffer, where: string): Uint8Array {
  if (bytes.length !== 32) throw new Error(`${where}: the master key must be 32 bytes, base64-encoded`);
  return new Uint8Array(bytes);
}
