// WebAuthn with the PRF extension: create a passkey, and ask a passkey for its PRF output on a salt.
// Knows nothing of the vault: the core turns the 32 output bytes into a key (docs/vault-format.md).
//
// Pitfalls handled, as seen across browsers and authenticators:
// - some refuse a PRF input at creation: the salt is sent at creation, and on refusal creation is
//   retried asking only whether PRF is there;
// - some tell whether PRF works only when asked at creation, others return the output only on an
//   assertion: without an output at creation, one assertion follows for the new credential;
// - the same userVerification at creation and assertion (a mismatch changes the PRF output on
//   some authenticators, as CTAP2 hmac-secret keeps two keys, with and without verification);
// - prf.eval with a single allowCredentials entry, rather than evalByCredential, where possible:
//   some authenticators return nothing for the latter.

const USER_VERIFICATION = 'required';
const TIMEOUT_MS = 120_000;

/// kind: 'unsupported' (no WebAuthn), 'no_prf' (this authenticator or browser cannot derive a key),
/// 'cancelled' (the user or the browser stopped the ceremony).
export class PasskeyError extends Error {
  constructor(kind, cause) {
    super(kind);
    this.kind = kind;
    this.cause = cause;
  }
}

export function webauthnAvailable() {
  return typeof PublicKeyCredential === 'function' && typeof navigator.credentials?.create === 'function';
}

const random = (size) => crypto.getRandomValues(new Uint8Array(size));
/// A copy of a BufferSource's bytes.
const viewOf = (source) => (ArrayBuffer.isView(source)
  ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source));
const bytesOf = (source) => viewOf(source).slice();

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/// The user stopped it, or it timed out: never retried.
function stopped(error) {
  return error?.name === 'NotAllowedError' || error?.name === 'AbortError';
}

function prfFirst(credential) {
  const first = credential.getClientExtensionResults?.().prf?.results?.first;
  return first ? bytesOf(first) : null;
}

async function assertion(allowCredentials, prf) {
  try {
    return await navigator.credentials.get({
      publicKey: {
        challenge: random(32), // nothing is sent anywhere: the PRF output is what we need
        allowCredentials: allowCredentials.map((id) => ({ type: 'public-key', id })),
        userVerification: USER_VERIFICATION,
        timeout: TIMEOUT_MS,
        extensions: { prf },
      },
    });
  } catch (error) {
    throw new PasskeyError(stopped(error) ? 'cancelled' : 'no_prf', error);
  }
}

/// Creates a passkey for this site and returns {credentialId, prfOutput} (Uint8Arrays; the caller
/// wipes prfOutput). `salt`: 32 bytes. Throws PasskeyError.
export async function createPrfPasskey({ salt, userName, displayName }) {
  if (!webauthnAvailable()) throw new PasskeyError('unsupported');
  const options = (prf) => ({
    publicKey: {
      challenge: random(32),
      rp: { name: displayName },
      user: { id: random(16), name: userName, displayName: userName },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { residentKey: 'preferred', userVerification: USER_VERIFICATION },
      timeout: TIMEOUT_MS,
      extensions: { prf },
    },
  });
  let credential;
  try {
    credential = await navigator.credentials.create(options({ eval: { first: salt } }));
  } catch (error) {
    if (stopped(error) || error?.name === 'InvalidStateError') throw new PasskeyError('cancelled', error);
    try {
      credential = await navigator.credentials.create(options({}));
    } catch (retryError) {
      throw new PasskeyError(stopped(retryError) ? 'cancelled' : 'unsupported', retryError);
    }
  }
  const credentialId = new Uint8Array(credential.rawId);
  const prf = credential.getClientExtensionResults?.().prf;
  if (!prf || prf.enabled === false) throw new PasskeyError('no_prf');
  const prfOutput = prfFirst(credential) ?? prfFirst(await assertion([credentialId], { eval: { first: salt } }));
  if (!prfOutput) throw new PasskeyError('no_prf');
  return { credentialId, prfOutput };
}

/// Asks for one of `passkeys` ([{credentialId, prfSalt}]) and returns {credentialId, prfOutput}
/// of the one the user chose. Throws PasskeyError.
// evalByCredential is keyed by base64url credential id: the authenticator uses the salt of the
// passkey the user picks.
const saltByCredential = (passkey) => [base64url(passkey.credentialId), { first: passkey.prfSalt }];

export async function passkeyPrfOutput(passkeys) {
  if (!webauthnAvailable()) throw new PasskeyError('unsupported');
  if (!passkeys.length) throw new PasskeyError('no_prf');
  const ids = passkeys.map((passkey) => passkey.credentialId);
  const prf = passkeys.length === 1
    ? { eval: { first: passkeys[0].prfSalt } }
    : { evalByCredential: Object.fromEntries(passkeys.map(saltByCredential)) };
  const credential = await assertion(ids, prf);
  const credentialId = new Uint8Array(credential.rawId);
  let prfOutput = prfFirst(credential);
  if (!prfOutput && passkeys.length > 1) {
    // No answer to evalByCredential: ask the credential the user chose once more, with prf.eval.
    const chosen = passkeys.find((passkey) => base64url(passkey.credentialId) === base64url(credentialId));
    if (chosen) prfOutput = prfFirst(await assertion([chosen.credentialId], { eval: { first: chosen.prfSalt } }));
  }
  if (!prfOutput) throw new PasskeyError('no_prf');
  return { credentialId, prfOutput };
}
