// Opening and closing camera and screen streams. stopStream() is called on every exit path (code
// read, view left, tab hidden, error), so the camera light never stays on.

export function stopStream(stream) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

const PHONE = /Android|iPhone|iPad|iPod|Mobile/i;

/// deviceId: a specific camera, or undefined for "the best one" (rear on phones).
export function openCamera(deviceId) {
  const video = { width: { ideal: 1280 }, height: { ideal: 720 } };
  if (deviceId) video.deviceId = { exact: deviceId };
  else if (PHONE.test(navigator.userAgent)) video.facingMode = { ideal: 'environment' };
  return navigator.mediaDevices.getUserMedia({ video, audio: false });
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
