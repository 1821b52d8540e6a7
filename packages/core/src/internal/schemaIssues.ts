/**
 * Located, bilingual problems from Effect 4's structured schema issue tree (`SchemaIssue.Issue`).
 *
 * Effect 3's `ArrayFormatter` gave a flat list of `{ _tag, path, message }`; here the tree is walked
 * directly, so every problem keeps its path, its kind (the `code` suffix: `missing`, `unexpected`,
 * `forbidden`, `type`, `refinement`) and, for hdnd's own checks, the "tiếng Việt / English" message
 * the check carries.
 *
 * @internal
 */
import * as Formatter from "effect/Formatter"
import type * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"

/**
 * The kind of a located issue, as in Effect 3's `ArrayFormatter` tags (lower case): a required key
 * is missing, a key is not allowed, an operation is forbidden, a value has the wrong type or shape,
 * or a check (refinement) with its own message failed.
 *
 * @internal
 */
export type IssueKind = "missing" | "unexpected" | "forbidden" | "type" | "refinement"

/**
 * One located issue: its kind, its path and its explanation in Vietnamese and English.
 *
 * @internal
 */
export interface LocatedIssue {
  readonly kind: IssueKind
  readonly path: ReadonlyArray<PropertyKey>
  readonly vi: string
  readonly en: string
}

const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}…` : s)

/** The rejected value, when the parser reported it (`reportInput: true`). */
const actualOf = (issue: SchemaIssue.Issue): string | undefined =>
  SchemaIssue.hasInput(issue) ? clip(Formatter.format(issue.input)) : undefined

/**
 * What the schema expected, in Effect's words (`string`, an identifier such as `UnitId`), except
 * that a union of literals lists its values (`"a" | "b"`) and an optional field's `| undefined` is
 * left out.
 */
const expectedOf = (ast: SchemaAST.AST): string => {
  if (ast._tag === "Union") {
    const members = ast.types.filter((t) => t._tag !== "Undefined")
    if (members.length > 0 && members.every((t) => t._tag === "Literal")) {
      return members.map((t) => Formatter.format((t as SchemaAST.Literal).literal)).join(" | ")
    }
    if (members.length === 1 && members.length < ast.types.length) return expectedOf(members[0] as SchemaAST.AST)
  }
  const text = SchemaIssue.defaultLeafHook(new SchemaIssue.InvalidType(ast))
  return text.startsWith("Expected ") ? text.slice("Expected ".length) : text
}

/** The tags of a union of tagged structs (`{ _tag: "A", … } | { _tag: "B", … }`), if it is one. */
const tagsOf = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.Literal> | undefined => {
  if (ast._tag !== "Union") return undefined
  const tags: Array<SchemaAST.Literal> = []
  for (const member of ast.types) {
    if (member._tag !== "Objects") return undefined
    const tag = member.propertySignatures.find((p) => p.name === "_tag")?.type
    if (tag?._tag !== "Literal") return undefined
    tags.push(tag)
  }
  return tags.length > 0 ? tags : undefined
}

/** A custom message: hdnd's are written "tiếng Việt / English". */
const split = (message: string): readonly [string, string] => {
  const i = message.indexOf(" / ")
  return i >= 0 ? [message.slice(0, i), message.slice(i + 3)] : [`dữ liệu không hợp lệ: ${clip(message)}`, clip(message)]
}

const expected = (expected: string, actual: string | undefined): readonly [string, string] => {
  const oneOf = expected.includes(" | ")
  if (actual === undefined) {
    return oneOf
      ? [`phải là một trong ${expected}`, `must be one of ${expected}`]
      : [`cần giá trị kiểu ${expected}`, `expected ${expected}`]
  }
  return oneOf
    ? [`phải là một trong ${expected}, nhưng là ${actual}`, `must be one of ${expected}, got ${actual}`]
    : [`cần giá trị kiểu ${expected}, nhưng là ${actual}`, `expected ${expected}, got ${actual}`]
}

const stringAnnotation = (annotations: object | undefined, key: string): string | undefined => {
  const value = (annotations as Record<string, unknown> | undefined)?.[key]
  return typeof value === "string" ? value : undefined
}

/** A non-empty array given empty: Effect 3 said "missing [0]", Effect 4 fails a minimum-length check. */
const isNonEmptyCheck = (filter: SchemaAST.Filter<unknown>, issue: SchemaIssue.Issue): boolean => {
  const representation = filter.annotations?.representation as { readonly id?: unknown; readonly payload?: unknown } | undefined
  return (
    representation?.id === "effect/schema/isMinLength" &&
    (representation.payload as { readonly minLength?: unknown } | undefined)?.minLength === 1 &&
    (!SchemaIssue.hasInput(issue) || Array.isArray(issue.input))
  )
}

const NON_EMPTY: readonly [string, string] = ["cần ít nhất một phần tử", "needs at least one item"]

/**
 * Flattens an issue tree into located issues, in the order Effect reports them.
 *
 * @internal
 */
export const locatedIssues = (root: SchemaIssue.Issue): ReadonlyArray<LocatedIssue> => {
  const out: Array<LocatedIssue> = []
  const emit = (kind: IssueKind, path: ReadonlyArray<PropertyKey>, [vi, en]: readonly [string, string]): void => {
    out.push({ kind, path, vi, en })
  }

  /**
   * `filter`: the check whose failure is being explained (its own message, if any, wins, as in
   * Effect's formatters).
   */
  const go = (issue: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>, filter: SchemaIssue.Filter | undefined): void => {
    switch (issue._tag) {
      case "Pointer":
        return go(issue.issue, [...path, ...issue.path], filter)
      case "Encoding":
        return go(issue.issue, path, filter)
      case "Composite":
        for (const i of issue.issues) go(i, path, filter)
        return
      case "Filter": {
        const message = stringAnnotation(issue.filter.annotations, "message")
        if (message !== undefined) return emit("refinement", path, split(message))
        if (isNonEmptyCheck(issue.filter, issue.issue)) return emit("missing", path, NON_EMPTY)
        return go(issue.issue, path, issue)
      }
      case "AnyOf":
        if (issue.issues.length > 0) {
          for (const i of issue.issues) go(i, path, filter)
          return
        }
        {
          const message = custom(issue.ast.annotations)
          if (message !== undefined) return emit("type", path, message)
          // No member matched a tagged union: say which tags exist, at `_tag`.
          const tags = tagsOf(issue.ast)
          const input = SchemaIssue.hasInput(issue) ? issue.input : undefined
          if (tags !== undefined && typeof input === "object" && input !== null && !Array.isArray(input)) {
            const tagPath = [...path, "_tag"]
            if (!("_tag" in input)) return emit("missing", tagPath, ["thiếu trường bắt buộc", "required field is missing"])
            return emit("type", tagPath, expected(tags.map((t) => Formatter.format(t.literal)).join(" | "), clip(Formatter.format(input._tag))))
          }
          return emit("type", path, expected(expectedOf(issue.ast), actualOf(issue)))
        }
      case "InvalidType":
        return emit("type", path, custom(issue.ast.annotations) ?? expected(expectedOf(issue.ast), actualOf(issue)))
      case "InvalidValue": {
        const message = stringAnnotation(issue.annotations, "message")
        if (message !== undefined) return emit(filter === undefined ? "type" : "refinement", path, split(message))
        const what = stringAnnotation(issue.annotations, "expected") ??
          (filter === undefined ? undefined : stringAnnotation(filter.filter.annotations, "expected"))
        const actual = actualOf(issue) ?? (filter === undefined ? undefined : actualOf(filter))
        // A failed check (a filter) is a refinement problem, as it was with Effect 3; the codes are stable.
        const code = filter === undefined ? "type" : "refinement"
        if (what !== undefined) return emit(code, path, expected(what, actual))
        return emit(code, path, actual === undefined
          ? ["giá trị không hợp lệ", "invalid value"]
          : [`giá trị không hợp lệ: ${actual}`, `invalid value: ${actual}`])
      }
      case "MissingKey": {
        const message = stringAnnotation(issue.annotations, "messageMissingKey")
        if (message !== undefined) return emit("missing", path, split(message))
        return emit("missing", path, path[path.length - 1] === 0 ? NON_EMPTY : ["thiếu trường bắt buộc", "required field is missing"])
      }
      case "UnexpectedKey": {
        const message = stringAnnotation(issue.ast.annotations, "messageUnexpectedKey")
        return emit("unexpected", path, message !== undefined ? split(message) : ["trường không được phép, hãy bỏ đi", "unexpected field, remove it"])
      }
      case "Forbidden":
        return emit("forbidden", path, ["không được phép", "forbidden"])
      case "OneOf": {
        const actual = actualOf(issue)
        return emit("type", path, actual === undefined
          ? ["khớp với nhiều hơn một dạng cho phép", "matches more than one allowed shape"]
          : [`${actual} khớp với nhiều hơn một dạng cho phép`, `${actual} matches more than one allowed shape`])
      }
    }
  }
  const custom = (annotations: object | undefined): readonly [string, string] | undefined => {
    const message = stringAnnotation(annotations, "message")
    return message === undefined ? undefined : split(message)
  }
  go(root, [], undefined)
  return out
}
