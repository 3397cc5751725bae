// A pause in long synchronous work: builds and reloads run on the thread that answers questions.

/**
 * Lets the event loop take what is waiting (a question, a worker's message) between the steps of a
 * build or reload: each step is synchronous work of up to a few hundred milliseconds, and a question
 * that arrives during a reload is answered from the engine still serving instead of after the reload.
 */
export function letOthersIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
