/**
 * Stands in for the `CustomFunctions` global in the bundles (webpack ProvidePlugin).
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(…)` calls to the functions
 * files; outside Excel (the task pane opened in a browser, the headless Chromium test) that
 * global does not exist and the page would fail with a ReferenceError. Inside Excel this hands
 * every call to the real runtime.
 */
interface CustomFunctionsRuntime {
  associate(id: string, implementation: unknown): void;
}

function runtime(): CustomFunctionsRuntime | undefined {
  return (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
}

export function associate(id: string, implementation: unknown): void {
  runtime()?.associate(id, implementation);
}
