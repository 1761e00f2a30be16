// A module-resolution hook for loading configs that live outside a workspace package (for example
// a directory written by `orgops import`): `@orgops/*` imports that cannot be resolved from the
// config's own location resolve from the CLI's instead. Plain JavaScript because Node loads hooks
// on its loader thread.
let fallbackParent;

export async function initialize(data) {
  fallbackParent = data.fallbackParent;
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('@orgops/') && fallbackParent) {
      return nextResolve(specifier, { ...context, parentURL: fallbackParent });
    }
    throw err;
  }
}
