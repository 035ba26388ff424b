const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, "Edge"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/HeadlessChrome\/(\d+)/, "Chrome (headless)"],
  [/Chrome\/(\d+)/, "Chrome"],
  [/Version\/(\d+).*Safari/, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

/** "Chrome 156 · Linux" instead of the raw User-Agent header, which nobody reads. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent));
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent));
  const version = browser ? browser[0].exec(userAgent)?.[1] : undefined;
  const parts = [browser ? `${browser[1]}${version ? ` ${version}` : ""}` : null, system?.[1] ?? null].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(" · ") : userAgent.slice(0, 60);
}
