// Opening and closing camera and screen streams. stopStream() is called on every exit path (code
// read, view left, tab hidden, error), so the camera light never stays on.

export function stopStream(stream) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

const PHONE = /Android|iPhone|iPad|iPod|Mobile/i;

/// deviceId: a specific camera, or undefined for "the best one" (rear on phones). Asks for the
/// camera's best resolution up to 1920x1080 (more pixels per module for a code held further away,
/// where a fixed-focus webcam is sharp), then for continuous focus where the camera offers it.
export async function openCamera(deviceId) {
  const video = { width: { ideal: 1920, max: 1920 }, height: { ideal: 1080, max: 1080 } };
  if (deviceId) video.deviceId = { exact: deviceId };
  else if (PHONE.test(navigator.userAgent)) video.facingMode = { ideal: 'environment' };
  const stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
  await focusContinuously(stream.getVideoTracks()[0]);
  return stream;
}

/// Continuous autofocus when the track's capabilities list it (Chromium on most phones and some
/// webcams; Firefox and Safari have no getCapabilities() for this). Failing is harmless.
export async function focusContinuously(track) {
  const modes = track?.getCapabilities?.().focusMode;
  if (!Array.isArray(modes) || !modes.includes('continuous')) return false;
  try {
    await track.applyConstraints({ advanced: [{ focusMode: 'continuous' }] });
    return true;
  } catch {
    return false;
  }
}

export async function listCameras() {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput');
}

/// Front cameras (and laptop webcams, which face the user) are shown mirrored, like a mirror.
export function isFrontCamera(stream) {
  const settings = stream.getVideoTracks()[0]?.getSettings?.() ?? {};
  if (settings.facingMode) return settings.facingMode === 'user';
  return !PHONE.test(navigator.userAgent);
}

export function openScreen() {
  return navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 10 } }, audio: false });
}

export function cameraSupported() {
  return Boolean(navigator.mediaDevices?.getUserMedia);
}

export function screenSupported() {
  return Boolean(navigator.mediaDevices?.getDisplayMedia);
}
