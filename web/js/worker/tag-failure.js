// WebKit's JavaScriptCore (WebKitGTK 2.50, measured by tests/e2e in WebKit) does not enter the
// core's `catch (const Botan::Invalid_Authentication_Tag&)` inside wasm, so a failed tag check (wrong
// password, or a tampered file: the core gives both one kind) reaches the binding's generic catch
// as kind 'internal' with Botan's message. It is named as the core means it, so a Safari user who
// mistypes the password reads "Wrong password", not "Something went wrong". Remove once the core
// checks the tag without an exception.
const TAG_FAILURE = /^Invalid authentication tag\b/;
export function nameTagFailure(result) {
  const error = result?.error;
  if (error?.kind === 'internal' && TAG_FAILURE.test(error.message ?? '')) return { ...result, error: { ...error, kind: 'wrong_password' } };
  return result;
}
