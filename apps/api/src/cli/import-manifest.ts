import { readFile } from "node:fs/promises";
import { isAbsolute, join, normalize, sep } from "node:path";

/** One line of the manifest: the audio file (absolute path) and the metadata exactly as written. */
export interface ManifestItem {
  /** 1-based line number in the manifest, for the report. */
  line: number;
  file: string | null;
  path: string | null;
  metadata: Record<string, unknown> | null;
  /** Why the line itself cannot be used (bad JSON, missing file name), before any ingest rule. */
  problem: string | null;
}

export const MANIFEST_NAMES = ["manifest.jsonl", "manifest.csv"] as const;

/** RFC 4180 fields: commas, double quotes around fields, "" for a quote inside one. */
export function parseCsvLine(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** The file named by a manifest line, which must stay inside the import directory. */
function resolveInside(
  dir: string,
  file: unknown,
): { file: string | null; path: string | null; problem: string | null } {
  if (typeof file !== "string" || file.trim() === "") {
    return { file: null, path: null, problem: 'field "file": the audio file name is missing' };
  }
  const relative = normalize(file);
  if (isAbsolute(relative) || relative === ".." || relative.startsWith(`..${sep}`)) {
    return { file, path: null, problem: `field "file": ${file} is outside the import directory` };
  }
  return { file, path: join(dir, relative), problem: null };
}

function itemOf(dir: string, line: number, record: Record<string, unknown>): ManifestItem {
  const { file, ...metadata } = record;
  return { line, metadata, ...resolveInside(dir, file) };
}

/** Reads `manifest.jsonl` (one JSON object a line) or `manifest.csv` (header row) in dir. */
export async function readManifest(dir: string): Promise<{ name: string; items: ManifestItem[] }> {
  for (const name of MANIFEST_NAMES) {
    let text: string;
    try {
      text = await readFile(join(dir, name), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const lines = text.split(/\r?\n/);
    const items: ManifestItem[] = [];
    if (name === "manifest.jsonl") {
      lines.forEach((raw, index) => {
        if (raw.trim() === "") return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          items.push({ line: index + 1, file: null, path: null, metadata: null, problem: "not valid JSON" });
          return;
        }
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
          items.push({
            line: index + 1,
            file: null,
            path: null,
            metadata: null,
            problem: "not a JSON object",
          });
          return;
        }
        items.push(itemOf(dir, index + 1, parsed as Record<string, unknown>));
      });
    } else {
      const header = parseCsvLine(lines[0] ?? "").map((column) => column.trim());
      lines.slice(1).forEach((raw, index) => {
        if (raw.trim() === "") return;
        const cells = parseCsvLine(raw);
        const record: Record<string, unknown> = {};
        header.forEach((column, at) => {
          const cell = cells[at];
          if (cell !== undefined && cell !== "") record[column] = cell;
        });
        items.push(itemOf(dir, index + 2, record));
      });
    }
    return { name, items };
  }
  throw new Error(`no ${MANIFEST_NAMES.join(" or ")} in ${dir}`);
}
