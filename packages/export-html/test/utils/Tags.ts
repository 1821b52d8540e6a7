/**
 * The tags of an HTML page, tokenised without a browser: each start or end tag's element name and
 * attributes. A page whose texts are all escaped has exactly the tags its exporter wrote, so the set
 * of element and attribute names is a fixed vocabulary whatever the document says.
 */

/** A start or end tag. */
export interface Tag {
  readonly name: string
  readonly end: boolean
  readonly attributes: ReadonlyArray<readonly [string, string]>
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*"|='[^']*'|=[^\s"'>]+)?)*)\s*\/?>/g
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)"|='([^']*)'|=([^\s"'>]+))?/g

/** Every tag from `<body` on (or of the whole text), in order. */
export const tagsOf = (html: string): Array<Tag> => {
  const start = html.search(/<body\b/i)
  const body = start === -1 ? html : html.slice(start)
  return [...body.matchAll(TAG)].map((m) => ({
    name: m[2]!.toLowerCase(),
    end: m[1] === "/",
    attributes: [...m[3]!.matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ""] as const)
  }))
}

/** The `<` that do not begin a tag of {@link tagsOf}: none, in a page whose texts are escaped. */
export const strayAngles = (html: string): number => {
  const start = html.search(/<body\b/i)
  const body = start === -1 ? html : html.slice(start)
  return (body.match(/</g)?.length ?? 0) - tagsOf(body).length
}
