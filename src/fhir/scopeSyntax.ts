/**
 * The syntax of a SMART resource scope (v1 `.read`/`.write`/`.*`, v2 `.cruds` with an optional `?query`), shared
 * by the scope the launch page asks for and the scope the graph page reads back: a module of its own, so that
 * neither page loads the other's code.
 */
export const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(read|write|\*|[cruds]+)(\?.*)?$/;
