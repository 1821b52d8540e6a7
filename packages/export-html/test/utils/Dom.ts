/**
 * The few browser globals the Chromium tests use inside `page.evaluate`, typed here because the
 * workspace compiles without the DOM library. Inside an evaluated function, read them with
 * `const { document } = browserGlobals()`: the function runs in the page, where `globalThis` is
 * `window`.
 */

/** An element, as far as the tests look at it. */
export interface DomElement {
  readonly tagName: string
  readonly id: string
  readonly textContent: string | null
  readonly outerHTML: string
  readonly caption?: DomElement | null
  getAttribute(name: string): string | null
  getAttributeNames(): Array<string>
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>
  getBoundingClientRect(): { readonly left: number; readonly right: number; readonly width: number; readonly height: number }
}

/** The window, as far as the tests look at it. */
export interface BrowserGlobals {
  readonly document: {
    readonly body: DomElement
    readonly documentElement: DomElement & { readonly lang: string }
    readonly characterSet: string
    querySelector(selector: string): DomElement | null
    querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>
    getElementById(id: string): DomElement | null
    createElement(tag: "canvas"): { getContext(kind: "2d"): { font: string; measureText(text: string): { readonly width: number } } | null }
  }
  getComputedStyle(element: DomElement): { readonly display: string; readonly breakBefore: string; readonly fontFamily: string }
  readonly __pwned?: unknown
}
