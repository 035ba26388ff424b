import { join } from "node:path";
import { spaInitialJs } from "../../api/bench/spa-size.ts";

/**
 * The JavaScript a browser must fetch before the admin app can draw anything on a first visit in
 * Finnish: the entry, its static imports and the catalogues it waits for. Measured by the same code as
 * the API bench's section e); route pages, their texts and charts are lazy and not counted.
 */
const size = await spaInitialJs(join(import.meta.dirname, "..", "..", ".."), "admin");
if (size.gzipKiB === null) throw new Error(`admin initial JS: ${size.note ?? "not measured"}`);
console.log(
  `admin initial JS: ${size.gzipKiB} kB gzipped (${size.rawKiB} kB raw) in ${size.files.length} files${size.note ? ` (${size.note})` : ""}`,
);
console.log(JSON.stringify({ name: "admin.initialJsGzipKB", value: size.gzipKiB, files: size.files }));
