/** Where a CLI command writes: stdout and stderr in the real CLI, buffers in the tests. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
