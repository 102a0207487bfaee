// Maps getUserMedia / getDisplayMedia failures to what the user should hear. Every one of them
// ends the attempt with a message and the other routes offered; none leaves a spinner behind.
/// 'denied' | 'noCamera' | 'busy' | 'cancelled' | 'insecure' | 'unsupported' | 'failed' | 'screenFailed'
export function mediaErrorKind(error, { screen = false } = {}) {
  if (screen) {
    if (error?.name === 'NotAllowedError' || error?.name === 'PermissionDeniedError') return 'cancelled';
    if (error?.name === 'TypeError' || error?.name === 'NotSupportedError') return 'unsupported';
    return 'screenFailed';
  }
  switch (error?.name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return screen ? 'cancelled' : 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'SecurityError':
      return 'insecure';
    case 'TypeError':
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}
