/**
 * Builds the value on first use, then returns the same one: for clients
 * that a run may never need, such as an AWS client per service.
 */
export function lazy<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
}
