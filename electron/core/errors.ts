/** Errors the core raises on purpose; the API layer turns them into Result failures. */
export class NotFoundError extends Error {
  constructor(what: string, id: number | string) {
    super(`${what} ${id} was not found. It may have been deleted.`);
  }
}

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class InvalidError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
