/**
 * wavesurfer renders into a shadow root and styles it with an inline <style>, which the API's CSP
 * (`style-src 'self'`) refuses. The same rules are adopted as a constructed stylesheet instead,
 * which CSP does not restrict because no markup is parsed; the inline <style> is never inserted.
 */
const WAVESURFER_SHADOW_CSS = `
:host { user-select: none; min-width: 1px; }
:host .scroll { overflow-x: auto; overflow-y: hidden; width: 100%; position: relative; }
:host .noScrollbar { scrollbar-color: transparent; scrollbar-width: none; }
:host .noScrollbar::-webkit-scrollbar { display: none; -webkit-appearance: none; }
:host .wrapper { position: relative; overflow: visible; z-index: 2; }
:host .canvases { min-height: var(--waveform-height, 96px); pointer-events: none; }
:host .canvases > div { position: relative; }
:host canvas { display: block; position: absolute; top: 0; image-rendering: pixelated; }
:host .progress { pointer-events: none; position: absolute; z-index: 2; top: 0; left: 0; width: 0; height: 100%; overflow: hidden; }
:host .progress > div { position: relative; }
:host .cursor { pointer-events: none; position: absolute; z-index: 5; top: 0; left: 0; height: 100%; border-radius: 2px; }
`;

let sheet: CSSStyleSheet | null = null;

export function adoptWavesurferStyles(root: Node): void {
  if (!(root instanceof ShadowRoot)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(WAVESURFER_SHADOW_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const shadowInnerHtml =
  typeof ShadowRoot === "undefined"
    ? undefined
    : Object.getOwnPropertyDescriptor(ShadowRoot.prototype, "innerHTML");

/**
 * Runs `create` (a synchronous WaveSurfer.create) with shadow roots whose markup loses its <style>
 * element, so the CSP never has an inline style to refuse, and adopts the same rules instead.
 */
export function withCspSafeShadowStyles<T>(create: () => T): T {
  const original = Element.prototype.attachShadow;
  if (!shadowInnerHtml?.set || !shadowInnerHtml.get) return create();
  const { get, set } = shadowInnerHtml;
  Element.prototype.attachShadow = function attachShadowWithoutInlineStyle(init: ShadowRootInit) {
    const root = original.call(this, init);
    Object.defineProperty(root, "innerHTML", {
      configurable: true,
      get: () => get.call(root),
      set: (html: string) => set.call(root, html.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, "")),
    });
    adoptWavesurferStyles(root);
    return root;
  };
  try {
    return create();
  } finally {
    Element.prototype.attachShadow = original;
  }
}
